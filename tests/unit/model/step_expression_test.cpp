#include <boost/test/unit_test.hpp>

#include "mini_case.hpp"

using namespace handcheck;
using test::kMini;
using test::load_error;

BOOST_AUTO_TEST_SUITE(model_step_expression)

BOOST_AUTO_TEST_CASE(expressions_are_parsed_where_they_are_written) {
  Case c = load_case_text(test::replace_once(kMini, "do: X * w", "do: \"X * w\""), "t");
  BOOST_TEST(c.items[3].hand->text == "X * w");
  BOOST_TEST(c.items[3].hand->loc.column == 10u);  // after the quote
  BOOST_TEST(c.items[3].hand->single_line);
}

BOOST_AUTO_TEST_CASE(names_functions_and_arity_are_checked) {
  std::string base = kMini;
  BOOST_TEST(load_error(test::replace_once(base, "do: X * w", "do: X * ww")) ==
             "t.yaml:15:13: error[load.unknown-name]: step Y: in 'do': unknown name 'ww' (did you mean 'w'?)");
  BOOST_TEST(load_error(test::replace_once(base, "do: X * w", "do: X * Z")) ==
             "t.yaml:15:13: error[load.forward-reference]: step Y: in 'do': 'Z' is defined later (line 18); a step may "
             "use only inputs and earlier steps");
  BOOST_TEST(load_error(test::replace_once(base, "do: X * w", "do: X * Y")) ==
             "t.yaml:15:13: error[load.self-reference]: step Y: in 'do': 'Y' refers to the step itself");
  BOOST_TEST(load_error(test::replace_once(base, "do: X * w", "do: X * floor")) ==
             "t.yaml:15:13: error[load.not-a-value]: step Y: in 'do': 'floor' is a function; call it as floor(...)");
  BOOST_TEST(load_error(test::replace_once(base, "floor(Y / k)", "flor(Y / k)")) ==
             "t.yaml:19:11: error[load.unknown-function]: step Z: in 'hand': unknown function 'flor' (did you mean "
             "'floor'?)");
  BOOST_TEST(load_error(test::replace_once(base, "sqrt(k)", "sqrt(k, k)")) ==
             "t.yaml:20:16: error[load.arity]: step Z: in 'exact': sqrt takes sqrt(M), not 2 arguments");
  BOOST_TEST(load_error(test::replace_once(base, "floor(Y / k)", "floor(Y / k")) ==
             "t.yaml:19:11: error[expr.unclosed]: step Z: in 'hand': unclosed '(' of floor(");
}

BOOST_AUTO_TEST_SUITE_END()
