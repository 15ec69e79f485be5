#include <boost/test/unit_test.hpp>

#include "mini_case.hpp"

using namespace handcheck;
using test::kMini;
using test::load_error;

BOOST_AUTO_TEST_SUITE(model_yaml_document)

BOOST_AUTO_TEST_CASE(text_that_is_not_utf8_yaml_is_refused_at_its_byte) {
  std::string base = kMini;
  BOOST_TEST(load_error(test::replace_once(base, "title: mini", "title: m\xFFni")) ==
             "t.yaml:2:9: error[load.encoding]: invalid UTF-8 (byte 0xFF); save the file as UTF-8");
  BOOST_TEST(load_error(test::replace_once(base, "title: mini", "title: m\x1bni")) ==
             "t.yaml:2:9: error[load.control-character]: control character U+001B: not a YAML text file");
  BOOST_TEST(load_error(test::replace_once(base, "title: mini", "title: m\xEF\xBB\xBFni")) ==
             "t.yaml:2:9: error[load.encoding]: a byte order mark (U+FEFF) in the middle of the file");
  BOOST_TEST(load_error("\xFF\xFE" + base) ==
             "t.yaml:1:1: error[load.encoding]: the file is UTF-16 or UTF-32 (it starts with a byte order mark); "
             "save it as UTF-8");
  // A leading byte order mark is allowed, and columns count after it.
  BOOST_TEST(load_error("\xEF\xBB\xBF" + test::replace_once(base, "handcheck/1", "handcheck/9")) ==
             "t.yaml:1:9: error[load.format]: unknown format 'handcheck/9': this version reads 'handcheck/1'");
}

BOOST_AUTO_TEST_CASE(yaml_errors_are_placed_where_they_are) {
  std::string base = kMini;
  BOOST_TEST(load_error(test::replace_once(base, "  k: 2", "  k: [")) ==
             "t.yaml:14:3: error[load.yaml-syntax]: YAML syntax error: illegal block entry");
  BOOST_TEST(load_error(test::replace_once(base, "  k: 2", "\tk: 2")) ==
             "t.yaml:12:1: error[load.tab]: a tab indents this line; YAML indents with spaces only");
  BOOST_TEST(load_error(base + "---\nformat: handcheck/1\n") ==
             "t.yaml:23:1: error[load.second-document]: a second YAML document: a case file holds one case");
  LoadLimits shallow;
  shallow.expression.max_depth = 2;
  try {
    load_case_text(test::replace_once(base, "[[1, 2], [3, 4]]", "[[[1], 2], [3, 4]]"), "t.yaml", shallow);
    BOOST_FAIL("no error for brackets nested too deeply");
  } catch (const Error& e) {
    BOOST_TEST(e.what() == std::string("t.yaml:8:14: error[limit.nesting]: YAML nested too deeply (more than 2 levels "
                                       "of brackets; raise the limit with --max-depth)"));
  }
}

BOOST_AUTO_TEST_SUITE_END()
