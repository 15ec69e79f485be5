#include <boost/test/unit_test.hpp>

#include "mini_case.hpp"

using namespace handcheck;
using test::kMini;
using test::load_error;

BOOST_AUTO_TEST_SUITE(model_node_reader)

BOOST_AUTO_TEST_CASE(maps_refuse_unknown_and_repeated_keys) {
  std::string base = kMini;
  BOOST_TEST(load_error(test::replace_once(base, "    columns: [a, b]", "    colums: [a, b]")) ==
             "t.yaml:16:5: error[load.unknown-key]: step Y: unknown key 'colums' in step Y (did you mean 'columns'?)");
  BOOST_TEST(load_error(test::replace_once(base, "title: mini", "title: mini\ntitle: again")) ==
             "t.yaml:3:1: error[load.duplicate-key]: duplicate key 'title' in a case");
  BOOST_TEST(load_error(test::replace_once(base, "title: mini", "title: [mini]")) ==
             "t.yaml:2:8: error[load.wrong-type]: title must be a single value");
}

BOOST_AUTO_TEST_CASE(matrices_numbers_and_labels) {
  std::string base = kMini;
  BOOST_TEST(load_error(test::replace_once(base, "value: [[1, 2], [3, 4]]", "value: [[1, 2], [3]]")) ==
             "t.yaml:8:21: error[load.shape]: input X: value: row 2 has 1 entries, row 1 has 2");
  BOOST_TEST(load_error(test::replace_once(base, "value: [[1, 2], [3, 4]]", "value: [[1, 2], 3]")) ==
             "t.yaml:8:21: error[load.wrong-type]: input X: value: every row must be a list");
  BOOST_TEST(load_error(test::replace_once(base, "  w: [1.5, \"1/3\"]", "  w: [1.5, null]")) ==
             "t.yaml:11:12: error[load.missing]: input w: value: a value is missing");
  BOOST_TEST(load_error(test::replace_once(base, "    columns: [a, b]", "    columns: [a, a]")) ==
             "t.yaml:16:18: error[load.duplicate-name]: step Y: 'a' is named twice in columns");
  BOOST_TEST(load_error(test::replace_once(base, "    columns: x", "    columns: x, y")) ==
             "t.yaml:9:14: error[load.bad-name]: input X: columns prefix 'x, y' is not a valid name (a list of names is "
             "written [a, b])");
  LoadLimits few;
  few.max_cells = 6;
  try {
    load_case_text(kMini, "t.yaml", few);
    BOOST_FAIL("no error for too many cells");
  } catch (const Error& e) {
    BOOST_TEST(e.what() == std::string("t.yaml:12:6: error[limit.cells]: input k: value: the inputs and stated values of "
                                       "this case have more than 6 cells together (raise the limit with --max-cells)"));
  }
}

BOOST_AUTO_TEST_SUITE_END()
