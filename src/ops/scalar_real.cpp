// Exact meanings: exact rationals while the value is rational, certified intervals after.
// A decision an interval cannot make at this precision throws Undecided.
#include <fmt/format.h>

#include "handcheck/error.hpp"
#include "handcheck/ops/scalar.hpp"

namespace handcheck::scalar {

namespace mp = boost::multiprecision;

namespace {

Real interval_between(const Rational& lo, const Rational& hi) {
  Interval r;
  mpfi_interv_q(r.backend().data(), lo.backend().data(), hi.backend().data());
  return Real(r);
}

// A monotone non-decreasing step function f on rationals, lifted to Real: decided when both
// ends of the enclosure land on the same value.
template <class F>
Real monotone_step(const Real& x, F f, const char* name) {
  if (x.is_exact()) return f(x.exact());
  Rational a = f(x.lower()), b = f(x.upper());
  if (a != b)
    throw Undecided(fmt::format("{} of a value that straddles a step at this precision", name));
  return a;
}

// Continuous monotone non-decreasing g: the interval of its values at the ends.
template <class F>
Real monotone_continuous(const Real& x, F g) {
  if (x.is_exact()) return g(x.exact());
  return interval_between(g(x.lower()), g(x.upper()));
}

Real require_positive(const Real& x, const char* name) {
  auto s = certain_sign(x);
  if (!s) throw Undecided(fmt::format("{} of a value whose sign is not yet certain", name));
  if (*s <= 0) throw DomainError(fmt::format("{} of a value that is not positive", name));
  return x;
}

}  // namespace

Real div(const Real& a, const Real& b) { return a / b; }
Real floor(const Real& x) { return monotone_step(x, [](const Rational& q) { return scalar::floor(q); }, "floor"); }
Real ceil(const Real& x) { return monotone_step(x, [](const Rational& q) { return scalar::ceil(q); }, "ceil"); }
Real round(const Real& x) { return monotone_step(x, [](const Rational& q) { return scalar::round(q); }, "round"); }
Real trunc(const Real& x) {
  // trunc is monotone on each side of 0 and continuous at it in value (both sides give 0).
  return monotone_step(x, [](const Rational& q) { return scalar::trunc(q); }, "trunc");
}
Real sign(const Real& x) {
  auto s = certain_sign(x);
  if (!s) throw Undecided("sign of a value too close to 0 at this precision");
  return Rational(*s);
}
Real abs(const Real& x) {
  if (x.is_exact()) return mp::abs(x.exact());
  auto s = certain_sign(x);
  if (s) return *s < 0 ? -x : x;
  return interval_between(Rational(0), scalar::max(-x.lower(), x.upper()));
}
Real relu(const Real& x) {
  return monotone_continuous(x, [](const Rational& q) { return scalar::relu(q); });
}
Real min(const Real& a, const Real& b) {
  if (a.is_exact() && b.is_exact()) return scalar::min(a.exact(), b.exact());
  if (a.upper() <= b.lower()) return a;
  if (b.upper() <= a.lower()) return b;
  return interval_between(scalar::min(a.lower(), b.lower()), scalar::min(a.upper(), b.upper()));
}
Real max(const Real& a, const Real& b) {
  if (a.is_exact() && b.is_exact()) return scalar::max(a.exact(), b.exact());
  if (a.upper() <= b.lower()) return b;
  if (b.upper() <= a.lower()) return a;
  return interval_between(scalar::max(a.lower(), b.lower()), scalar::max(a.upper(), b.upper()));
}

Real pow(const Real& a, const Real& b) {
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
    if (k > 100000) throw LimitError(fmt::format("exponent {} is too large for an inexact base", n));
    Real result = Rational(1);
    while (k) {
      if (k & 1) result = result * base;
      k >>= 1;
      if (k) base = base * base;
    }
    return result;
  }
  if (a.is_exact() && a.exact() < 0)
    throw DomainError(fmt::format("{} ^ (a non-integer) of a negative base", to_fraction_string(a.exact())));
  require_positive(a, "power with a real exponent");
  return Real(mp::exp(b.enclosure() * mp::log(a.enclosure())));
}

Real exp(const Real& x) {
  if (x.is_exact() && x.exact() == 0) return Rational(1);
  return Real(mp::exp(x.enclosure()));
}
Real log(const Real& x) {
  if (x.is_exact()) {
    if (x.exact() <= 0) throw DomainError(fmt::format("log({}) of a value that is not positive", to_fraction_string(x.exact())));
    if (x.exact() == 1) return Rational(0);
  }
  require_positive(x, "log");
  return Real(mp::log(x.enclosure()));
}
Real sqrt(const Real& x) {
  if (x.is_exact()) {
    if (x.exact() < 0) throw DomainError(fmt::format("sqrt({}) of a negative value", to_fraction_string(x.exact())));
    if (auto r = exact_sqrt(x.exact())) return *r;
  } else if (x.lower() < 0) {
    if (x.upper() < 0) throw DomainError("sqrt of a negative value");
    throw Undecided("sqrt of a value whose sign is not yet certain");
  }
  return Real(mp::sqrt(x.enclosure()));
}
Real sin(const Real& x) {
  if (x.is_exact() && x.exact() == 0) return Rational(0);
  return Real(mp::sin(x.enclosure()));
}
Real cos(const Real& x) {
  if (x.is_exact() && x.exact() == 0) return Rational(1);
  return Real(mp::cos(x.enclosure()));
}
Real tanh(const Real& x) {
  if (x.is_exact() && x.exact() == 0) return Rational(0);
  return Real(mp::tanh(x.enclosure()));
}
Real sigmoid(const Real& x) {
  if (x.is_exact() && x.exact() == 0) return Rational(1, 2);
  Interval one = to_interval(Rational(1));
  return Real(one / (one + mp::exp(-x.enclosure())));
}

int compare(const Real& a, const Real& b) { return handcheck::compare(a, b); }
Real holds(Relation rel, const Real& a, const Real& b) {
  return Rational(relation_holds(rel, handcheck::compare(a, b)) ? 1 : 0);
}
Real select(const Real& cond, const Real& a, const Real& b) {
  auto s = certain_sign(cond);
  if (!s) throw Undecided("a condition too close to 0 to tell true from false at this precision");
  return *s != 0 ? a : b;
}

long to_index(const Real& x) {
  if (!x.is_exact()) throw DomainError("an index or size must be an exact whole number");
  return to_index(x.exact());
}

}  // namespace handcheck::scalar
