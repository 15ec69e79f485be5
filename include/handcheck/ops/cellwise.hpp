// Cell-by-cell division and powers with broadcasting, for every number type: the one way `/`,
// `^`, softmax, means and normalisations divide and raise matrices. Exact rationals go through
// linalg's quotient (the cells one divisor divides are put in lowest terms together) and
// powers (3 ^ S walks up the sorted exponents instead of raising every cell from scratch).
// Errors (a zero divisor, a power too large) are those of scalar::div and scalar::pow, for
// the first cell that has one.
#pragma once

#include <algorithm>
#include <type_traits>

#include "handcheck/linalg/products.hpp"
#include "handcheck/ops/scalar.hpp"

namespace handcheck {

template <class T>
Matrix<T> divide_cells(const Matrix<T>& a, const Matrix<T>& b) {
  if constexpr (std::is_same_v<T, Rational>) {
    if (std::none_of(b.begin(), b.end(), [](const Rational& y) { return y == 0; })) return quotient(a, b);
  }
  return zip_cells(a, b, [](const T& x, const T& y) { return scalar::div(x, y); });
}

template <class T>
Matrix<T> power_cells(const Matrix<T>& a, const Matrix<T>& b) {
  if constexpr (std::is_same_v<T, Rational>) {
    // One positive base to many integer exponents; the two extreme exponents stand for the
    // others' errors and limits, which only grow with the exponent's size.
    auto fits = [](const Rational& e) { return is_integer(e) && mpz_fits_slong_p(mpq_numref(e.backend().data())); };
    if (a.is_scalar() && a(0, 0) > 0 && b.size() >= 16 && std::all_of(b.begin(), b.end(), fits)) {
      auto [lo, hi] = std::minmax_element(b.begin(), b.end());
      bool within = true;
      try {
        scalar::pow(a(0, 0), *lo);
        scalar::pow(a(0, 0), *hi);
      } catch (const DomainError&) {
        within = false;  // reported below, for the first cell that has it
      }
      if (within) return powers(a(0, 0), b);
    }
  }
  return zip_cells(a, b, [](const T& x, const T& y) { return scalar::pow(x, y); });
}

}  // namespace handcheck
