#include "handcheck/audit/compare.hpp"

#include <boost/multiprecision/gmp.hpp>
#include <fmt/format.h>
#include <limits>
#include <vector>

#include "handcheck/error.hpp"

namespace handcheck {

namespace mp = boost::multiprecision;

namespace {

// Half a unit in the last printed place.
Rational half_ulp_printed(const Literal& s) { return pow10(-s.decimals) / 2; }

Rational half_ulp_sigfig(const Rational& s, int figures) {
  if (s == 0) return Rational(0);
  return pow10(decimal_exponent(s) - figures + 1) / 2;
}

// Text this file makes itself (digits of a truth, of any length or power of ten), not input:
// read without the limits of a case's numbers (sqrt(2) * sqrt(2) - 2 to two figures is
// -9.1e-2001, and that stopped the whole run as a number too long).
const LiteralLimits kOwnText{std::numeric_limits<std::size_t>::max(), std::numeric_limits<long>::max()};

Rational rounded_sigfig(const Rational& t, int figures) {
  if (t == 0) return t;
  return parse_literal(to_significant_string(t, figures), kOwnText).value;
}

// [lo, hi] of true values that match `stated` under abs/rel/printed, for t of known sign
// where needed.
Range acceptance(const CompareMode& mode, const Literal& s, int sign_of_truth) {
  const Rational& v = s.value;
  switch (mode.kind) {
    case CompareMode::Kind::printed:
      if (!s.is_decimal()) return Range(v);
      return {v - half_ulp_printed(s), v + half_ulp_printed(s)};
    case CompareMode::Kind::exact:
      return Range(v);
    case CompareMode::Kind::abs:
      return {v - mode.eps, v + mode.eps};
    case CompareMode::Kind::rel: {
      // |t - v| <= eps |t|  <=>  v/(1+eps) <= t <= v/(1-eps) for t > 0 (mirrored for t < 0).
      Rational one(1);
      if (v == 0) return Range(v);
      Rational a = v / (one + mode.eps);
      Rational big = mode.eps >= 1 ? Rational(v.sign() * 1000000000) * (mp::abs(v) + 1) : v / (one - mode.eps);
      (void)sign_of_truth;
      return v > 0 ? Range(a, big) : Range(big, a);
    }
    case CompareMode::Kind::sigfig: {
      Rational h = half_ulp_sigfig(v, mode.figures);
      if (v == 0) return {v - h, v + h};
      // Just below a power of ten the figures are a decade finer: at two figures 99.5 rounds to
      // 1.0e2 and 99.4 to 99, so 100 stands for [99.5, 105], not [95, 105].
      Rational a = mp::abs(v), below = a == pow10(decimal_exponent(a)) ? h / 10 : h;
      return v > 0 ? Range(v - below, v + h) : Range(v - h, v + below);
    }
  }
  return Range(v);
}

}  // namespace

bool matches(const CompareMode& mode, const Literal& s, const Rational& t) {
  if (s.is_infinite()) return false;
  switch (mode.kind) {
    case CompareMode::Kind::printed:
      if (!s.is_decimal()) return t == s.value;
      return mp::abs(t - s.value) <= half_ulp_printed(s);
    case CompareMode::Kind::exact:
      return t == s.value;
    case CompareMode::Kind::abs:
      return mp::abs(t - s.value) <= mode.eps;
    case CompareMode::Kind::rel:
      return mp::abs(t - s.value) <= mode.eps * mp::abs(t);
    case CompareMode::Kind::sigfig:
      return rounded_sigfig(t, mode.figures) == s.value;
  }
  return false;
}

Match matches(const CompareMode& mode, const Literal& s, const Real& t) {
  // An infinity matches the same infinity only, in every mode.
  if (s.is_infinite() || t.is_infinite()) return s.infinity == t.infinity_sign() ? Match::yes : Match::no;
  if (t.is_exact()) return matches(mode, s, t.exact()) ? Match::yes : Match::no;
  Rational lo = t.lower(), hi = t.upper();
  if (mode.kind == CompareMode::Kind::sigfig) {
    // Far from every value that rounds to the stated one: no, though the enclosure holds zero
    // (where the roundings of its two ends differ in sign).
    Range ok = acceptance(mode, s, 0);
    if (hi < ok.lo || lo > ok.hi) return Match::no;
    auto a = rounded_sigfig(lo, mode.figures), b = rounded_sigfig(hi, mode.figures);
    if (a != b) return Match::undecided;
    return a == s.value ? Match::yes : Match::no;
  }
  if (mode.kind == CompareMode::Kind::exact ||
      (mode.kind == CompareMode::Kind::printed && !s.is_decimal())) {
    // Equality with a value known only by an enclosure is never proven: while the enclosure
    // holds the stated value the comparison is undecided, the pipelines raise the precision
    // until it leaves it (sigmoid(150) stated 1 is an erratum once 66 digits are certified),
    // and at the cap the cell stays undecided, never ok (sqrt(2) * sqrt(2) stated 2). Taking
    // agreement to some digits for equality made a verdict depend on the precision that
    // unrelated cells asked for.
    if (s.value < lo || hi < s.value) return Match::no;
    if (lo == hi) return Match::yes;
    return Match::undecided;
  }
  if (mode.kind == CompareMode::Kind::rel && lo.sign() != hi.sign()) return Match::undecided;
  Range ok = acceptance(mode, s, lo.sign());
  if (ok.lo <= lo && hi <= ok.hi) return Match::yes;
  if (hi < ok.lo || lo > ok.hi) return Match::no;
  return Match::undecided;
}

Range stated_range(const CompareMode& mode, const Literal& s) {
  if (s.is_infinite()) throw DomainError(ErrorId::eval_infinity, "an infinity stands for no range of numbers");
  return acceptance(mode, s, s.value.sign());
}

namespace {

// A decimal with no decimals ("3." as NumPy prints, or "3e0") stands for half a unit around it;
// written back as "1" it would be an integer, exactly 1. "1." keeps it a decimal (and becomes
// "1e0" in the stated notation).
std::string as_written(std::string fixed, const Literal& s) {
  if (s.decimals == 0) fixed += '.';
  return fixed;
}

}  // namespace

std::string printed_like(const Literal& s, const Rational& t) {
  if (s.is_decimal() && !s.is_infinite()) return as_written(to_fixed_string(t, s.decimals), s);
  return to_fraction_string(t);
}

std::optional<std::string> certified_fixed(const Real& x, int decimals) {
  if (x.is_infinite()) return describe(x, 1);
  if (x.is_exact()) return to_fixed_string(x.exact(), decimals);
  std::string a = to_fixed_string(x.lower(), decimals);
  if (a != to_fixed_string(x.upper(), decimals)) return std::nullopt;
  return a;
}

namespace {

bool reads_as(const std::string& text, const Literal& s) {
  try {
    return parse_literal(text, kOwnText).value == s.value;
  } catch (const DomainError&) {
    return false;
  }
}

// t written as the stated number would print it under the comparison: with its significant
// figures (sigfig), its decimals, as a fraction (hand) or in certified digits.
std::string first_form(const CompareMode& mode, const Literal& s, const Real& t, int digits) {
  if (mode.kind == CompareMode::Kind::sigfig) {
    if (t.is_exact()) return to_significant_string(t.exact(), mode.figures);
    if (auto f = certified_significant(t, mode.figures)) return *f;
    return describe(t, digits);
  }
  if (t.is_exact()) return printed_like(s, t.exact());
  if (s.is_decimal())
    if (auto f = certified_fixed(t, s.decimals)) return as_written(std::move(*f), s);
  return describe(t, digits);
}

// Where `shown` reads as the stated value though t differs from it ("should be 1.00, not 1.00"
// for 0.996 under rel, "1.000…0, not 1" for sigmoid(150) = 1 - 7.2e-66): more digits of t, as
// many as it takes to show where the two differ, as far as they are certified.
std::string differing(const Literal& s, const Real& t, int digits, std::string shown) {
  constexpr int kMoreDigits = 10000;
  if (t.is_exact()) {
    if (!s.is_decimal()) return to_fraction_string(t.exact());
    for (int d = s.decimals + 1; d <= s.decimals + kMoreDigits; ++d)
      if (std::string more = to_fixed_string(t.exact(), d); !reads_as(more, s)) return more;
    return to_fraction_string(t.exact());
  }
  if (t.lower() <= s.value && s.value <= t.upper()) return shown;
  const bool fixed = s.is_decimal();
  for (int d = (fixed ? s.decimals : digits) + 1; d <= (fixed ? s.decimals : digits) + kMoreDigits; ++d) {
    std::optional<std::string> more = fixed ? certified_fixed(t, d) : certified_significant(t, d);
    if (!more) break;
    shown = std::move(*more);
    if (!reads_as(shown, s)) break;
  }
  return shown;
}

}  // namespace

bool settles_printed_like(const CompareMode& mode, const Literal& s, const Real& t) {
  if (!t.is_interval()) return true;
  if (mode.kind == CompareMode::Kind::sigfig) return certified_significant(t, mode.figures).has_value();
  return !s.is_decimal() || certified_fixed(t, s.decimals).has_value();
}

bool accepts(const CompareMode& mode, std::string_view text, const Real& t) {
  try {
    Literal l = parse_literal(std::string(text), kOwnText);
    return matches(mode, l, t) == Match::yes;
  } catch (const DomainError&) {
    return false;
  }
}

namespace {

// The first of t's texts at `counts` (decimals or significant figures, by `form`) that the
// comparison accepts; nullopt where none is, or the enclosure stops certifying digits first.
std::optional<std::string> first_accepted(const CompareMode& mode, const Real& t, const std::vector<int>& counts,
                                          std::optional<std::string> (*form)(const Real&, int)) {
  for (int n : counts) {
    std::optional<std::string> text = form(t, n);
    if (!text) return std::nullopt;
    if (accepts(mode, *text, t)) return text;
  }
  return std::nullopt;
}

// t to enough certified significant digits for the comparison (rel:1e-40 needs some 41): a few
// tries from `digits` to `digits` + 80, so that an erratum costs a bounded amount whatever its
// tolerance.
std::optional<std::string> accepted_significant(const CompareMode& mode, const Real& t, int digits) {
  std::vector<int> counts;
  for (int more : {0, 5, 10, 20, 40, 80}) counts.push_back(std::max(digits, 1) + more);
  return first_accepted(mode, t, counts, &certified_significant);
}

}  // namespace

std::optional<std::string> accepted_fixed(const CompareMode& mode, const Real& t, int decimals) {
  constexpr int kMoreDecimals = 40;
  std::vector<int> counts;
  for (int d = std::max(decimals, 0); d <= std::max(decimals, 0) + kMoreDecimals; ++d) counts.push_back(d);
  return first_accepted(mode, t, counts, &certified_fixed);
}

namespace {

// A plain decimal written with the power of ten of a stated number in scientific notation
// ("7.8043278e-12", not "0.0000000000078043278", beside a stated 7.8045348e-12): the same number,
// its digits where the reader's eye expects them. Anything else is left as it is.
std::string in_stated_notation(const Literal& s, std::string shown) {
  auto e = s.text.find_first_of("eE");
  if (e == std::string::npos || !s.is_decimal()) return shown;
  if (shown.empty() || shown.find_first_not_of("-0123456789.") != std::string::npos) return shown;
  long power = 0;
  try {
    power = std::stol(s.text.substr(e + 1));
  } catch (const std::exception&) {
    return shown;
  }
  const auto point = shown.find('.');
  const long decimals = point == std::string::npos ? 0 : static_cast<long>(shown.size() - point - 1);
  const long mantissa_decimals = decimals + power;
  if (mantissa_decimals < 0 || std::labs(power) > 400) return shown;
  return to_fixed_string(parse_literal(shown, kOwnText).value * pow10(-power), static_cast<int>(mantissa_decimals)) +
         s.text.substr(e);
}

// The truth as printed_like shows it, in plain decimals; `approximate` where no number written
// so is accepted by the comparison (e under exact or abs:0): its digits stand for it.
std::string printed_like_plain(const CompareMode& mode, const Literal& s, const Real& t, int digits, bool& approximate) {
  approximate = false;
  if (t.is_infinite()) return describe(t, digits);
  if (t.is_interval() && !certified_significant(t, std::min(digits, 6))) {
    // No significant digit is certified (a zero computed through intervals), but the stated
    // decimals may be: 0.00.
    if (s.is_decimal() && !s.is_infinite() && mode.kind != CompareMode::Kind::sigfig)
      if (std::string fixed = first_form(mode, s, t, digits); accepts(mode, fixed, t)) return fixed;
    return fmt::format("between {} and {}", to_short_decimal(t.lower(), 6), to_short_decimal(t.upper(), 6));
  }
  std::string shown = first_form(mode, s, t, digits);
  // What it "should be" is itself accepted by the comparison: 0.33, not 0.3, for 1/3 under
  // abs:0.01; 1/6, not 0.2, under exact. Where no decimal is (e^2 under exact), its digits.
  if (!s.is_infinite() && !accepts(mode, shown, t)) {
    const bool equal = mode.kind == CompareMode::Kind::exact || (mode.kind == CompareMode::Kind::printed && !s.is_decimal());
    if (auto more = accepted_fixed(mode, t, s.is_decimal() ? s.decimals : 0)) shown = std::move(*more);
    else if (equal) shown = describe(t, digits);
    else if (auto figures = accepted_significant(mode, t, digits)) shown = std::move(*figures);
    // A rational is written exactly; an irrational only approximately.
    if (!accepts(mode, shown, t)) {
      if (!t.is_exact()) approximate = true;
      else shown = to_fraction_string(t.exact());
    }
  }
  if (s.is_infinite() || !reads_as(shown, s) || matches(mode, s, t) != Match::no) return shown;
  return differing(s, t, digits, std::move(shown));
}

}  // namespace

std::string printed_like(const CompareMode& mode, const Literal& s, const Real& t, int digits) {
  // A value too long to write (DESIGN-limits: kReportFractionChars) by its first digits.
  if (t.is_exact() && fraction_longer_than(t.exact(), kReportFractionChars)) return "≈ " + describe(t, digits);
  bool approximate = false;
  std::string shown = in_stated_notation(s, printed_like_plain(mode, s, t, digits, approximate));
  return approximate ? "≈ " + shown : shown;
}

bool may_match(const CompareMode& mode, const Literal& stated, const Real& l) {
  if (stated.is_infinite() || l.is_infinite()) return stated.infinity == l.infinity_sign();
  Range s = stated_range(mode, stated);
  return s.lo <= l.upper() && l.lower() <= s.hi;
}

}  // namespace handcheck
