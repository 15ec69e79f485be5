#include <boost/test/unit_test.hpp>

#include "mini_case.hpp"

using namespace handcheck;
using test::kMini;
using test::load_error;

BOOST_AUTO_TEST_SUITE(model_loader)

BOOST_AUTO_TEST_CASE(reads_every_part_of_a_case) {
  Case c = load_case_text(kMini, "mini.yaml");
  BOOST_TEST(c.title == "mini");
  BOOST_TEST(c.digits == 12);
  BOOST_TEST(c.items.size() == 5u);
  const Item& x = c.items[0];
  BOOST_TEST(x.is_input);
  BOOST_TEST(x.columns.at(1) == "x2");
  BOOST_TEST(x.explain == "two vectors");
  BOOST_TEST(c.items[1].value.shape() == (Shape{1, 2}));
  BOOST_TEST(c.items[1].value(0, 0).value == Rational(3, 2));
  BOOST_TEST(c.items[1].value(0, 1).value == Rational(1, 3));
  BOOST_TEST(c.items[2].value.is_scalar());
  const Item& y = c.items[3];
  BOOST_TEST(y.same_expression);
  BOOST_TEST((y.compare.kind == CompareMode::Kind::abs));
  BOOST_TEST(y.compare.eps == Rational(1, 100));
  BOOST_TEST(y.columns.names.size() == 2u);
  BOOST_TEST((y.stated->form == Stated::Form::vectors));
  const Item& z = c.items[4];
  BOOST_TEST(!z.same_expression);
  BOOST_TEST((z.compare.kind == CompareMode::Kind::printed));
  BOOST_TEST(z.stated->rows[1][1].value->decimals == 2);
  BOOST_TEST(!z.stated->rows[0][1].value.has_value());
  BOOST_TEST(!z.stated->rows[1][0].value.has_value());
  BOOST_TEST(z.hand->loc.line == 19u);
  BOOST_TEST(z.hand->loc.column == 11u);
}

BOOST_AUTO_TEST_CASE(errors_of_the_case_its_inputs_and_steps) {
  std::string base = kMini;
  BOOST_TEST(load_error(test::replace_once(base, "  - name: Z", "  - name: Y")) ==
             "t.yaml:18:11: error[load.duplicate-name]: 'Y' is defined twice (first at line 14)");
  BOOST_TEST(load_error(test::replace_once(base, "handcheck/1", "handcheck/9")) ==
             "t.yaml:1:9: error[load.format]: unknown format 'handcheck/9': this version reads 'handcheck/1'");
  BOOST_TEST(load_error(test::replace_once(base, "    do: X * w", "    do: X * w\n    hand: X")) ==
             "t.yaml:15:9: error[load.step-form]: step Y: give either 'do' or 'hand' and 'exact', not both");
  BOOST_TEST(load_error(test::replace_once(base, "    exact: Y / sqrt(k)\n", "")) ==
             "t.yaml:18:5: error[load.step-form]: step Z: needs 'do', or both 'hand' and 'exact'");
  BOOST_TEST(load_error(test::replace_once(base, "    columns: x", "    columns: [x1, x2, x3]")) ==
             "t.yaml:9:14: error[load.shape]: input X: 3 column names for 2 columns");
  BOOST_TEST(load_error(test::replace_once(base, "  k: 2", "  2k: 2")) ==
             "t.yaml:12:3: error[load.bad-name]: '2k' is not a valid name (letters, digits and _, not starting with a "
             "digit; at most 64 characters)");
  BOOST_TEST(load_error(test::replace_once(base, "steps:\n", "stepz:\n")) ==
             "t.yaml:13:1: error[load.unknown-key]: unknown key 'stepz' in a case (did you mean 'steps'?)");
  BOOST_TEST(load_error("") == "t.yaml:1:1: error[load.empty]: empty case file: expected 'format: handcheck/1'");
}

BOOST_AUTO_TEST_SUITE_END()
