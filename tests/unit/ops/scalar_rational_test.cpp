#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "handcheck/error.hpp"
#include "handcheck/ops/scalar.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::q;

namespace {

Matrix<Rational> hand(const std::string& expr) { return test::eval_rational(expr); }

std::string hand_msg(const std::string& expr) { return test::eval_message(expr); }

// The message of what `f` throws as E, else "no error".
template <class E, class F>
std::string thrown(F f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ops_scalar_rational)

BOOST_AUTO_TEST_CASE(rounding_functions) {
  auto m = hand("floor(concat_cols(-7/2, 7/2, 5/2))");
  BOOST_TEST(m(0, 0) == -4);
  BOOST_TEST(m(0, 1) == 3);
  BOOST_TEST(hand("round(-5/2)")(0, 0) == -3);
  BOOST_TEST(hand("ceil(-5/2)")(0, 0) == -2);
  BOOST_TEST(hand("trunc(-5/2)")(0, 0) == -2);
  BOOST_TEST(hand("relu(-5/2)")(0, 0) == 0);
  BOOST_TEST(hand("abs(-5/2)")(0, 0) == q("5/2"));
  BOOST_TEST(hand("sign(-5/2)")(0, 0) == -1);
  BOOST_TEST(hand("max(2, 3)")(0, 0) == 3);
  BOOST_TEST(hand("min(2, 3)")(0, 0) == 2);
}

BOOST_AUTO_TEST_CASE(huge_powers_are_refused_quickly) {
  BOOST_TEST(hand_msg("3 ^ 1000000000").find("power too large") != std::string::npos);
  BOOST_TEST(hand_msg("3 ^ 100000000000000").find("too large") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(rounding_helpers_on_rationals) {
  BOOST_TEST(scalar::floor(q("-7/2")) == -4);
  BOOST_TEST(scalar::ceil(q("-7/2")) == -3);
  BOOST_TEST(scalar::trunc(q("-7/2")) == -3);
  BOOST_TEST(scalar::round(q("-7/2")) == -4);  // halves away from zero
  BOOST_TEST(scalar::round(q("7/2")) == 4);
  BOOST_TEST(scalar::round(q("17/5")) == 3);
  BOOST_TEST(scalar::floor(q("6")) == 6);
  BOOST_TEST(scalar::ceil(q("1/1000")) == 1);
  BOOST_TEST(scalar::relu(q("-1/3")) == 0);
  BOOST_TEST(scalar::relu(q("1/3")) == q("1/3"));
  BOOST_TEST(scalar::min(q("1/3"), q("2/7")) == q("2/7"));
  BOOST_TEST(scalar::max(q("1/3"), q("2/7")) == q("1/3"));
}

BOOST_AUTO_TEST_CASE(rational_powers) {
  BOOST_TEST(scalar::pow(q("2/3"), q("3")) == q("8/27"));
  BOOST_TEST(scalar::pow(q("2/3"), q("-2")) == q("9/4"));
  BOOST_TEST(scalar::pow(q("5"), q("0")) == 1);
  BOOST_TEST(scalar::pow(q("4/9"), q("1/2")) == q("2/3"));
  BOOST_TEST(scalar::pow(q("8"), q("-2/3")) == q("1/4"));
  BOOST_TEST(scalar::pow(q("0.001"), q("1/3")) == q("1/10"));
  BOOST_TEST(thrown<DomainError>([] { scalar::pow(q("2"), q("1/2")); }) == "2 ^ 1/2 is not rational");
  BOOST_TEST(thrown<DomainError>([] { scalar::pow(q("-8"), q("1/3")); }) == "-8 ^ 1/3 is not rational");
  BOOST_TEST(thrown<LimitError>([] { scalar::pow(q("3"), q("1000000001")); }) == "exponent 1000000001 is too large");
  // Roots of any order: 0 and 1 have them all; 2^65 its 65th (the orders stopped at 64).
  BOOST_TEST(scalar::pow(q("0"), q("1/65")) == 0);
  BOOST_TEST(scalar::pow(q("1"), q("-7/1000001")) == 1);
  BOOST_TEST(scalar::pow(q("36893488147419103232"), q("1/65")) == 2);  // 2^65
  BOOST_TEST(scalar::pow(q("1/36893488147419103232"), q("-3/65")) == 8);
  BOOST_TEST(scalar::pow(q("3"), q("130/65")) == 9);
  BOOST_TEST(thrown<DomainError>([] { scalar::pow(q("0"), q("-1/65")); }) == "0 raised to a negative power");
  BOOST_TEST(thrown<DomainError>([] { scalar::pow(q("36893488147419103233"), q("1/65")); }) ==
             "36893488147419103233 ^ 1/65 is not rational");
  BOOST_TEST(thrown<DomainError>([] { scalar::pow(q("2"), q("1/3000")); }) == "2 ^ 1/3000 is not rational");
}

BOOST_AUTO_TEST_CASE(indices) {
  BOOST_TEST(scalar::to_index(q("7")) == 7);
  BOOST_TEST(scalar::to_index(q("-2")) == -2);
  BOOST_TEST(scalar::to_index(q("14/2")) == 7);
  BOOST_TEST(thrown<DomainError>([] { scalar::to_index(q("7/2")); }) == "7/2 is not a whole number");
  BOOST_TEST(thrown<LimitError>([] { scalar::to_index(q("2000000000")); }) == "2000000000 is too large");
  // A number of thousands of digits is quoted by its first ones.
  const std::string googol = "1" + std::string(100, '0');
  BOOST_TEST(thrown<LimitError>([&] { scalar::to_index(q(googol)); }) == googol.substr(0, 40) + "… (101 bytes) is too large");
  BOOST_TEST(thrown<LimitError>([&] { scalar::pow(q("1"), q(googol)); }) ==
             "exponent " + googol.substr(0, 40) + "… (101 bytes) is too large");
}

BOOST_AUTO_TEST_SUITE_END()
