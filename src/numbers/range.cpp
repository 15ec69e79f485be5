#include "handcheck/numbers/range.hpp"

#include <algorithm>

#include "handcheck/error.hpp"

namespace handcheck {

Range operator+(const Range& a, const Range& b) { return {a.lo + b.lo, a.hi + b.hi}; }
Range operator-(const Range& a, const Range& b) { return {a.lo - b.hi, a.hi - b.lo}; }
Range operator-(const Range& a) { return {-a.hi, -a.lo}; }

Range operator*(const Range& a, const Range& b) {
  if (a.is_point() && b.is_point()) return Range(a.lo * b.lo);
  Rational p[4] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
  return {*std::min_element(p, p + 4), *std::max_element(p, p + 4)};
}

Range operator/(const Range& a, const Range& b) {
  if (b.contains(Rational(0))) throw DomainError(ErrorId::eval_division_by_zero, "division by a range that contains zero");
  return a * Range(Rational(1) / b.hi, Rational(1) / b.lo);
}

Range hull(const Range& a, const Range& b) {
  return {a.lo < b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi};
}

}  // namespace handcheck
