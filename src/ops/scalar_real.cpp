// The scalar meanings over Real: exact rationals while the value is rational, certified
// intervals after, the infinities where the extended reals define a result. A step function
// of an interval that straddles a step returns the interval of its possible values.
#include <fmt/format.h>

#include "handcheck/detail/text.hpp"
#include "handcheck/error.hpp"
#include "handcheck/ops/scalar.hpp"

namespace handcheck::scalar {

namespace mp = boost::multiprecision;

namespace {

// A monotone non-decreasing step function f on rationals, lifted to Real: exact when both
// ends of the enclosure land on the same value, else every value between them.
template <class F>
Real monotone_step(const Real& x, F f) {
  if (x.is_infinite()) return x;
  if (x.is_exact()) return f(x.exact());
  return real_between(f(x.lower()), f(x.upper()));
}

// Continuous monotone non-decreasing g: the interval of its values at the ends.
template <class F>
Real monotone_continuous(const Real& x, F g) {
  if (x.is_exact()) return g(x.exact());
  return real_between(g(x.lower()), g(x.upper()));
}

Real require_positive(const Real& x, const char* name) {
  auto s = certain_sign(x);
  if (!s) throw Undecided(fmt::format("{} of a value whose sign is not yet certain", name));
  if (*s <= 0) throw DomainError(ErrorId::eval_out_of_domain, fmt::format("{} of a value that is not positive", name));
  return x;
}

[[noreturn]] void infinite_argument(const char* name, const Real& x) {
  throw DomainError(ErrorId::eval_undefined, fmt::format("{}({}) is undefined", name, describe(x, 6)));
}

// sin and cos reduce their argument modulo 2 pi with as many bits as it has: past this size
// the reduction alone would take minutes.
constexpr long kMaxTrigExponent = 4096;

void check_trig_argument(const Real& x, const char* name) {
  if (x.is_infinite()) infinite_argument(name, x);
  static const Rational bound = [] {
    Rational b(1);
    mpq_mul_2exp(b.backend().data(), b.backend().data(), kMaxTrigExponent);
    return b;
  }();
  Rational m = scalar::max(mp::abs(x.lower()), mp::abs(x.upper()));
  if (m >= bound)
    throw LimitError(ErrorId::limit_exponent,
                     fmt::format("{} of a value of {} decimal digits: the argument must stay below 2^{} in "
                                 "magnitude",
                                 name, decimal_exponent(m) + 1, kMaxTrigExponent));
}

}  // namespace

Real div(const Real& a, const Real& b) { return a / b; }
Real floor(const Real& x) { return monotone_step(x, [](const Rational& q) { return scalar::floor(q); }); }
Real ceil(const Real& x) { return monotone_step(x, [](const Rational& q) { return scalar::ceil(q); }); }
Real round(const Real& x) { return monotone_step(x, [](const Rational& q) { return scalar::round(q); }); }
// trunc and sign are non-decreasing too.
Real trunc(const Real& x) { return monotone_step(x, [](const Rational& q) { return scalar::trunc(q); }); }
Real sign(const Real& x) {
  if (x.is_infinite()) return Rational(x.infinity_sign());
  return monotone_step(x, [](const Rational& q) { return Rational(q.sign()); });
}

// x scaled by 10^d, f applied, scaled back: f(x, d) of a table printed to d decimals.
template <class F>
Real to_decimals(const Real& x, long d, F f) {
  if (x.is_infinite()) return x;
  Rational scale = pow10(d);
  Real scaled = x * Real(scale);
  return f(scaled) / Real(scale);
}
Real round_to(const Real& x, long d) { return to_decimals(x, d, [](const Real& y) { return round(y); }); }
Real floor_to(const Real& x, long d) { return to_decimals(x, d, [](const Real& y) { return floor(y); }); }
Real ceil_to(const Real& x, long d) { return to_decimals(x, d, [](const Real& y) { return ceil(y); }); }

Real abs(const Real& x) {
  if (x.is_infinite()) return Real::infinity(1);
  if (x.is_exact()) return mp::abs(x.exact());
  auto s = certain_sign(x);
  if (s) return *s < 0 ? -x : x;
  return real_between(Rational(0), scalar::max(-x.lower(), x.upper()));
}
Real relu(const Real& x) {
  if (x.is_infinite()) return x.infinity_sign() < 0 ? Real(Rational(0)) : x;
  return monotone_continuous(x, [](const Rational& q) { return scalar::relu(q); });
}

// min and max of overlapping intervals: every value either may take.
Real min(const Real& a, const Real& b) {
  if (a.is_infinite() || b.is_infinite() || same_value(a, b)) return handcheck::compare(a, b) <= 0 ? a : b;
  if (a.is_exact() && b.is_exact()) return scalar::min(a.exact(), b.exact());
  if (a.upper() <= b.lower()) return a;
  if (b.upper() <= a.lower()) return b;
  return real_between(scalar::min(a.lower(), b.lower()), scalar::min(a.upper(), b.upper()));
}
Real max(const Real& a, const Real& b) {
  if (a.is_infinite() || b.is_infinite() || same_value(a, b)) return handcheck::compare(a, b) >= 0 ? a : b;
  if (a.is_exact() && b.is_exact()) return scalar::max(a.exact(), b.exact());
  if (a.upper() <= b.lower()) return b;
  if (b.upper() <= a.lower()) return a;
  return real_between(scalar::max(a.lower(), b.lower()), scalar::max(a.upper(), b.upper()));
}

// a ^ b where a or b is infinite: 3 ^ -inf = 0, 3 ^ inf = inf, (1/2) ^ inf = 0, inf ^ 2 = inf.
static Real infinite_power(const Real& a, const Real& b) {
  if (b.is_infinite()) {
    if (a.is_infinite())
      throw DomainError(ErrorId::eval_undefined, fmt::format("{} ^ {} is undefined", describe(a, 6), describe(b, 6)));
    require_positive(a, "a power with an infinite exponent");
    int vs_one = handcheck::compare(a, Real(Rational(1)));
    if (vs_one == 0) throw DomainError(ErrorId::eval_undefined, "1 ^ inf is undefined");
    bool grows = (vs_one > 0) == (b.infinity_sign() > 0);
    return grows ? Real::infinity(1) : Real(Rational(0));
  }
  auto s = certain_sign(b);
  if (!s) throw Undecided("a power of an infinity with an exponent whose sign is not yet certain");
  if (*s == 0) return Rational(1);
  if (*s < 0) return Rational(0);
  if (a.infinity_sign() > 0) return a;
  if (b.is_exact() && is_integer(b.exact()))
    return Real::infinity(mp::numerator(b.exact()) % 2 == 0 ? 1 : -1);
  throw DomainError(ErrorId::eval_undefined, fmt::format("-inf ^ {} is undefined", describe(b, 6)));
}

Real pow(const Real& a, const Real& b) {
  if (a.is_infinite() || b.is_infinite()) return infinite_power(a, b);
  if (a.is_exact() && b.is_exact()) {
    const Rational& e = b.exact();
    if (is_integer(e) || a.exact() >= 0) {
      try {
        return scalar::pow(a.exact(), e);
      } catch (const LimitError&) {
        throw;
      } catch (const DomainError&) {
        if (is_integer(e) || a.exact() == 0) throw;
        // not rational: fall through to the certified power
      }
    }
  }
  if (b.is_exact() && is_integer(b.exact())) {
    long n = to_index(b);
    if (n == 0) return Rational(1);
    // Binary powering of the enclosure: correct containment for any sign of the base.
    Real base = n < 0 ? div(Rational(1), a) : a;
    unsigned long k = n < 0 ? 0UL - static_cast<unsigned long>(n) : static_cast<unsigned long>(n);
    if (k > 100000)
      throw LimitError(ErrorId::limit_exponent, fmt::format("exponent {} is too large for an inexact base", n));
    Real result = Rational(1);
    while (k) {
      if (k & 1) result = result * base;
      k >>= 1;
      if (k) base = square(base);
    }
    return identified(result, '^', a, b);
  }
  if (a.is_exact() && a.exact() < 0)
    throw DomainError(ErrorId::eval_out_of_domain,
                      fmt::format("{} ^ (a non-integer) of a negative base", detail::shortened(to_fraction_string(a.exact()))));
  require_positive(a, "power with a real exponent");
  charge_precision_work(16);
  return identified(Real(mp::exp(b.enclosure() * mp::log(a.enclosure()))), '^', a, b);
}

Real exp(const Real& x) {
  if (x.is_infinite()) return x.infinity_sign() < 0 ? Real(Rational(0)) : x;
  if (x.is_exact() && x.exact() == 0) return Rational(1);
  charge_precision_work(8);
  return identified(Real(mp::exp(x.enclosure())), 'e', x);
}
Real log(const Real& x) {
  if (x.is_infinite()) {
    if (x.infinity_sign() > 0) return x;
    infinite_argument("log", x);
  }
  if (x.is_exact()) {
    if (x.exact() <= 0)
      throw DomainError(ErrorId::eval_out_of_domain,
                        fmt::format("log({}) of a value that is not positive", detail::shortened(to_fraction_string(x.exact()))));
    if (x.exact() == 1) return Rational(0);
  }
  require_positive(x, "log");
  charge_precision_work(8);
  return identified(Real(mp::log(x.enclosure())), 'l', x);
}
Real sqrt(const Real& x) {
  if (x.is_infinite()) {
    if (x.infinity_sign() > 0) return x;
    infinite_argument("sqrt", x);
  }
  if (x.is_exact()) {
    if (x.exact() < 0)
      throw DomainError(ErrorId::eval_out_of_domain,
                        fmt::format("sqrt({}) of a negative value", detail::shortened(to_fraction_string(x.exact()))));
    if (auto r = exact_sqrt(x.exact())) return *r;
  } else if (x.lower() < 0) {
    if (x.upper() < 0) throw DomainError(ErrorId::eval_out_of_domain, "sqrt of a negative value");
    throw Undecided("sqrt of a value whose sign is not yet certain");
  }
  charge_precision_work(8);
  return identified(Real(mp::sqrt(x.enclosure())), 'r', x);
}
Real sin(const Real& x) {
  if (x.is_exact() && x.exact() == 0) return Rational(0);
  check_trig_argument(x, "sin");
  charge_precision_work(8);
  return identified(Real(mp::sin(x.enclosure())), 's', x);
}
Real cos(const Real& x) {
  if (x.is_exact() && x.exact() == 0) return Rational(1);
  check_trig_argument(x, "cos");
  charge_precision_work(8);
  return identified(Real(mp::cos(x.enclosure())), 'c', x);
}
Real tanh(const Real& x) {
  if (x.is_infinite()) return Rational(x.infinity_sign());
  if (x.is_exact() && x.exact() == 0) return Rational(0);
  charge_precision_work(8);
  return identified(Real(mp::tanh(x.enclosure())), 't', x);
}
Real sigmoid(const Real& x) {
  if (x.is_infinite()) return Rational(x.infinity_sign() < 0 ? 0 : 1);
  if (x.is_exact() && x.exact() == 0) return Rational(1, 2);
  charge_precision_work(8);
  Interval one = to_interval(Rational(1));
  return identified(Real(one / (one + mp::exp(-x.enclosure()))), 'g', x);
}

// x * Phi(x), with Phi(x) = (1 + erf(x / sqrt(2))) / 2 = erfc(-x / sqrt(2)) / 2. MPFI has no
// erf; erfc is decreasing, so over [a, b] it is [erfc(b) rounded down, erfc(a) rounded up]
// (MPFR rounds each correctly in the direction asked), and interval arithmetic does the rest.
// erfc rather than 1 + erf: for a large negative x, 1 + erf cancels to nothing, while erfc
// keeps every digit of the tiny Phi(x).
Real gelu(const Real& x) {
  if (x.is_infinite()) return x.infinity_sign() < 0 ? Real(Rational(0)) : x;
  if (x.is_exact() && x.exact() == 0) return Rational(0);
  charge_precision_work(16);
  Interval v = x.enclosure();
  Interval z = -v / mp::sqrt(to_interval(Rational(2)));
  Interval phi2 = z;  // erfc(z), at z's precision
  mpfi_ptr zi = z.backend().data();
  mpfi_ptr out = phi2.backend().data();
  mpfr_t lo, hi;
  mpfr_init2(lo, mpfi_get_prec(zi));
  mpfr_init2(hi, mpfi_get_prec(zi));
  mpfr_erfc(lo, &zi->right, MPFR_RNDD);
  mpfr_erfc(hi, &zi->left, MPFR_RNDU);
  mpfi_interv_fr(out, lo, hi);
  mpfr_clear(lo);
  mpfr_clear(hi);
  return identified(Real(v * phi2 / to_interval(Rational(2))), 'u', x);
}

int compare(const Real& a, const Real& b) { return handcheck::compare(a, b); }
Real holds(Relation rel, const Real& a, const Real& b) {
  try {
    return Rational(relation_holds(rel, handcheck::compare(a, b)) ? 1 : 0);
  } catch (const Undecided&) {
    return real_between(Rational(0), Rational(1));
  }
}
Real select(const Real& cond, const Real& a, const Real& b) {
  auto s = certain_sign(cond);
  if (s) return *s != 0 ? a : b;
  // No finite range holds an infinity and another value, but either is a defined result:
  // more precision may decide the condition, so this is undecided, not a domain error.
  if ((a.is_infinite() || b.is_infinite()) && !same_value(a, b))
    throw Undecided("where between an infinity and another value, with a condition whose sign is not yet certain");
  return hull(a, b);
}

long to_index(const Real& x) {
  if (x.is_infinite())
    throw DomainError(ErrorId::eval_infinity, "an index or size must be a whole number, not an infinity");
  if (!x.is_exact()) throw Undecided("an index or size that is not yet known to be a whole number");
  return to_index(x.exact());
}

}  // namespace handcheck::scalar
