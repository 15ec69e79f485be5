// Values of the exact pipeline: an exact rational while the value can be one, a certified
// interval (MPFI) once it cannot.
//
// Contract (as for ball arithmetic): every operation on intervals returns an interval that
// contains the exact result for every choice of points in its inputs; operations on
// rationals whose result is rational stay exact. Nothing here guesses: a comparison that
// the intervals cannot decide throws Undecided, and the caller raises the precision.
#pragma once

#include <boost/multiprecision/mpfi.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "handcheck/numbers/literal.hpp"
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

// A value of either pipeline: an exact rational, a certified interval, or an infinity
// (DESIGN §3: -inf in a causal mask). An interval may carry an identity: two intervals with
// the same identity were computed by the same function from operands known to be equal, so
// they are one number, whatever their enclosures (see IdentityScope).
class Real {
 public:
  Real() : v_(Rational(0)) {}
  Real(Rational q) : v_(std::move(q)) {}  // NOLINT: a rational is a real
  // Throws LimitError when an endpoint is not finite or lies beyond max_interval_exponent().
  explicit Real(Interval i);
  explicit Real(long n) : v_(Rational(n)) {}
  static Real infinity(int sign);

  bool is_exact() const { return std::holds_alternative<Rational>(v_); }
  bool is_infinite() const { return std::holds_alternative<Infinity>(v_); }
  bool is_interval() const { return std::holds_alternative<Interval>(v_); }
  int infinity_sign() const { return is_infinite() ? std::get<Infinity>(v_).sign : 0; }
  const Rational& exact() const { return std::get<Rational>(v_); }
  const Interval& interval() const { return std::get<Interval>(v_); }
  // The value as an interval at the current working precision. An infinity has none: these
  // throw DomainError for it, so an operation that cannot take one says so for its cell.
  Interval enclosure() const;
  // Exact endpoints of the enclosure (MPFR numbers are dyadic rationals).
  Rational lower() const;
  Rational upper() const;

  // 0: no identity is known.
  std::uint64_t identity() const { return identity_; }
  void set_identity(std::uint64_t id) { identity_ = id; }

 private:
  struct Infinity {
    int sign;
  };
  std::variant<Rational, Interval, Infinity> v_;
  std::uint64_t identity_ = 0;
};

// While an IdentityScope is active on a thread, the operations of this file and of
// ops/scalar.hpp give each interval they make an identity: the same operation on operands of
// the same identity (or the same exact value) gets the same one. Identities are unique in the
// process, so values from different scopes are never taken for equal.
class IdentityScope {
 public:
  IdentityScope();
  ~IdentityScope();
  IdentityScope(const IdentityScope&) = delete;
  IdentityScope& operator=(const IdentityScope&) = delete;

  struct Table;

 private:
  Table* saved_;
  Table* table_;
};

// The identity of `op` applied to the operands (for an exact operand, its value; for an
// interval, its identity), or 0 when no scope is active or an operand has none.
std::uint64_t identity_of(char op, const Real& a);
std::uint64_t identity_of(char op, const Real& a, const Real& b);
// `r` with the identity of op(a) / op(a, b) when r is an interval.
Real identified(Real r, char op, const Real& a);
Real identified(Real r, char op, const Real& a, const Real& b);
// Known equal: the same exact value, the same infinity, or intervals of the same identity.
bool same_value(const Real& a, const Real& b);

// Endpoints of an interval must be finite, below 2^n in magnitude and, unless 0, above 2^-n:
// a value beyond overflows to an error, never to an infinity (whose rational "value" would
// be 0) or to an exact endpoint of millions of digits. The current thread's n; the pipelines
// set it from their bit limit.
std::size_t& max_interval_exponent();

// The bits of a rational (numerator and denominator), and the current thread's limits on the
// bits of one rational that any operation makes and on the bits all the cells of a run hold
// together (a case's budget); the pipelines set them from their options.
std::size_t rational_bits(const Rational& q);
std::size_t& max_rational_bits();
struct BitBudget {
  std::size_t limit = 0;
  std::size_t used = 0;
};
BitBudget& bit_budget();
// The work of interval operations at the working precision, counted per operation as digits
// squared over 1024 (an operation at 100 000 digits costs a hundred million times one at 10):
// the current thread's limit and use; unlimited outside a run.
struct PrecisionWork {
  std::size_t limit = static_cast<std::size_t>(-1);
  std::size_t used = 0;
};
PrecisionWork& precision_work();
// Counts `ops` interval operations at the current precision; LimitError past the limit.
void charge_precision_work(std::size_t ops = 1);
// The work of exact arithmetic: an operation on rationals of n bits together costs n·√n / 4096
// (GMP's time for a sum or product of unrelated fractions, a gcd of their size, grows about so:
// 2.5 µs at 4 096 bits, 60 ms at 4 million; one unit is 30-40 ns of it), so that a step of a
// few hundred cells over numbers near --max-bits stops in seconds instead of running for
// minutes. Numbers of a few words cost nothing: their count is bounded by the cell and work
// limits. The current thread's limit and use; unlimited outside a run.
struct RationalWork {
  std::size_t limit = static_cast<std::size_t>(-1);
  std::size_t used = 0;
};
RationalWork& rational_work();
// The cost of an operation on numbers of `bits` bits together (saturating).
std::size_t rational_cost(std::size_t bits);
// Counts `units` of exact work; LimitError past the limit, before the work is done.
void charge_rational_work(std::size_t units);
// Counts an operation on a and b.
void charge_rational_op(const Rational& a, const Rational& b);
// Counts an operation on the integers a and b.
void charge_integer_op(mpz_srcptr a, mpz_srcptr b);

// Throws LimitError when q has more bits than max_rational_bits().
void check_bits(const Rational& q);
// Adds `bits` to the budget; throws LimitError when it runs out.
void charge_bits(std::size_t bits);

Interval to_interval(const Rational& q);
Rational interval_lower(const Interval& i);
Rational interval_upper(const Interval& i);

Real operator+(const Real& a, const Real& b);
Real operator-(const Real& a, const Real& b);
Real operator*(const Real& a, const Real& b);
// a * a, never below zero: the product of two intervals that hold 0 reaches below it.
Real square(const Real& a);
Real operator/(const Real& a, const Real& b);  // DomainError when b is exactly 0
Real operator-(const Real& a);

// The value a literal stands for (an infinity, or its rational).
Real real_of(const Literal& l);
// The interval [lo, hi], or the rational when lo == hi.
Real real_between(const Rational& lo, const Rational& hi);
// The smallest value that contains both (an interval unless both are the same rational).
// DomainError when one is an infinity and the other is not the same one.
Real hull(const Real& a, const Real& b);

// -1, 0, 1; throws Undecided when the enclosures overlap and the values are not known equal.
int compare(const Real& a, const Real& b);
// The sign of a, or nullopt when the enclosure contains 0 and a is not exact.
std::optional<int> certain_sign(const Real& a);

// `digits` significant digits, correctly rounded (half away from zero), or nullopt when
// the enclosure does not decide every one of them at the current precision.
std::optional<std::string> certified_significant(const Real& x, int digits);
// A human-readable form: the fraction when exact (by its first digits past
// kReportFractionChars), `-inf`/`inf`, else certified digits (with `≈` where they show no
// point: `≈3` for √9.3 to one digit) or the enclosure.
std::string describe(const Real& x, int digits);

}  // namespace handcheck
