#include <boost/test/unit_test.hpp>
#include <optional>
#include <vector>

#include "handcheck/error.hpp"
#include "handcheck/numbers/real.hpp"
#include "handcheck/ops/scalar.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::q;

BOOST_AUTO_TEST_SUITE(numbers_real)

// Reference digits computed independently (Python's decimal module at 90 digits,
// rounded half up).
BOOST_AUTO_TEST_CASE(constants_to_fifty_certified_digits) {
  WorkingPrecision p(70);
  BOOST_TEST(*certified_significant(scalar::exp(Real(Rational(1))), 50) ==
             "2.7182818284590452353602874713526624977572470937000");
  BOOST_TEST(*certified_significant(scalar::sqrt(Real(Rational(2))), 50) ==
             "1.4142135623730950488016887242096980785696718753769");
  BOOST_TEST(*certified_significant(scalar::sqrt(Real(Rational(3))), 50) ==
             "1.7320508075688772935274463415058723669428052538104");
}

BOOST_AUTO_TEST_CASE(rational_values_stay_exact) {
  WorkingPrecision p(40);
  Real x = scalar::sqrt(Real(q("9/4"))) + Real(q("1/3"));
  BOOST_TEST(x.is_exact());
  BOOST_TEST(x.exact() == q("11/6"));
  BOOST_TEST(scalar::exp(Real(Rational(0))).exact() == 1);
  BOOST_TEST(scalar::sigmoid(Real(Rational(0))).exact() == q("1/2"));
  BOOST_TEST(scalar::log(Real(Rational(1))).exact() == 0);
  BOOST_TEST((Real(Rational(0)) * scalar::exp(Real(Rational(5)))).is_exact());
}

BOOST_AUTO_TEST_CASE(an_approximate_value_never_reads_as_an_integer) {
  // sqrt(9.3) = 3.0496: to one digit it is 3, which a sheet would have to match exactly.
  WorkingPrecision p(40);
  BOOST_TEST(describe(scalar::sqrt(Real(q("93/10"))), 1) == "≈3");
  BOOST_TEST(describe(scalar::sqrt(Real(q("93/10"))), 3) == "3.05");
  BOOST_TEST(describe(Real(q("3")), 1) == "3");
  BOOST_TEST(describe(Real(q("7/2")), 1) == "7/2");
}

BOOST_AUTO_TEST_CASE(enclosures_contain_the_true_value) {
  WorkingPrecision p(30);
  Real r = scalar::sqrt(Real(Rational(2)));
  Rational below = q("1.4142135623730950488016887"), above = q("1.4142135623730950488016888");
  BOOST_TEST(r.lower() >= below);
  BOOST_TEST(r.upper() <= above);
  BOOST_TEST(r.lower() < r.upper());
  // sqrt(2)^2 contains 2 but cannot be shown equal to it.
  Real two = r * r;
  BOOST_TEST(two.lower() <= 2);
  BOOST_TEST(two.upper() >= 2);
  // Its floor is 1 or 2: every possible value, never a guess.
  Real f = scalar::floor(two);
  BOOST_TEST((f.lower() == 1 && f.upper() == 2));
  BOOST_CHECK_THROW(compare(two, Real(Rational(2))), Undecided);
}

BOOST_AUTO_TEST_CASE(correct_rounding_of_a_near_tie_needs_and_gets_more_precision) {
  // 1/8 - 10^-40 sqrt(2) rounds down to 0.12, 1/8 + 10^-40 sqrt(2) up to 0.13; at 30 digits
  // the first straddles the tie, at 60 both are decided.
  auto near_tie = [](int sign) {
    Real tiny = scalar::sqrt(Real(Rational(2))) * Real(pow10(-40));
    return sign > 0 ? Real(q("1/8")) + tiny : Real(q("1/8")) - tiny;
  };
  {
    WorkingPrecision p(30);
    BOOST_TEST(!certified_significant(near_tie(-1), 2).has_value());
  }
  WorkingPrecision p(60);
  BOOST_TEST(*certified_significant(near_tie(1), 2) == "0.13");
  BOOST_TEST(*certified_significant(near_tie(-1), 2) == "0.12");
}

// Certified digits are read from MPFR's digits of both ends, and from their exact rationals
// where an end may lie halfway: both ways agree, ties (0.125 at two digits: 0.13, half away
// from zero), carries (9.5 at one digit: 10), signs and far exponents included.
BOOST_AUTO_TEST_CASE(certified_digits_agree_with_exact_rounding) {
  WorkingPrecision p(40);
  auto reference = [](const Real& x, int digits) -> std::optional<std::string> {
    Rational lo = x.lower(), hi = x.upper();
    if (lo.sign() != hi.sign()) return std::nullopt;
    std::string a = to_significant_string(lo, digits);
    return a == to_significant_string(hi, digits) ? std::optional(a) : std::nullopt;
  };
  const Rational tiny = pow10(-30) / 7;
  std::vector<Rational> points = {q("0.125"), q("2.5"), q("-0.375"), q("9.5"), q("-9.5"), q("99.5"), q("0.0625"),
                                  q("1/3"), q("2/3"), q("123456789.5"), q("1e-300") / 3, q("7e300") / 9};
  std::size_t checked = 0, decided = 0;
  for (const Rational& r : points)
    for (int digits = 1; digits <= 12; ++digits)
      for (const Real& x : {hull(Real(r), Real(r)), hull(Real(r), Real(r + tiny)), hull(Real(r - tiny), Real(r)),
                            hull(Real(r - tiny), Real(r + tiny))}) {
        if (!x.is_interval()) continue;
        auto want = reference(x, digits);
        BOOST_TEST((certified_significant(x, digits) == want), r << " at " << digits << " digits");
        ++checked;
        decided += want.has_value();
      }
  BOOST_TEST(checked > 400u);
  BOOST_TEST(decided > 200u);
  BOOST_TEST(*certified_significant(hull(Real(q("0.125")), Real(q("0.125") + tiny)), 2) == "0.13");
  BOOST_TEST(*certified_significant(hull(Real(q("9.5")), Real(q("9.5") + tiny)), 1) == "1e1");
  BOOST_TEST(*certified_significant(hull(Real(q("-0.375")), Real(q("-0.375") - tiny)), 2) == "-0.38");
}

BOOST_AUTO_TEST_CASE(a_thousand_digits) {
  WorkingPrecision p(1030);
  auto s = certified_significant(scalar::exp(Real(Rational(1))), 1000);
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(s->size() == 1001u);
  BOOST_TEST(s->substr(0, 52) == "2.71828182845904523536028747135266249775724709369995");
  // The last ten of 1000 significant digits, from Python decimal at 1100 digits, rounded half up.
  BOOST_TEST(s->substr(s->size() - 10) == "8957035035");
}

BOOST_AUTO_TEST_CASE(domain_errors_and_signs) {
  WorkingPrecision p(30);
  BOOST_CHECK_THROW(scalar::log(Real(Rational(0))), DomainError);
  BOOST_CHECK_THROW(scalar::sqrt(Real(Rational(-1))), DomainError);
  BOOST_CHECK_THROW(Real(Rational(1)) / Real(Rational(0)), DomainError);
  BOOST_TEST(*certain_sign(scalar::exp(Real(Rational(-50)))) == 1);
  BOOST_TEST(scalar::relu(Real(Rational(-3))).exact() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
