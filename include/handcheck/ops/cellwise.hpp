// Cell-by-cell division and powers with broadcasting: the one way `/`, `^`, softmax, means
// and normalisations divide and raise matrices. Matrices of rationals go through linalg's
// quotient (the cells one divisor divides are put in lowest terms together) and powers
// (3 ^ S walks up the sorted exponents instead of raising every cell from scratch). Errors (a
// zero divisor, a power too large) are those of scalar::div and scalar::pow, for the first
// cell that has one.
#pragma once

#include <algorithm>

#include "handcheck/linalg/products.hpp"
#include "handcheck/ops/scalar.hpp"

namespace handcheck {

inline Matrix<Real> divide_cells(const Matrix<Real>& a, const Matrix<Real>& b) {
  auto nonzero = [](const Real& y) { return y.exact() != 0; };
  if (all_exact(a) && all_exact(b) && std::all_of(b.begin(), b.end(), nonzero))
    return reals_of(quotient(rationals_of(a), rationals_of(b)));
  return zip_cells(a, b, [](const Real& x, const Real& y) { return scalar::div(x, y); });
}

// The bits exact powers would make, bounded before they are made (bits of the base times the
// exponent, cell by cell): 100 000 cells of 3 ^ (a large exponent) stop here, not in the
// allocator.
inline void bound_power_bits(const Matrix<Real>& a, const Matrix<Real>& b) {
  Shape s = broadcast_shape(a.shape(), b.shape());
  const BitBudget& budget = bit_budget();
  std::size_t bound = 0;
  std::size_t work = 0;  // charged once the bits are known to fit: that limit's message is the clearer
  for (std::size_t r = 0; r < s.rows; ++r)
    for (std::size_t c = 0; c < s.cols; ++c) {
      const Real& x = broadcast_at(a, r, c);
      const Real& e = broadcast_at(b, r, c);
      if (!x.is_exact() || !e.is_exact() || !is_integer(e.exact())) continue;
      mpz_srcptr n = mpq_numref(e.exact().backend().data());
      if (!mpz_fits_slong_p(n)) continue;  // refused by the power itself
      long v = mpz_get_si(n);
      std::size_t magnitude = v < 0 ? 0UL - static_cast<unsigned long>(v) : static_cast<unsigned long>(v);
      if (magnitude > max_rational_bits()) continue;  // refused by the power itself, naming its cell
      std::size_t cell = rational_bits(x.exact()) * magnitude;
      if (cell > max_rational_bits()) continue;
      bound += cell;
      work += rational_cost(cell);
      if (budget.used + bound > budget.limit)
        throw LimitError(ErrorId::limit_bits, fmt::format("powers of a {} matrix could hold more than the {} bits left of the limit of {} "
                                     "(raise it with --max-total-bits)", s.to_string(),
                                     budget.limit - std::min(budget.limit, budget.used), budget.limit));
    }
  charge_rational_work(work);
}

inline Matrix<Real> power_cells(const Matrix<Real>& a, const Matrix<Real>& b) {
  bound_power_bits(a, b);
  // One positive base to many integer exponents; the two extreme exponents stand for the
  // others' errors and limits, which only grow with the exponent's size.
  auto fits = [](const Real& e) {
    return e.is_exact() && is_integer(e.exact()) && mpz_fits_slong_p(mpq_numref(e.exact().backend().data()));
  };
  if (a.is_scalar() && a(0, 0).is_exact() && a(0, 0).exact() > 0 && b.size() >= 16 &&
      std::all_of(b.begin(), b.end(), fits)) {
    const Rational& base = a(0, 0).exact();
    auto [lo, hi] = std::minmax_element(b.begin(), b.end(),
                                        [](const Real& x, const Real& y) { return x.exact() < y.exact(); });
    bool within = true;
    try {
      scalar::pow(base, lo->exact());
      scalar::pow(base, hi->exact());
    } catch (const DomainError&) {
      within = false;  // reported below, for the first cell that has it
    }
    if (within) return reals_of(powers(base, rationals_of(b)));
  }
  return zip_cells(a, b, [](const Real& x, const Real& y) { return scalar::pow(x, y); });
}

}  // namespace handcheck
