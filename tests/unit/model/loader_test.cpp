#include <boost/test/unit_test.hpp>

#include "handcheck/model/loader.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {

const char* kMini = R"(format: handcheck/1
title: mini
follows: hand
compare: abs:0.01
digits: 12
inputs:
  X:
    value: [[1, 2], [3, 4]]
    columns: x
    explain: two vectors
  w: [1.5, "1/3"]
  k: 2
steps:
  - name: Y
    do: X * w
    columns: [a, b]
    stated: {a: [1.5, 4.5]}
  - name: Z
    hand: floor(Y / k)
    exact: Y / sqrt(k)
    compare: printed
    stated: [[0, null], ["?", 0.50]]
)";

std::string load_error(const std::string& yaml) {
  try {
    load_case_text(yaml, "t.yaml");
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

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

BOOST_AUTO_TEST_CASE(errors_have_file_line_column_and_name_the_step) {
  std::string base = kMini;
  BOOST_TEST(load_error(test::replace_once(base, "do: X * w", "do: X * ww")) ==
             "t.yaml:15:13: error[load.unknown-name]: step Y: in 'do': unknown name 'ww' (did you mean 'w'?)");
  BOOST_TEST(load_error(test::replace_once(base, "do: X * w", "do: X * Z")) ==
             "t.yaml:15:13: error[load.forward-reference]: step Y: in 'do': 'Z' is defined later (line 18); a step may use only inputs and earlier steps");
  BOOST_TEST(load_error(test::replace_once(base, "floor(Y / k)", "flor(Y / k)")) ==
             "t.yaml:19:11: error[load.unknown-function]: step Z: in 'hand': unknown function 'flor' (did you mean 'floor'?)");
  BOOST_TEST(load_error(test::replace_once(base, "floor(Y / k)", "floor(Y / k")) ==
             "t.yaml:19:11: error[expr.unclosed]: step Z: in 'hand': unclosed '(' of floor(");
  BOOST_TEST(load_error(test::replace_once(base, "  - name: Z", "  - name: Y")) ==
             "t.yaml:18:11: error[load.duplicate-name]: 'Y' is defined twice (first at line 14)");
  BOOST_TEST(load_error(test::replace_once(base, "handcheck/1", "handcheck/9")) ==
             "t.yaml:1:9: error[load.format]: unknown format 'handcheck/9': this version reads 'handcheck/1'");
  BOOST_TEST(load_error(test::replace_once(base, "[1.5, 4.5]", "[1.5, 4..5]")) ==
             "t.yaml:17:23: error[load.number]: step Y: stated value: malformed number '4..5': unexpected character '.'");
  BOOST_TEST(load_error(test::replace_once(base, "compare: printed", "compare: loose")) ==
             "t.yaml:21:14: error[load.compare-mode]: step Z: unknown compare mode 'loose' (printed, exact, abs:EPS, rel:EPS or sigfig:N)");
  BOOST_TEST(load_error(test::replace_once(base, "  k: 2", "  k: [")) .find("t.yaml:") == 0u);
  BOOST_TEST(load_error(test::replace_once(base, "    do: X * w", "    do: X * w\n    hand: X")) ==
             "t.yaml:15:9: error[load.step-form]: step Y: give either 'do' or 'hand' and 'exact', not both");
  BOOST_TEST(load_error(test::replace_once(base, "    columns: [a, b]", "    colums: [a, b]")) ==
             "t.yaml:16:5: error[load.unknown-key]: step Y: unknown key 'colums' in step Y (did you mean 'columns'?)");
  BOOST_TEST(load_error(test::replace_once(base, "value: [[1, 2], [3, 4]]", "value: [[1, 2], [3]]")) ==
             "t.yaml:8:21: error[load.shape]: step X: input X: row 2 has 1 entries, row 1 has 2");
  BOOST_TEST(load_error("") == "t.yaml:1:1: error[load.empty]: empty case file: expected 'format: handcheck/1'");
}

BOOST_AUTO_TEST_CASE(compare_modes) {
  BOOST_TEST(parse_compare_mode("sigfig:3").figures == 3);
  BOOST_TEST(parse_compare_mode("rel:1e-3").eps == Rational(1, 1000));
  BOOST_CHECK_THROW(parse_compare_mode("abs:"), DomainError);
  BOOST_CHECK_THROW(parse_compare_mode("abs:-1"), DomainError);
  BOOST_CHECK_THROW(parse_compare_mode("sigfig:0"), DomainError);
}

BOOST_AUTO_TEST_SUITE_END()
