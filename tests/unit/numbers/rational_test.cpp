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
  BOOST_TEST(decimal_exponent(q("-1000")) == 3);
  BOOST_TEST(decimal_exponent(q("1/1024")) == -4);
  BOOST_TEST(decimal_exponent(Rational(pow10(400)) - 1) == 399);
  BOOST_TEST(decimal_exponent(pow10(-400)) == -400);
}

// Rounding at a half, in both signs and at both ends of the exponent range.
BOOST_AUTO_TEST_CASE(significant_digits_at_halves_and_extremes) {
  BOOST_TEST(to_significant_string(q("1/8"), 2) == "0.13");
  BOOST_TEST(to_significant_string(q("-1/8"), 2) == "-0.13");
  BOOST_TEST(to_significant_string(q("-19995/2000"), 4) == "-9.998");  // -9.9975
  BOOST_TEST(to_significant_string(q("-19999/2000"), 4) == "-10.00");  // -9.9995: carries a digit
  BOOST_TEST(to_significant_string(q("3/1024"), 3) == "0.00293");
  BOOST_TEST(to_significant_string(Rational(pow10(25)) * 7 / 3, 3) == "2.33e25");
  BOOST_TEST(to_significant_string(-pow10(-30) * 5, 1) == "-5e-30");
  // No zeros beyond the significant digits: 120000 would claim four more.
  BOOST_TEST(to_significant_string(q("123456"), 2) == "1.2e5");
  BOOST_TEST(to_significant_string(q("123456"), 6) == "123456");
  BOOST_TEST(to_significant_string(q("1202604.28"), 6) == "1.20260e6");
}

// The digits are those of the definition: |q| 10^k rounded half away from zero, k chosen so
// that they number `digits`, here computed with fractions and laid out as the function does,
// on random values of many sizes (dyadic ones, as the ends of intervals are, among them).
BOOST_AUTO_TEST_CASE(significant_digits_as_the_definition_gives_them) {
  auto exponent = [](const Rational& a) {
    long e = 0;
    while (pow10(e) > a) --e;
    while (pow10(e + 1) <= a) ++e;
    return e;
  };
  auto reference = [&](const Rational& x, int digits) {
    Rational a = abs(x);
    long e = exponent(a);
    Integer m = round_half_away(a * pow10(digits - 1 - e));
    if (m.str().size() > static_cast<std::size_t>(digits)) m = round_half_away(a * pow10(digits - 1 - ++e));
    std::string s = m.str(), sign = x < 0 ? "-" : "";
    if (e < -6 || e >= 21 || e >= digits) return sign + s.substr(0, 1) + (s.size() > 1 ? "." + s.substr(1) : "") + "e" + std::to_string(e);
    long decimals = digits - 1 - e;
    if (decimals == 0) return sign + s;
    if (static_cast<long>(s.size()) <= decimals) s.insert(0, static_cast<std::size_t>(decimals) + 1 - s.size(), '0');
    s.insert(s.size() - static_cast<std::size_t>(decimals), ".");
    return sign + s;
  };
  unsigned long seed = 12345;
  auto next = [&] { return (seed = seed * 6364136223846793005UL + 1442695040888963407UL) >> 11; };
  for (int i = 0; i < 3000; ++i) {
    Integer n = Integer(next()) * next() >> static_cast<unsigned>(next() % 100);
    Integer d = i % 3 == 0 ? Integer(next() | 1) : Integer(1) << static_cast<unsigned>(next() % 300);
    if (n == 0) n = 5;
    if (i % 7 == 0) n = n * pow10(static_cast<long>(next() % 40)).convert_to<Integer>() + d / 2;  // near halves
    Rational x(i % 2 ? Integer(-n) : n, d);
    int digits = 1 + static_cast<int>(next() % 30);
    BOOST_TEST_REQUIRE(decimal_exponent(x) == exponent(abs(x)));
    BOOST_TEST_REQUIRE(to_significant_string(x, digits) == reference(x, digits), x << " at " << digits);
  }
}

BOOST_AUTO_TEST_SUITE_END()
