#include <algorithm>
#include <map>

#include "handcheck/linalg/products.hpp"
#include "lowest_terms.hpp"

namespace handcheck {

using namespace linalg_detail;

Matrix<Rational> powers(const Rational& base, const Matrix<Rational>& exponents) {
  // (u/v)^e is u^e / v^e in lowest terms, and v^e / u^e for e < 0. Walking up |e| in order,
  // each power is the last one times u^step (v^step) for a small step: a product of a large
  // number by a small one instead of a power from scratch.
  std::vector<std::pair<unsigned long, std::size_t>> order;  // (|e|, cell)
  order.reserve(exponents.size());
  for (std::size_t k = 0; k < exponents.size(); ++k) {
    long e = mpz_get_si(num(exponents.cells()[k]));
    order.emplace_back(e < 0 ? 0UL - static_cast<unsigned long>(e) : static_cast<unsigned long>(e), k);
  }
  std::sort(order.begin(), order.end());
  Integer u_power = 1, v_power = 1;
  mpz_ptr up = u_power.backend().data(), vp = v_power.backend().data();
  mpz_srcptr u = num(base), v = den(base);
  const bool whole = mpz_cmp_ui(v, 1) == 0;
  std::map<unsigned long, std::pair<Integer, Integer>> steps;  // step -> (u^step, v^step)
  unsigned long at = 0;
  Matrix<Rational> out(exponents.shape());
  for (auto [e, k] : order) {
    if (e != at) {
      auto [it, added] = steps.try_emplace(e - at);
      if (added) {
        mpz_pow_ui(it->second.first.backend().data(), u, e - at);
        if (!whole) mpz_pow_ui(it->second.second.backend().data(), v, e - at);
      }
      mpz_mul(up, up, it->second.first.backend().data());
      if (!whole) mpz_mul(vp, vp, it->second.second.backend().data());
      at = e;
    }
    mpq_ptr cell = out(k / exponents.cols(), k % exponents.cols()).backend().data();
    bool negative = mpz_sgn(num(exponents.cells()[k])) < 0;
    mpz_set(mpq_numref(cell), negative ? vp : up);
    mpz_set(mpq_denref(cell), negative ? up : vp);
  }
  return out;
}

}  // namespace handcheck
