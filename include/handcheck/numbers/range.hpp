// Closed rational intervals [lo, hi]: a stated number standing for every value its printing
// allows (0.21 printed with two decimals stands for [0.205, 0.215]). Exact endpoints, so a
// value on the boundary of a printed range is inside it.
#pragma once

#include "handcheck/numbers/literal.hpp"
#include "handcheck/numbers/rational.hpp"

namespace handcheck {

struct Range {
  Rational lo, hi;

  Range() = default;
  Range(Rational q) : lo(q), hi(std::move(q)) {}  // NOLINT: a point is a range
  Range(Rational l, Rational h) : lo(std::move(l)), hi(std::move(h)) {}

  bool is_point() const { return lo == hi; }
  bool contains(const Rational& q) const { return lo <= q && q <= hi; }
  bool meets(const Range& o) const { return lo <= o.hi && o.lo <= hi; }
};

Range operator+(const Range& a, const Range& b);
Range operator-(const Range& a, const Range& b);
Range operator*(const Range& a, const Range& b);
Range operator/(const Range& a, const Range& b);  // DomainError if b contains 0
Range operator-(const Range& a);
Range hull(const Range& a, const Range& b);

}  // namespace handcheck
