#include <boost/test/unit_test.hpp>

#include "handcheck/error.hpp"
#include "handcheck/numbers/rational.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::q;

BOOST_AUTO_TEST_SUITE(numbers_rational)

BOOST_AUTO_TEST_CASE(floor_ceil_round_trunc_of_negative_and_halves) {
  BOOST_TEST(floor_int(q("-7/2")) == -4);
  BOOST_TEST(ceil_int(q("-7/2")) == -3);
  BOOST_TEST(trunc_int(q("-7/2")) == -3);
  BOOST_TEST(round_half_away(q("5/2")) == 3);
  BOOST_TEST(round_half_away(q("-5/2")) == -3);
  BOOST_TEST(round_half_away(q("-12/5")) == -2);
  BOOST_TEST(floor_int(q("6")) == 6);
}

BOOST_AUTO_TEST_CASE(pow_int_exact_and_negative_exponent) {
  BOOST_TEST(pow_int(Rational(3), -2, 1 << 20) == q("1/9"));
  BOOST_TEST(pow_int(q("2/3"), 3, 1 << 20) == q("8/27"));
  BOOST_TEST(pow_int(Rational(0), 0, 1 << 20) == 1);
  BOOST_CHECK_THROW(pow_int(Rational(0), -1, 1 << 20), DomainError);
}

BOOST_AUTO_TEST_CASE(pow_int_refuses_huge_results_quickly) {
  BOOST_CHECK_THROW(pow_int(Rational(3), 1000000000L, 1 << 20), LimitError);
}

BOOST_AUTO_TEST_CASE(exact_roots) {
  BOOST_TEST(*exact_sqrt(q("9/4")) == q("3/2"));
  BOOST_TEST(!exact_sqrt(Rational(2)).has_value());
  BOOST_TEST(!exact_sqrt(Rational(-4)).has_value());
  BOOST_TEST(*exact_root(Rational(-27), 3) == -3);
}

BOOST_AUTO_TEST_CASE(fraction_and_decimal_strings) {
  BOOST_TEST(to_fraction_string(q("6/4")) == "3/2");
  BOOST_TEST(to_fraction_string(q("-8")) == "-8");
  BOOST_TEST(to_fixed_string(q("12/7"), 2) == "1.71");
  BOOST_TEST(to_fixed_string(q("3/8"), 2) == "0.38");    // half away from zero
  BOOST_TEST(to_fixed_string(q("-3/8"), 2) == "-0.38");
  BOOST_TEST(to_fixed_string(q("-1/1000"), 2) == "0.00");
  BOOST_TEST(to_fixed_string(q("8/5"), 2) == "1.60");
  BOOST_TEST(to_significant_string(q("2/3"), 3) == "0.667");
  BOOST_TEST(to_significant_string(q("9999/1000"), 3) == "10.0");
  BOOST_TEST(to_significant_string(q("1/3000000000"), 2) == "3.3e-10");
  BOOST_TEST(to_significant_string(Rational(0), 3) == "0.00");
  BOOST_TEST(to_short_decimal(q("3/8")) == "0.375");
  BOOST_TEST(to_short_decimal(q("1/3")) == "0.333333…");
}

BOOST_AUTO_TEST_CASE(decimal_exponent_at_powers_of_ten) {
  BOOST_TEST(decimal_exponent(q("1000")) == 3);
  BOOST_TEST(decimal_exponent(q("999")) == 2);
  BOOST_TEST(decimal_exponent(q("1/1000")) == -3);
  BOOST_TEST(decimal_exponent(q("-99/100000")) == -4);
}

BOOST_AUTO_TEST_SUITE_END()
