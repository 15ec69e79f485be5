#include <boost/test/unit_test.hpp>

#include "handcheck/expr/parser.hpp"
#include "handcheck/numbers/literal.hpp"
#include "operand_box.hpp"

using namespace handcheck;

namespace {

// f(x) = x / (x + 1) over x in [2, 3] takes [2/3, 3/4]; interval arithmetic, which reads x twice,
// encloses [1/2, 1].
CellOverBox ratio(bool continuous) {
  CellOverBox cell;
  cell.box = cell.inner = {Range(Rational(2), Rational(3))};
  cell.continuous = continuous;
  cell.value_over = [](const std::vector<Range>& part) -> std::optional<Real> {
    Real x = part[0].is_point() ? Real(part[0].lo) : real_between(part[0].lo, part[0].hi);
    return x / (x + Real(1));
  };
  return cell;
}

Match over_ratio(const char* stated, bool continuous, const std::vector<Real>& known = {}) {
  CompareMode printed;
  Real enclosure = real_between(Rational(1, 2), Rational(1));
  return match_over_box(printed, parse_literal(stated), &enclosure,
                        [&] { return known; }, [&] { return ratio(continuous); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_operand_box)

BOOST_AUTO_TEST_CASE(the_enclosure_proves_only_a_mismatch) {
  BOOST_TEST((over_ratio("0.40", true) == Match::no));   // outside even the enclosure
  BOOST_TEST((over_ratio("0.55", true) == Match::no));   // inside it, but no x in [2, 3] gives it
  BOOST_TEST((over_ratio("0.90", false) == Match::no));
  BOOST_TEST((over_ratio("1", false) == Match::no));     // the enclosure's end, never reached
}

BOOST_AUTO_TEST_CASE(a_point_of_the_box_proves_a_match) {
  BOOST_TEST((over_ratio("0.67", false) == Match::yes));  // x = 2 gives 0.6667
  BOOST_TEST((over_ratio("0.75", false) == Match::yes));  // x = 3
  // A value known at a point of the box (the operands as printed) is enough.
  BOOST_TEST((over_ratio("0.71", false, {Real(Rational(71, 100))}) == Match::yes));
}

// Without an enclosure of the whole box (it could not be computed: a pole, a gap in the domain),
// values on both sides of the stated one prove nothing, whatever the expression's functions: 1/w
// over w in [-3, 4] gives -1/3 and 1/4 at the ends and never 0.1.
BOOST_AUTO_TEST_CASE(without_an_enclosure_values_on_both_sides_prove_nothing) {
  CellOverBox cell;
  cell.box = cell.inner = {Range(Rational(-3), Rational(4))};
  cell.continuous = true;  // the registry's word for each function, not for the division
  cell.value_over = [](const std::vector<Range>& part) -> std::optional<Real> {
    if (!part[0].is_point()) return std::nullopt;  // a range through the pole
    if (part[0].lo == 0) return std::nullopt;
    return Real(1 / part[0].lo);
  };
  CompareMode printed;
  std::vector<Real> ends = {Real(Rational(-1, 3)), Real(Rational(1, 4))};
  BOOST_TEST((match_over_box(printed, parse_literal("0.1"), nullptr, [&] { return ends; }, [&] { return cell; }) !=
              Match::yes));
  BOOST_TEST((match_over_box(printed, parse_literal("0.25"), nullptr, [&] { return ends; }, [&] { return cell; }) ==
              Match::yes));
}

// A cell that reads no range has one value, known at any point where the step could be computed,
// though its enclosure over the box failed elsewhere in the step: a mismatch with it is proven.
BOOST_AUTO_TEST_CASE(a_cell_that_reads_no_range_is_decided_by_its_one_value) {
  CellOverBox cell;
  cell.value_over = [](const std::vector<Range>&) -> std::optional<Real> { return std::nullopt; };
  CompareMode printed;
  std::vector<Real> half = {Real(Rational(1, 2))};
  auto over = [&](const char* stated) {
    return match_over_box(printed, parse_literal(stated), nullptr, [&] { return half; }, [&] { return cell; });
  };
  BOOST_TEST((over("7") == Match::no));
  BOOST_TEST((over("0.5") == Match::yes));
  cell.value_over = nullptr;  // its reads unknown: a value at one point says nothing of another
  BOOST_TEST((over("7") == Match::undecided));
}

// The box encloses an irrational correct value: x stands for [2, c] with c in [2.99, 3], so a
// match at 3 is no proof (only points up to 2.99 surely belong), a mismatch over [2, 3] is.
BOOST_AUTO_TEST_CASE(a_match_is_proven_inside_the_inner_box_only) {
  CellOverBox cell = ratio(false);
  cell.inner = {Range(Rational(2), Rational(299, 100))};
  CompareMode printed;
  Real enclosure = real_between(Rational(1, 2), Rational(1));
  // f(3) = 0.75 exactly; f(2.99) = 0.749373...: "0.7500" matches only at the outer end.
  BOOST_TEST((match_over_box(printed, parse_literal("0.7500"), &enclosure, {}, [&] { return cell; }) != Match::yes));
  BOOST_TEST((match_over_box(printed, parse_literal("0.7494"), &enclosure, {}, [&] { return cell; }) == Match::yes));
  BOOST_TEST((match_over_box(printed, parse_literal("0.55"), &enclosure, {}, [&] { return cell; }) == Match::no));
}

BOOST_AUTO_TEST_CASE(between_two_values_of_a_continuous_step) {
  // 0.70 lies strictly between f(2) and f(3): continuity gives it; without, a part of the
  // box whose enclosure lies within [0.695, 0.705] does.
  BOOST_TEST((over_ratio("0.70", true) == Match::yes));
  BOOST_TEST((over_ratio("0.70", false) == Match::yes));
  BOOST_TEST(continuous(*parse_expression("softmax_rows(S / sqrt(3)) @ V")));
  BOOST_TEST(!continuous(*parse_expression("floor(S / 2)")));
  BOOST_TEST(!continuous(*parse_expression("exp(where(gt(S, 0), S, 0))")));
}

// At two significant figures 0.713 or "5/7" is the rounding of no number: f(2) = 0.67 and
// f(3) = 0.75 lie on both sides of what stated_range gives it ([0.705, 0.715]), and yet no x
// in [2, 3] gives it. 0.71 is f(2.448...).
BOOST_AUTO_TEST_CASE(values_on_both_sides_prove_nothing_for_a_number_no_value_rounds_to) {
  CompareMode sigfig;
  sigfig.kind = CompareMode::Kind::sigfig;
  sigfig.figures = 2;
  Real enclosure = real_between(Rational(1, 2), Rational(1));
  std::vector<Real> ends = {Real(Rational(2, 3)), Real(Rational(3, 4))};
  for (bool continuous : {true, false}) {
    BOOST_TEST((match_over_box(sigfig, parse_literal("0.713"), &enclosure, [&] { return ends; },
                               [&] { return ratio(continuous); }) == Match::no));
    BOOST_TEST((match_over_box(sigfig, parse_literal("5/7"), &enclosure, [&] { return ends; },
                               [&] { return ratio(continuous); }) == Match::no));
    BOOST_TEST((match_over_box(sigfig, parse_literal("0.71"), &enclosure, [&] { return ends; },
                               [&] { return ratio(continuous); }) == Match::yes));
  }
}

BOOST_AUTO_TEST_SUITE_END()
