#include <boost/test/unit_test.hpp>

#include "mini_case.hpp"

using namespace handcheck;
using test::kMini;
using test::load_error;

BOOST_AUTO_TEST_SUITE(model_stated_reader)

BOOST_AUTO_TEST_CASE(stated_cells_in_any_spelling) {
  std::string base = kMini;
  Case c = load_case_text(test::replace_once(base, "stated: {a: [1.5, 4.5]}", "stated: {\" 2 , 01\": 4.5, \"1,2\": \"?\"}"),
                          "t");
  const Stated& s = *c.items[3].stated;
  BOOST_TEST((s.form == Stated::Form::cells));
  BOOST_REQUIRE(s.cells.size() == 2u);
  BOOST_TEST(s.cells[0].row == 2u);
  BOOST_TEST(s.cells[0].col == 1u);
  BOOST_TEST(s.cells[0].cell.value->value == Rational(9, 2));
  BOOST_TEST(!s.cells[1].cell.value.has_value());
}

BOOST_AUTO_TEST_CASE(stated_errors) {
  std::string base = kMini;
  BOOST_TEST(load_error(test::replace_once(base, "[1.5, 4.5]", "[1.5, 4..5]")) ==
             "t.yaml:17:23: error[load.number]: step Y: stated value: malformed number '4..5': unexpected character '.'");
  BOOST_TEST(load_error(test::replace_once(base, "{a: [1.5, 4.5]}", "{\"1,1\": 1.5, \"01,1\": 2}")) ==
             "t.yaml:17:26: error[load.stated]: step Y: stated cell \"01,1\" is cell 1,1 again (first given at line 17, "
             "column 14)");
  BOOST_TEST(load_error(test::replace_once(base, "{a: [1.5, 4.5]}", "{a: [1.5, 4.5], \"1,1\": 2}")) ==
             "t.yaml:17:29: error[load.stated]: step Y: stated mixes cells \"r,c\" and named vectors");
  BOOST_TEST(load_error(test::replace_once(base, "{a: [1.5, 4.5]}", "{\"0,1\": 2}")) ==
             "t.yaml:17:14: error[load.stated]: step Y: stated cell \"0,1\": rows and columns count from 1 and are at "
             "most 999999");
  BOOST_TEST(load_error(test::replace_once(base, "    columns: [a, b]\n    stated: {a: [1.5, 4.5]}",
                                           "    columns: [a, b]\n    rows: [r]\n    stated: {b: [1.5], r: [1, 2]}")) ==
             "t.yaml:18:24: error[load.stated]: step Y: stated row r and column b (line 18, column 14) both give cell "
             "1,2; state a step by its columns or by its rows");
}

BOOST_AUTO_TEST_SUITE_END()
