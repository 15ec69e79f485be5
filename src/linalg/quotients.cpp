#include "handcheck/linalg/products.hpp"

#include <deque>

#include "handcheck/parallel.hpp"
#include "lowest_terms.hpp"

namespace handcheck {

using namespace linalg_detail;

Matrix<Rational> quotient(const Matrix<Rational>& a, const Matrix<Rational>& b) {
  const Shape s = broadcast_shape(a.shape(), b.shape());
  Matrix<Rational> out(s);
  // The cells one divisor divides: its column when b is a row, its row when b is a column,
  // every cell when b is one number.
  const bool down = b.rows() == 1 && s.rows > 1, across = b.cols() == 1 && s.cols > 1;
  if ((down ? s.rows : 1) * (across ? s.cols : 1) < 4) {
    for (std::size_t r = 0; r < s.rows; ++r)
      for (std::size_t c = 0; c < s.cols; ++c) out(r, c) = broadcast_at(a, r, c) / broadcast_at(b, r, c);
    return out;
  }
  // One job per divisor, each reducing the cells it divides; a broadcast a is read once per
  // repetition.
  parallel_for(b.size(), [&](std::size_t job) {
    const std::size_t br = job / b.cols(), bc = job % b.cols();
    std::vector<const Rational*> xs;
    std::vector<mpq_ptr> cells;
    for (std::size_t r = down ? 0 : br; r < (down ? s.rows : br + 1); ++r)
      for (std::size_t c = across ? 0 : bc; c < (across ? s.cols : bc + 1); ++c) {
        xs.push_back(&broadcast_at(a, r, c));
        cells.push_back(out(r, c).backend().data());
      }
    // x / y = num(x) (l / den(x)) den(y) / (l num(y)), l the common denominator of the xs;
    // by a positive integer y, the numerators are read in place where den(x) is l.
    const Rational& y = b.cells()[job];
    Integer l = common_denominator(xs), d;
    mpz_ptr dp = d.backend().data();
    mpz_mul(dp, l.backend().data(), num(y));
    const bool in_place = mpz_cmp_ui(den(y), 1) == 0 && mpz_sgn(dp) > 0;
    std::deque<Integer> store;
    std::vector<mpz_srcptr> nums(xs.size());
    for (std::size_t k = 0; k < xs.size(); ++k) {
      if (in_place) {
        nums[k] = scaled_ref(*xs[k], l, store);
        continue;
      }
      mpz_ptr n = store.emplace_back(scaled(*xs[k], l)).backend().data();
      mpz_mul(n, n, den(y));
      if (mpz_sgn(dp) < 0) mpz_neg(n, n);
      nums[k] = n;
    }
    mpz_abs(dp, dp);
    reduce_over(nums, dp, cells);
  }, threads_for(a.size() ? limbs(a) * (s.cells() / a.size()) : 0));
  return out;
}

}  // namespace handcheck
