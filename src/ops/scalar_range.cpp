// Range meanings: the hand functions applied to every point of a range, enclosed exactly.
// Used to recompute a step from its stated operands (follow-through, DESIGN §5).
#include <fmt/format.h>

#include "handcheck/error.hpp"
#include "handcheck/ops/scalar.hpp"

namespace handcheck::scalar {

namespace {

template <class F>
Range monotone(const Range& x, F f) {
  return {f(x.lo), f(x.hi)};
}

Rational point_of(const Range& x, const char* name) {
  if (!x.is_point()) throw DomainError(fmt::format("{} of a range of values", name));
  return x.lo;
}

}  // namespace

Range div(const Range& a, const Range& b) { return a / b; }
Range floor(const Range& x) { return monotone(x, [](const Rational& q) { return floor(q); }); }
Range ceil(const Range& x) { return monotone(x, [](const Rational& q) { return ceil(q); }); }
Range round(const Range& x) { return monotone(x, [](const Rational& q) { return round(q); }); }
Range trunc(const Range& x) { return monotone(x, [](const Rational& q) { return trunc(q); }); }
Range sign(const Range& x) { return monotone(x, [](const Rational& q) { return sign(q); }); }
Range relu(const Range& x) { return monotone(x, [](const Rational& q) { return relu(q); }); }
Range abs(const Range& x) {
  if (x.lo >= 0) return x;
  if (x.hi <= 0) return -x;
  return {Rational(0), max(-x.lo, x.hi)};
}
Range min(const Range& a, const Range& b) { return {min(a.lo, b.lo), min(a.hi, b.hi)}; }
Range max(const Range& a, const Range& b) { return {max(a.lo, b.lo), max(a.hi, b.hi)}; }

Range pow(const Range& a, const Range& b) {
  if (a.is_point() && b.is_point()) return pow(a.lo, b.lo);
  if (b.is_point() && is_integer(b.lo)) {
    long n = to_index(b.lo);
    if (n < 0) return div(Range(Rational(1)), pow(a, Range(Rational(-n))));
    Rational lo = pow(a.lo, b.lo), hi = pow(a.hi, b.lo);
    if (n % 2 == 1 || a.lo >= 0) return {lo, hi};
    if (a.hi <= 0) return {hi, lo};
    return {Rational(0), max(lo, hi)};
  }
  if (a.is_point() && a.lo > 0) {
    // The exponent ranges over the integers in [b.lo, b.hi].
    Rational e_lo = ceil(b.lo), e_hi = floor(b.hi);
    if (e_lo > e_hi) throw DomainError("no whole exponent in the stated range");
    Rational p = pow(a.lo, e_lo), q = pow(a.lo, e_hi);
    return a.lo >= 1 ? Range(p, q) : Range(q, p);
  }
  throw DomainError("power of a range of values");
}

Range exp(const Range& x) { return exp(point_of(x, "exp")); }
Range log(const Range& x) { return log(point_of(x, "log")); }
Range sqrt(const Range& x) {
  if (x.is_point()) return sqrt(x.lo);
  auto lo = exact_sqrt(x.lo), hi = exact_sqrt(x.hi);
  if (lo && hi) return {*lo, *hi};
  throw DomainError("sqrt of a range of values");
}
Range sin(const Range& x) { return sin(point_of(x, "sin")); }
Range cos(const Range& x) { return cos(point_of(x, "cos")); }
Range tanh(const Range& x) { return tanh(point_of(x, "tanh")); }
Range sigmoid(const Range& x) { return sigmoid(point_of(x, "sigmoid")); }

int compare(const Range& a, const Range& b) {
  Rational ma = a.lo + a.hi, mb = b.lo + b.hi;
  return compare(ma, mb);
}

// Certain where the ranges decide the relation; else both answers are possible.
Range holds(Relation rel, const Range& a, const Range& b) {
  bool yes = false, no = false;
  switch (rel) {
    case Relation::gt: yes = a.lo > b.hi; no = a.hi <= b.lo; break;
    case Relation::ge: yes = a.lo >= b.hi; no = a.hi < b.lo; break;
    case Relation::lt: yes = a.hi < b.lo; no = a.lo >= b.hi; break;
    case Relation::le: yes = a.hi <= b.lo; no = a.lo > b.hi; break;
    case Relation::eq: yes = a.is_point() && b.is_point() && a.lo == b.lo; no = !a.meets(b); break;
  }
  if (yes) return Range(Rational(1));
  if (no) return Range(Rational(0));
  return {Rational(0), Rational(1)};
}
Range select(const Range& cond, const Range& a, const Range& b) {
  if (!cond.contains(Rational(0))) return a;
  if (cond.is_point()) return b;
  return hull(a, b);
}

long to_index(const Range& x) { return to_index(point_of(x, "an index")); }

}  // namespace handcheck::scalar
