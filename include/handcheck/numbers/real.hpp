// Values of the exact pipeline: an exact rational while the value can be one, a certified
// interval (MPFI) once it cannot.
//
// Contract (as for ball arithmetic): every operation on intervals returns an interval that
// contains the exact result for every choice of points in its inputs; operations on
// rationals whose result is rational stay exact. Nothing here guesses: a comparison that
// the intervals cannot decide throws Undecided, and the caller raises the precision.
#pragma once

#include <boost/multiprecision/mpfi.hpp>
#include <optional>
#include <string>
#include <variant>

#include "handcheck/numbers/rational.hpp"

namespace handcheck {

using Interval = boost::multiprecision::number<boost::multiprecision::mpfi_float_backend<0>,
                                               boost::multiprecision::et_off>;

// Sets the working precision of new intervals (in decimal digits) for its lifetime.
// Boost.Multiprecision keeps this precision process-wide: exact-pipeline evaluation is
// therefore serialised (see ExactPipeline).
class WorkingPrecision {
 public:
  explicit WorkingPrecision(unsigned digits10);
  ~WorkingPrecision();
  WorkingPrecision(const WorkingPrecision&) = delete;
  WorkingPrecision& operator=(const WorkingPrecision&) = delete;

 private:
  unsigned saved_;
};

class Real {
 public:
  Real() : v_(Rational(0)) {}
  Real(Rational q) : v_(std::move(q)) {}  // NOLINT: a rational is a real
  // Throws LimitError when an endpoint is not finite or lies beyond max_interval_exponent().
  explicit Real(Interval i);
  explicit Real(long n) : v_(Rational(n)) {}

  bool is_exact() const { return std::holds_alternative<Rational>(v_); }
  const Rational& exact() const { return std::get<Rational>(v_); }
  // The value as an interval at the current working precision.
  Interval enclosure() const;
  // Exact endpoints of the enclosure (MPFR numbers are dyadic rationals).
  Rational lower() const;
  Rational upper() const;

 private:
  std::variant<Rational, Interval> v_;
};

// Endpoints of an interval must be finite, below 2^n in magnitude and, unless 0, above 2^-n:
// a value beyond overflows to an error, never to an infinity (whose rational "value" would
// be 0) or to an exact endpoint of millions of digits. The current thread's n; the pipelines
// set it from their bit limit.
std::size_t& max_interval_exponent();

Interval to_interval(const Rational& q);
Rational interval_lower(const Interval& i);
Rational interval_upper(const Interval& i);

Real operator+(const Real& a, const Real& b);
Real operator-(const Real& a, const Real& b);
Real operator*(const Real& a, const Real& b);
Real operator/(const Real& a, const Real& b);  // DomainError when b is exactly 0
Real operator-(const Real& a);

// -1, 0, 1; throws Undecided when the enclosures overlap and the values are not both exact.
int compare(const Real& a, const Real& b);
// The sign of a, or nullopt when the enclosure contains 0 and a is not exact.
std::optional<int> certain_sign(const Real& a);

// `digits` significant digits, correctly rounded (half away from zero), or nullopt when
// the enclosure does not decide every one of them at the current precision.
std::optional<std::string> certified_significant(const Real& x, int digits);
// A human-readable form: the fraction when exact, else certified digits or the enclosure.
std::string describe(const Real& x, int digits);

}  // namespace handcheck
