#include <boost/test/unit_test.hpp>

#include "handcheck/audit/compare.hpp"
#include "handcheck/model/loader.hpp"
#include "handcheck/ops/scalar.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::q;

namespace {
bool ok(const std::string& mode, const std::string& stated, const std::string& truth) {
  return matches(parse_compare_mode(mode), parse_literal(stated), q(truth));
}
}  // namespace

BOOST_AUTO_TEST_SUITE(audit_compare)

BOOST_AUTO_TEST_CASE(printed_boundary_is_included) {
  BOOST_TEST(ok("printed", "0.37", "3/8"));
  BOOST_TEST(ok("printed", "0.38", "3/8"));
  BOOST_TEST(!ok("printed", "0.36", "3/8"));
  BOOST_TEST(ok("printed", "1.71", "12/7"));
  BOOST_TEST(!ok("printed", "1.72", "12/7"));
  BOOST_TEST(ok("printed", "1.60", "8/5"));
  BOOST_TEST(!ok("printed", "2", "201/100"));   // an integer stands for itself
  BOOST_TEST(ok("printed", "3/10", "3/10"));
  BOOST_TEST(!ok("printed", "3/10", "301/1000"));
}

BOOST_AUTO_TEST_CASE(other_modes) {
  BOOST_TEST(!ok("exact", "0.30", "3/10") == false);
  BOOST_TEST(!ok("exact", "0.3", "1/3"));
  BOOST_TEST(ok("abs:0.01", "0.33", "1/3"));
  BOOST_TEST(!ok("abs:0.001", "0.33", "1/3"));
  BOOST_TEST(ok("rel:0.01", "99", "100"));
  BOOST_TEST(!ok("rel:0.001", "99", "100"));
  BOOST_TEST(ok("sigfig:2", "0.33", "1/3"));
  BOOST_TEST(!ok("sigfig:3", "0.33", "1/3"));
  BOOST_TEST(ok("sigfig:2", "0.13", "1/8"));  // half away from zero
}

BOOST_AUTO_TEST_CASE(stated_ranges) {
  Range r = stated_range(parse_compare_mode("printed"), parse_literal("0.21"));
  BOOST_TEST(r.lo == q("0.205"));
  BOOST_TEST(r.hi == q("0.215"));
  BOOST_TEST(stated_range(parse_compare_mode("printed"), parse_literal("3/10")).is_point());
  Range a = stated_range(parse_compare_mode("abs:0.1"), parse_literal("1"));
  BOOST_TEST(a.lo == q("0.9"));
  Range s = stated_range(parse_compare_mode("sigfig:2"), parse_literal("0.0012"));
  BOOST_TEST(s.lo == q("0.00115"));
}

BOOST_AUTO_TEST_CASE(against_the_exact_pipeline) {
  WorkingPrecision p(40);
  Real half_sqrt2 = scalar::sqrt(Real(Rational(2))) / Real(Rational(2));
  auto printed = parse_compare_mode("printed");
  BOOST_TEST((matches(printed, parse_literal("0.7071"), half_sqrt2) == Match::yes));
  BOOST_TEST((matches(printed, parse_literal("0.7072"), half_sqrt2) == Match::no));
  BOOST_TEST((matches(parse_compare_mode("exact"), parse_literal("0.7071"), half_sqrt2) == Match::no));
  // An interval straddling the acceptance boundary is undecided: 0.125 + 1e-60 sqrt(2) at 40 digits.
  Real near = Real(q("1/8")) + scalar::sqrt(Real(Rational(2))) * Real(pow10(-60));
  BOOST_TEST((matches(printed, parse_literal("0.12"), near) == Match::undecided));
  BOOST_TEST(*certified_fixed(half_sqrt2, 4) == "0.7071");
}

BOOST_AUTO_TEST_CASE(the_expected_value_shows_where_it_differs) {
  WorkingPrecision p(100);
  // 1 - 1e-40 sqrt(2) = 0.99999999999999999999999999999999999999985857864376...: to 30 digits it
  // prints as 1.000..., the stated value itself; shown to 40 digits (forty nines), where the two
  // first differ.
  Real near_one = Real(Rational(1)) - scalar::sqrt(Real(Rational(2))) * Real(pow10(-40));
  auto printed = parse_compare_mode("printed");
  BOOST_TEST(printed_like(printed, parse_literal("1"), near_one, 30) == "0.9999999999999999999999999999999999999999");
  BOOST_TEST(printed_like(printed, parse_literal("2"), near_one, 30) == "1.00000000000000000000000000000");
  // A decimal stated value: the truth to its decimals.
  BOOST_TEST(printed_like(printed, parse_literal("1.000"), near_one, 30) == "1.000");
  // sigfig:3 writes 0.99949 as 0.999 (not 1.00, the stated value itself); rel:0.001 finds 1.00
  // too far from 0.996 and shows the decimal where they differ.
  BOOST_TEST(printed_like(parse_compare_mode("sigfig:3"), parse_literal("1.00"), Real(q("0.99949")), 30) == "0.999");
  BOOST_TEST(printed_like(parse_compare_mode("rel:0.001"), parse_literal("1.00"), Real(q("0.996")), 30) == "0.996");
  BOOST_TEST(printed_like(parse_compare_mode("rel:0.001"), parse_literal("1.00"), Real(q("0.99")), 30) == "0.99");
  // A hand value stated as a decimal that reads as it, under abs, shows the fraction's digits,
  // as many as abs:0.0001 needs (0.333 is 1/3000 off).
  BOOST_TEST(printed_like(parse_compare_mode("abs:0.0001"), parse_literal("0.33"), Real(q("1/3")), 30) == "0.3333");
  // NumPy's "3." has no decimals but a point, and so has what it should be: sigmoid(3) =
  // 0.952574... is "1.", not the exact integer "1" nor, one decimal more, "1.0"; 8 is "8.".
  BOOST_TEST(printed_like(printed, parse_literal("3."), scalar::sigmoid(Real(Rational(3))), 30) == "1.");
  BOOST_TEST(printed_like(printed, parse_literal("0."), Real(Rational(8)), 30) == "8.");
  BOOST_TEST(printed_like(printed, parse_literal("3e0"), Real(q("1/3")), 30) == "0e0");
  // A zero computed through intervals has no certified significant digit, but its stated
  // decimals are certified: 0.00, not "between -1e-60 and 1e-60".
  Real zero(Interval(1) / 3 - Interval(1) / 3);
  BOOST_REQUIRE(zero.is_interval());
  BOOST_TEST(printed_like(printed, parse_literal("0.01"), zero, 30) == "0.00");
  BOOST_TEST(printed_like(printed, parse_literal("1"), zero, 30).starts_with("between"));
}

// A stated number in scientific notation is answered in its notation, with its power of ten.
BOOST_AUTO_TEST_CASE(the_expected_value_keeps_scientific_notation) {
  auto printed = parse_compare_mode("printed");
  BOOST_TEST(printed_like(printed, parse_literal("7.8045348e-12"), Real(q("7.80432781e-12")), 30) == "7.8043278e-12");
  BOOST_TEST(printed_like(printed, parse_literal("-4.5644620e-04"), Real(q("-0.000456441")), 30) == "-4.5644100e-04");
  BOOST_TEST(printed_like(printed, parse_literal("1.5E+2"), Real(q("151")), 30) == "1.51E+2");
  // A fraction or an enclosure's range stays as it is.
  BOOST_TEST(printed_like(parse_compare_mode("exact"), parse_literal("1e-1"), Real(q("1/3")), 30) == "1/3");
}

// What a cell "should be" is itself accepted by the comparison (found from outside: "should be
// 0.33" under rel:0.001 for 1/3, where |0.33 - 1/3| = 1/300 > 1/3000).
BOOST_AUTO_TEST_CASE(the_expected_value_is_accepted_by_the_comparison) {
  WorkingPrecision p(50);
  const Real third(q("1/3"));
  BOOST_TEST(printed_like(parse_compare_mode("abs:0.01"), parse_literal("0.5"), third, 30) == "0.33");
  BOOST_TEST(printed_like(parse_compare_mode("rel:0.001"), parse_literal("0.5"), third, 30) == "0.333");  // 1/3000: the bound
  BOOST_TEST(printed_like(parse_compare_mode("rel:0.01"), parse_literal("1.23"), Real(q("0.123456")), 30) == "0.123");
  BOOST_TEST(printed_like(parse_compare_mode("exact"), parse_literal("0.5"), Real(q("1/6")), 30) == "1/6");
  BOOST_TEST(printed_like(parse_compare_mode("exact"), parse_literal("0.5"), Real(q("1/8")), 30) == "0.125");
  // e^2 = 7.389056098930650227230427460575...: under exact no decimal is accepted; its digits,
  // marked as approximate. A rational no decimal is accepted for is written as a fraction.
  Real e2 = scalar::exp(Real(Rational(2)));
  BOOST_TEST(printed_like(parse_compare_mode("exact"), parse_literal("1"), e2, 12) == "≈ 7.38905609893");
  BOOST_TEST(printed_like(parse_compare_mode("abs:0"), parse_literal("7.3"), e2, 12) == "≈ 7.4");
  BOOST_TEST(printed_like(parse_compare_mode("abs:0"), parse_literal("0.33"), third, 12) == "1/3");
  BOOST_TEST(accepts(parse_compare_mode("abs:0.01"), "0.33", third));
  BOOST_TEST(!accepts(parse_compare_mode("abs:0.01"), "0.3", third));
  BOOST_TEST(!accepts(parse_compare_mode("exact"), "7.38905609893", e2));
  BOOST_TEST(*accepted_fixed(parse_compare_mode("abs:0.001"), e2, 1) == "7.39");  // 0.00094 off
  BOOST_TEST(!accepted_fixed(parse_compare_mode("exact"), e2, 1));
}

BOOST_AUTO_TEST_SUITE_END()
