#include "handcheck/numbers/real.hpp"

#include <fmt/format.h>
#include <mpfr.h>

#include "handcheck/error.hpp"

namespace handcheck {

WorkingPrecision::WorkingPrecision(unsigned digits10) : saved_(Interval::default_precision()) {
  Interval::default_precision(digits10);
}
WorkingPrecision::~WorkingPrecision() { Interval::default_precision(saved_); }

std::size_t& max_interval_exponent() {
  thread_local std::size_t n = std::size_t{1} << 24;
  return n;
}

static void check_endpoint(mpfr_srcptr x) {
  if (mpfr_zero_p(x)) return;
  if (!mpfr_number_p(x))
    throw LimitError("the value overflows: the exact pipeline's interval has an infinite endpoint");
  mpfr_exp_t e = mpfr_get_exp(x);  // 2^(e-1) <= |x| < 2^e
  auto limit = static_cast<long>(std::min<std::size_t>(max_interval_exponent(), 1u << 30));
  if (e > limit)
    throw LimitError(fmt::format("the value overflows: it exceeds 2^{} (raise the limit with --max-bits)", limit));
  if (e < -limit)
    throw LimitError(fmt::format("the value underflows: it is not 0 but below 2^-{} (raise the limit with --max-bits)",
                                 limit));
}

Real::Real(Interval i) : v_(std::move(i)) {
  const auto& b = std::get<Interval>(v_).backend().data()[0];
  check_endpoint(&b.left);
  check_endpoint(&b.right);
}

Interval to_interval(const Rational& q) {
  Interval r;
  mpfi_set_q(r.backend().data(), q.backend().data());
  return r;
}

static Rational mpfr_to_rational(mpfr_srcptr x) {
  Rational q;
  mpfr_get_q(q.backend().data(), x);
  return q;
}

Rational interval_lower(const Interval& i) {
  return mpfr_to_rational(&i.backend().data()[0].left);
}
Rational interval_upper(const Interval& i) {
  return mpfr_to_rational(&i.backend().data()[0].right);
}

Interval Real::enclosure() const {
  if (is_exact()) return to_interval(exact());
  return std::get<Interval>(v_);
}
Rational Real::lower() const { return is_exact() ? exact() : interval_lower(std::get<Interval>(v_)); }
Rational Real::upper() const { return is_exact() ? exact() : interval_upper(std::get<Interval>(v_)); }

Real operator+(const Real& a, const Real& b) {
  if (a.is_exact() && b.is_exact()) return a.exact() + b.exact();
  return Real(a.enclosure() + b.enclosure());
}
Real operator-(const Real& a, const Real& b) {
  if (a.is_exact() && b.is_exact()) return a.exact() - b.exact();
  return Real(a.enclosure() - b.enclosure());
}
Real operator*(const Real& a, const Real& b) {
  // An exact zero annihilates whatever the other factor's width.
  if ((a.is_exact() && a.exact() == 0) || (b.is_exact() && b.exact() == 0)) return Rational(0);
  if (a.is_exact() && b.is_exact()) return a.exact() * b.exact();
  return Real(a.enclosure() * b.enclosure());
}
Real operator/(const Real& a, const Real& b) {
  if (b.is_exact() && b.exact() == 0) throw DomainError("division by zero");
  if (a.is_exact() && b.is_exact()) return a.exact() / b.exact();
  auto s = certain_sign(b);
  if (!s) throw Undecided("division by a value whose sign is not yet certain");
  return Real(a.enclosure() / b.enclosure());
}
Real operator-(const Real& a) {
  if (a.is_exact()) return Rational(-a.exact());
  return Real(-a.enclosure());
}

int compare(const Real& a, const Real& b) {
  if (a.is_exact() && b.is_exact()) return a.exact() < b.exact() ? -1 : (a.exact() > b.exact() ? 1 : 0);
  if (a.upper() < b.lower()) return -1;
  if (a.lower() > b.upper()) return 1;
  throw Undecided("comparison of two values that agree to the working precision");
}

std::optional<int> certain_sign(const Real& a) {
  if (a.is_exact()) return a.exact() < 0 ? -1 : (a.exact() > 0 ? 1 : 0);
  if (a.lower() > 0) return 1;
  if (a.upper() < 0) return -1;
  return std::nullopt;
}

std::optional<std::string> certified_significant(const Real& x, int digits) {
  if (x.is_exact()) return to_significant_string(x.exact(), digits);
  Rational lo = x.lower(), hi = x.upper();
  if (lo.sign() != hi.sign()) return std::nullopt;  // straddles zero: not even the sign is known
  // Rounding is monotone, so if both ends round to the same digits, every point does.
  std::string a = to_significant_string(lo, digits);
  if (a != to_significant_string(hi, digits)) return std::nullopt;
  return a;
}

std::string describe(const Real& x, int digits) {
  if (x.is_exact()) return to_fraction_string(x.exact());
  if (auto s = certified_significant(x, digits)) return *s;
  return fmt::format("[{}, {}]", to_significant_string(x.lower(), digits),
                     to_significant_string(x.upper(), digits));
}

}  // namespace handcheck
