#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "handcheck/error.hpp"
#include "handcheck/eval/expression_eval.hpp"
#include "handcheck/expr/parser.hpp"
#include "handcheck/ops/scalar.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::q;

namespace {

Matrix<Rational> hand(const std::string& expr) { return test::eval_rational(expr); }

std::string hand_msg(const std::string& expr) { return test::eval_message(expr); }

Matrix<Real> exact(const std::string& expr) {
  Lookup<Real> lookup = [](const std::string& n) -> const Matrix<Real>& { throw std::runtime_error(n); };
  return evaluate<Real>(*parse_expression(expr), lookup);
}

Real r(const std::string& text) { return Real(q(text)); }

// `x` is a certified enclosure of `value` (45 significant digits from mpmath at 50): it meets
// [value - 1e-44, value + 1e-44] and is narrower than 1e-30 at 40 working digits.
void encloses(const Real& x, const std::string& value) {
  Rational v = q(value), eps = q("1e-44");
  BOOST_TEST(x.lower() <= v + eps, value);
  BOOST_TEST(x.upper() >= v - eps, value);
  BOOST_TEST(x.upper() - x.lower() < q("1e-30"), value);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ops_scalar_real)

BOOST_AUTO_TEST_CASE(values_stay_rational_where_they_can_and_certified_where_not) {
  WorkingPrecision p(40);
  Real r = exact("sqrt(2)")(0, 0);
  BOOST_TEST(!r.is_exact());
  BOOST_TEST(*certified_significant(r, 30) == "1.41421356237309504880168872421");
  // A hand rule through an irrational value is rational again: floor(3 / sqrt(3)) = floor(1.732...) = 1.
  BOOST_TEST(hand("floor(3 / sqrt(3))")(0, 0) == 1);
  BOOST_TEST(hand("round(exp(1), 1)")(0, 0) == q("2.7"));
  BOOST_TEST(hand("floor(exp(2), 2)")(0, 0) == q("7.38"));  // e^2 = 7.389056...
  BOOST_TEST(hand("ceil(exp(2), 2)")(0, 0) == q("7.39"));
  BOOST_TEST(hand("round(-2.25, 1)")(0, 0) == q("-2.3"));   // halves away from zero
  BOOST_TEST(hand("round(1234, -2)")(0, 0) == 1200);
  BOOST_TEST(hand("sqrt(9/4)")(0, 0) == q("3/2"));
  BOOST_TEST(hand("exp(0)")(0, 0) == 1);
  BOOST_TEST(hand("3 ^ -2")(0, 0) == q("1/9"));
  BOOST_TEST(hand("4 ^ (1/2)")(0, 0) == 2);
  BOOST_TEST(hand_msg("1 / (1 - 1)") == "1 / (1 - 1)@2: division by zero");
  BOOST_TEST(hand_msg("col(identity(2), 3)") == "col(identity(2), 3)@0: columns 3..3 are outside 1..2");
  BOOST_TEST(hand_msg("zeros(0, 2)") == "zeros(0, 2)@0: the row count must be at least 1, not 0");
}

// Reference values: mpmath at 50 digits.
BOOST_AUTO_TEST_CASE(transcendental_enclosures_contain_the_value) {
  WorkingPrecision p(40);
  encloses(scalar::exp(r("1")), "2.71828182845904523536028747135266249775724709");
  encloses(scalar::exp(r("-2")), "0.135335283236612691893999494972484403407631546");
  encloses(scalar::log(r("2")), "0.693147180559945309417232121458176568075500134");
  encloses(scalar::log(r("3/2")), "0.405465108108164381978013115464349136571990423");
  encloses(scalar::sqrt(r("2")), "1.41421356237309504880168872420969807856967188");
  encloses(scalar::sin(r("1")), "0.841470984807896506652502321630298999622563061");
  encloses(scalar::cos(r("1")), "0.540302305868139717400936607442976603732310421");
  encloses(scalar::tanh(r("1/2")), "0.462117157260009758502318483643672548730289280");
  encloses(scalar::sigmoid(r("1")), "0.731058578630004879251159241821836274365144640");
  encloses(scalar::gelu(r("1")), "0.841344746068542948585232545632037922477912967");
  // Through an enclosure: log(exp(1)) is 1, sqrt(2)^2 is 2, as intervals around them.
  encloses(scalar::log(scalar::exp(r("1"))), "1");
  encloses(scalar::sqrt(r("2")) * scalar::sqrt(r("2")), "2");
}

BOOST_AUTO_TEST_CASE(rational_values_stay_exact) {
  BOOST_TEST(scalar::exp(r("0")).is_exact());
  BOOST_TEST(scalar::exp(r("0")).exact() == 1);
  BOOST_TEST(scalar::log(r("1")).exact() == 0);
  BOOST_TEST(scalar::sqrt(r("9/4")).exact() == q("3/2"));
  BOOST_TEST(scalar::sqrt(r("0")).exact() == 0);
  BOOST_TEST(scalar::abs(r("-5/2")).exact() == q("5/2"));
  BOOST_TEST(scalar::sign(r("-5/2")).exact() == -1);
  BOOST_TEST(scalar::max(r("1/3"), r("2/7")).exact() == q("1/3"));
  BOOST_TEST(!scalar::sqrt(r("2")).is_exact());
}

BOOST_AUTO_TEST_CASE(steps_of_an_enclosure_are_decided_when_it_is_narrow) {
  WorkingPrecision p(40);
  Real s = scalar::sqrt(r("2"));
  BOOST_TEST(scalar::floor(s).exact() == 1);
  BOOST_TEST(scalar::ceil(s).exact() == 2);
  BOOST_TEST(scalar::round(s).exact() == 1);
  BOOST_TEST(scalar::round_to(s, 3).exact() == q("1.414"));
  BOOST_TEST(scalar::floor_to(scalar::exp(r("1")), 4).exact() == q("2.7182"));
  BOOST_TEST(scalar::ceil_to(scalar::exp(r("1")), 4).exact() == q("2.7183"));
  BOOST_TEST(scalar::compare(s, r("1.4142135")) == 1);
  BOOST_TEST(scalar::compare(s, r("1.4142136")) == -1);
  BOOST_TEST(scalar::holds(scalar::Relation::lt, s, r("3/2")).exact() == 1);
  BOOST_TEST(scalar::select(r("0"), r("5"), r("7")).exact() == 7);
  BOOST_TEST(scalar::to_index(r("3")) == 3);
}

BOOST_AUTO_TEST_CASE(domain_errors) {
  BOOST_CHECK_THROW(scalar::log(r("0")), DomainError);
  BOOST_CHECK_THROW(scalar::log(r("-1")), DomainError);
  BOOST_CHECK_THROW(scalar::sqrt(r("-1/4")), DomainError);
  BOOST_CHECK_THROW(scalar::to_index(r("5/2")), DomainError);
}

// The argument of sin and cos stays below 2^4096 in magnitude, exactly: 2^4095 and 2^4096 - 1
// are reduced, 2^4096 and -2^4096 refused (the bound once fell 13 bits short, at 2^4083).
BOOST_AUTO_TEST_CASE(trig_arguments_stop_exactly_at_two_to_the_4096) {
  WorkingPrecision p(1300);  // 2^4096 has 1234 digits: the reduction needs them all
  auto two_to = [](unsigned long k) {
    Rational b(1);
    mpq_mul_2exp(b.backend().data(), b.backend().data(), k);
    return b;
  };
  for (const Rational& x : {two_to(4083), two_to(4095), Rational(two_to(4096) - 1), Rational(-two_to(4095))}) {
    Real s = scalar::sin(Real(x)), c = scalar::cos(Real(x));
    BOOST_TEST(s.lower() >= -1);
    BOOST_TEST(s.upper() <= 1);
    BOOST_TEST(s.upper() - s.lower() < q("1e-30"));
    BOOST_TEST(c.upper() - c.lower() < q("1e-30"));
  }
  BOOST_CHECK_THROW(scalar::sin(Real(two_to(4096))), LimitError);
  BOOST_CHECK_THROW(scalar::cos(Real(-two_to(4096))), LimitError);
  BOOST_CHECK_THROW(scalar::sin(Real(Rational(two_to(4096) + 1))), LimitError);
}

// x^2 and x^4 of one x whose interval holds 0 never reach below zero (the product of two such
// intervals does): a square root of them is defined.
BOOST_AUTO_TEST_CASE(even_powers_of_an_interval_through_zero_stay_at_or_above_zero) {
  Real x = real_between(q("-1/25"), q("3/100"));
  for (long n : {2L, 4L}) {
    Real p = scalar::pow(x, Real(n));
    BOOST_TEST(p.lower() == 0, n);
    BOOST_TEST(p.upper() >= (n == 2 ? q("16e-4") : q("256e-8")));
    BOOST_TEST(p.upper() <= (n == 2 ? q("17e-4") : q("257e-8")));
    BOOST_CHECK_NO_THROW(scalar::sqrt(p));
  }
  BOOST_TEST(square(x).lower() == 0);
  BOOST_TEST((x * x).lower() < 0);  // two factors not known to be one number
  BOOST_TEST(scalar::pow(x, Real(3)).lower() < 0);
}

BOOST_AUTO_TEST_SUITE_END()
