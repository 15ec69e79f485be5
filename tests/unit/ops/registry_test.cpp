#include <boost/test/unit_test.hpp>

#include "handcheck/eval/expression_eval.hpp"
#include "handcheck/expr/parser.hpp"
#include "handcheck/ops/registry.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::q;

namespace {

Matrix<Rational> hand(const std::string& expr, std::map<std::string, Matrix<Rational>> env = {}) {
  return test::eval_rational(expr, env);
}

Matrix<Real> exact(const std::string& expr) {
  Lookup<Real> lookup = [](const std::string& n) -> const Matrix<Real>& { throw std::runtime_error(n); };
  return evaluate<Real>(*parse_expression(expr), lookup);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ops_registry)

BOOST_AUTO_TEST_CASE(every_op_has_its_meaning) {
  for (const auto& op : all_ops()) {
    BOOST_TEST_CONTEXT(op.name) {
      BOOST_TEST(op.fn != nullptr);
      BOOST_TEST(op.min_args >= 1u);
    }
  }
  BOOST_TEST(closest_op("softmax_col") == "softmax_cols");
  BOOST_TEST(closest_op("zzzzzz") == "");
}

BOOST_AUTO_TEST_CASE(reductions_and_softmax_with_base_three) {
  Matrix<Rational> s(2, 2);
  s(0, 0) = 1; s(0, 1) = 0; s(1, 0) = 2; s(1, 1) = 0;
  std::map<std::string, Matrix<Rational>> env{{"S", s}};
  auto cs = hand("colsum(S)", env);
  BOOST_TEST(cs.shape() == (Shape{1, 2}));
  BOOST_TEST(cs(0, 0) == 3);
  BOOST_TEST(hand("rowsum(S)", env).shape() == (Shape{2, 1}));
  BOOST_TEST(hand("sum(S)", env)(0, 0) == 3);
  BOOST_TEST(hand("colmean(S)", env)(0, 0) == q("3/2"));
  BOOST_TEST(hand("rowmax(S)", env)(1, 0) == 2);
  auto a = hand("softmax_cols(S, 3)", env);  // 3^1, 3^2 -> 3/12, 9/12; 1, 1 -> 1/2, 1/2
  BOOST_TEST(a(0, 0) == q("1/4"));
  BOOST_TEST(a(1, 0) == q("3/4"));
  BOOST_TEST(a(0, 1) == q("1/2"));
  auto r = hand("softmax_rows(S, 3)", env);  // row 1: 3, 1 -> 3/4, 1/4
  BOOST_TEST(r(0, 0) == q("3/4"));
  BOOST_TEST(hand("argmax_cols(S)", env)(0, 0) == 2);
  BOOST_TEST(hand("argmax_cols(S)", env)(0, 1) == 1);  // tie: the first
  BOOST_TEST(hand("argmax_rows(S)", env)(1, 0) == 1);
}

// Sums of rationals group terms by denominator; the values are those of plain addition.
BOOST_AUTO_TEST_CASE(sums_of_fractions_with_mixed_denominators) {
  Matrix<Rational> m(3, 2);
  m(0, 0) = q("1/2"); m(0, 1) = q("1/4");
  m(1, 0) = q("1/3"); m(1, 1) = q("-1/6");
  m(2, 0) = q("1/6"); m(2, 1) = q("7");
  std::map<std::string, Matrix<Rational>> env{{"M", m}};
  auto cs = hand("colsum(M)", env);
  BOOST_TEST(cs(0, 0) == 1);            // 1/2 + 1/3 + 1/6
  BOOST_TEST(cs(0, 1) == q("85/12"));   // 3/12 - 2/12 + 84/12
  auto rs = hand("rowsum(M)", env);
  BOOST_TEST(rs(0, 0) == q("3/4"));
  BOOST_TEST(rs(1, 0) == q("1/6"));
  BOOST_TEST(rs(2, 0) == q("43/6"));
  BOOST_TEST(hand("sum(M)", env)(0, 0) == q("97/12"));  // 12/12 + 85/12
  BOOST_TEST(hand("rowmean(M)", env)(2, 0) == q("43/12"));
}

BOOST_AUTO_TEST_CASE(structure_functions) {
  BOOST_TEST(hand("identity(3)")(2, 2) == 1);
  BOOST_TEST(hand("identity(3)")(2, 1) == 0);
  BOOST_TEST(hand("zeros(2, 3)").shape() == (Shape{2, 3}));
  BOOST_TEST(hand("ones(2, 3)")(1, 2) == 1);
  auto mask = hand("causal_mask(3)");
  BOOST_TEST(mask(2, 0) == 1);
  BOOST_TEST(mask(0, 2) == 0);
  auto id = hand("identity(4)");
  std::map<std::string, Matrix<Rational>> env{{"I", id}};
  BOOST_TEST(hand("col(I, 2)", env)(1, 0) == 1);
  BOOST_TEST(hand("row(I, 3)", env).shape() == (Shape{1, 4}));
  BOOST_TEST(hand("block(I, 2, 3, 2, 4)", env).shape() == (Shape{2, 3}));
  BOOST_TEST(hand("concat_rows(ones(1, 2), zeros(2, 2))", env).shape() == (Shape{3, 2}));
}

BOOST_AUTO_TEST_CASE(exact_meanings_are_certified) {
  WorkingPrecision p(40);
  auto a = exact("softmax_cols(concat_rows(1, 2, 3))");
  // Reference: Python decimal at 90 digits, rounded half up to 30 digits.
  BOOST_TEST(*certified_significant(a(0, 0), 30) == "0.0900305731703804579980221014845");
  BOOST_TEST(*certified_significant(a(1, 0), 30) == "0.244728471054797652472959618341");
  BOOST_TEST(*certified_significant(a(2, 0), 30) == "0.665240955774821889529018280175");
  // argmax of intervals: a tie below the top is no obstacle; values known equal (the same
  // function of equal operands) are a tie, the first wins; values the precision cannot
  // separate give every index between them.
  BOOST_TEST(exact("argmax_cols(softmax_cols(concat_rows(1, 1, 3)))")(0, 0).exact() == 3);
  BOOST_TEST(exact("argmax_rows(sqrt(concat_cols(2, 5, 2, 3)))")(0, 0).exact() == 2);
  {
    IdentityScope identities;
    BOOST_TEST(exact("argmax_rows(sqrt(concat_cols(2, 3, 1 + 2)))")(0, 0).exact() == 2);
  }
  Real open = exact("argmax_rows(concat_cols(sqrt(2) * sqrt(2), 2))")(0, 0);
  BOOST_TEST((open.lower() == 1 && open.upper() == 2));
  auto b = exact("2 ^ (1/2)");
  BOOST_TEST(*certified_significant(b(0, 0), 20) == "1.4142135623730950488");
  BOOST_TEST(exact("4 ^ (1/2)")(0, 0).exact() == 2);
}

BOOST_AUTO_TEST_SUITE_END()
