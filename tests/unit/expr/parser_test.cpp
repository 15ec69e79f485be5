#include <boost/test/unit_test.hpp>

#include "handcheck/expr/parser.hpp"
#include "handcheck/ops/registry.hpp"
#include "handcheck/suggest.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {
std::string roundtrip(const std::string& s) { return to_string(*parse_expression(s)); }
std::size_t error_pos(const std::string& s) {
  try {
    parse_expression(s);
  } catch (const ParseError& e) {
    return e.pos;
  }
  BOOST_FAIL("no parse error for " + s);
  return 0;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(expr_parser)

BOOST_AUTO_TEST_CASE(precedence_and_associativity) {
  BOOST_TEST(roundtrip("a + b * c") == "a + (b * c)");
  BOOST_TEST(roundtrip("a - b - c") == "(a - b) - c");
  BOOST_TEST(roundtrip("2 ^ 3 ^ 2") == "2 ^ (3 ^ 2)");
  BOOST_TEST(roundtrip("-a ^ 2") == "-(a ^ 2)");
  BOOST_TEST(roundtrip("3 ^ -S") == "3 ^ (-S)");
  BOOST_TEST(roundtrip("K^T @ Q") == "K^T @ Q");
  BOOST_TEST(roundtrip("(A @ B)^T^T") == "((A @ B)^T)^T");
  // A power whose exponent starts with a matrix named T must not print as a transpose.
  BOOST_TEST(roundtrip("e^T ^ (T^T)") == "e^T ^ (T^T)");
  BOOST_TEST(roundtrip(roundtrip("e^T ^ (T^T)")) == "e^T ^ (T^T)");
  BOOST_TEST(roundtrip("X ^ (T)") == "X ^ (T)");
  BOOST_TEST(roundtrip("X ^ T2") == "X ^ T2");
  BOOST_TEST(roundtrip("floor(S / 2)") == "floor(S / 2)");
  BOOST_TEST(roundtrip("concat_rows(Z1, Z2)") == "concat_rows(Z1, Z2)");
}

BOOST_AUTO_TEST_CASE(a_name_starting_with_T_after_caret_is_a_power) {
  auto e = parse_expression("x ^ Temp");
  BOOST_TEST((e->kind == Expr::Kind::binary));
  BOOST_TEST(e->op == '^');
}

BOOST_AUTO_TEST_CASE(numbers_are_exact_literals) {
  auto e = parse_expression("1.50 * x");
  BOOST_TEST(e->args[0]->number.value == Rational(3, 2));
  BOOST_TEST(e->args[0]->number.decimals == 2);
}

BOOST_AUTO_TEST_CASE(referenced_names_in_order_without_functions) {
  auto names = referenced_names(*parse_expression("softmax_cols(K^T @ Q / sqrt(dk)) + K"));
  BOOST_TEST((names == std::vector<std::string>{"K", "Q", "dk"}));
}

BOOST_AUTO_TEST_CASE(errors_carry_their_offset) {
  BOOST_TEST(error_pos("a + ") == 4u);
  BOOST_TEST(error_pos("a $ b") == 2u);
  BOOST_TEST(error_pos("floor(a") == 0u);
  BOOST_TEST(error_pos("(a + b") == 0u);
  BOOST_TEST(error_pos("a b") == 2u);
  BOOST_TEST(error_pos("f()") == 2u);
  BOOST_TEST(error_pos("1.2.3") == 0u);
  BOOST_TEST(error_pos("") == 0u);
}

BOOST_AUTO_TEST_CASE(nesting_is_limited_not_a_stack_overflow) {
  std::string deep(100000, '(');
  deep += "1";
  deep += std::string(100000, ')');
  BOOST_CHECK_THROW(parse_expression(deep, ParseLimits{200, 1000000}), ParseError);
  std::string minus(50000, '-');
  BOOST_CHECK_THROW(parse_expression(minus + "1", ParseLimits{200, 1000000}), ParseError);
  BOOST_CHECK_NO_THROW(parse_expression(std::string(150, '(') + "1" + std::string(150, ')')));
}

namespace {
ParseError parse_error(const std::string& s) {
  try {
    parse_expression(s);
  } catch (const ParseError& e) {
    return e;
  }
  BOOST_FAIL("no parse error for " + s);
  return ParseError(ErrorId::internal_unreachable, 0, "");
}
}  // namespace

BOOST_AUTO_TEST_CASE(names_from_numpy_get_what_to_write) {
  ParseError e = parse_error("2 * softmax(S)");
  BOOST_TEST(e.pos == 4u);
  BOOST_TEST(std::string(e.what()) ==
             "unknown function 'softmax': write softmax_cols(M) or softmax_rows(M): softmax_cols makes each "
             "column sum to 1 (vectors drawn as columns), softmax_rows each row");
  BOOST_TEST(std::string(parse_error("transpose(X)").what()) == "unknown function 'transpose': write M^T");
  ParseError t = parse_error("K.T @ Q");
  BOOST_TEST(t.pos == 1u);
  BOOST_TEST(std::string(t.what()) == "unexpected '.': write K^T for the transpose");
  BOOST_TEST(std::string(parse_error("(A @ B).T").what()) == "unexpected '.': write (...)^T for the transpose");
  // A name that starts with T after a dot is not NumPy's transpose.
  BOOST_TEST(std::string(parse_error("X.Tx").what()) == "unexpected '.'");
  BOOST_TEST(roundtrip("softmax_cols(S)") == "softmax_cols(S)");
}

BOOST_AUTO_TEST_CASE(hinted_names_are_not_functions) {
  for (const char* name : {"softmax", "argmax", "argmin", "mean", "transpose", "matmul", "dot"}) {
    BOOST_TEST(!function_hint(name).empty(), name);
    BOOST_TEST(find_op(name) == nullptr, name);
  }
  BOOST_TEST(function_hint("softmax_cols").empty());
  BOOST_TEST(function_hint("exp").empty());
}

BOOST_AUTO_TEST_SUITE_END()
