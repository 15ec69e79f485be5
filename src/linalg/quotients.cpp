#include "handcheck/linalg/products.hpp"

#include <algorithm>
#include <deque>
#include <optional>

#include "handcheck/parallel.hpp"
#include "lowest_terms.hpp"

namespace handcheck {

using namespace linalg_detail;

namespace {

// The cells one divisor divides, with their common denominator: none where their denominators
// are unrelated (divided one by one).
struct Job {
  std::vector<const Rational*> xs;
  std::vector<mpq_ptr> cells;
  std::optional<Integer> l;
};

// One job per divisor, each over the cells it divides (its column when b is a row, its row when
// b is a column, every cell when b is one number); a broadcast a is read once per repetition.
// The common denominators and the work are found here, on the run's thread.
std::vector<Job> plan_jobs(const Matrix<Rational>& a, const Matrix<Rational>& b, Matrix<Rational>& out, bool down,
                           bool across) {
  const Shape s = out.shape();
  std::vector<Job> jobs(b.size());
  for (std::size_t job = 0; job < b.size(); ++job) {
    const std::size_t br = job / b.cols(), bc = job % b.cols();
    Job& j = jobs[job];
    std::size_t widest = 0;
    for (std::size_t r = down ? 0 : br; r < (down ? s.rows : br + 1); ++r)
      for (std::size_t c = across ? 0 : bc; c < (across ? s.cols : bc + 1); ++c) {
        j.xs.push_back(&broadcast_at(a, r, c));
        j.cells.push_back(out(r, c).backend().data());
        widest = std::max(widest, mpz_sizeinbase(den(*j.xs.back()), 2));
      }
    j.l = common_denominator(j.xs, 2 * widest + 64);
    const Rational& y = b.cells()[job];
    for (const Rational* x : j.xs) {
      std::size_t scale = j.l ? scaling_cost(*x, *j.l) : 0;
      std::size_t size = rational_bits(*x) + rational_bits(y) + (j.l ? mpz_sizeinbase(j.l->backend().data(), 2) : 0);
      charge_rational_work(scale);
      charge_rational_work(rational_cost(size));
    }
  }
  return jobs;
}

// The cells of job j divided by y, in lowest terms.
void divide(const Job& j, const Rational& y) {
  if (!j.l) {
    for (std::size_t k = 0; k < j.xs.size(); ++k) mpq_div(j.cells[k], j.xs[k]->backend().data(), y.backend().data());
    return;
  }
  // x / y = num(x) (l / den(x)) den(y) / (l num(y)), l the common denominator of the xs;
  // by a positive integer y, the numerators are read in place where den(x) is l.
  const Integer& l = *j.l;
  Integer d;
  mpz_ptr dp = d.backend().data();
  mpz_mul(dp, l.backend().data(), num(y));
  const bool in_place = mpz_cmp_ui(den(y), 1) == 0 && mpz_sgn(dp) > 0;
  std::deque<Integer> store;
  std::vector<mpz_srcptr> nums(j.xs.size());
  for (std::size_t k = 0; k < j.xs.size(); ++k) {
    if (in_place) {
      nums[k] = scaled_ref(*j.xs[k], l, store);
      continue;
    }
    mpz_ptr n = store.emplace_back(scaled(*j.xs[k], l)).backend().data();
    mpz_mul(n, n, den(y));
    if (mpz_sgn(dp) < 0) mpz_neg(n, n);
    nums[k] = n;
  }
  mpz_abs(dp, dp);
  reduce_over(nums, dp, j.cells);
}

}  // namespace

Matrix<Rational> quotient(const Matrix<Rational>& a, const Matrix<Rational>& b) {
  const Shape s = broadcast_shape(a.shape(), b.shape());
  Matrix<Rational> out(s);
  const bool down = b.rows() == 1 && s.rows > 1, across = b.cols() == 1 && s.cols > 1;
  if ((down ? s.rows : 1) * (across ? s.cols : 1) < 4) {
    for (std::size_t r = 0; r < s.rows; ++r)
      for (std::size_t c = 0; c < s.cols; ++c) {
        charge_rational_op(broadcast_at(a, r, c), broadcast_at(b, r, c));
        out(r, c) = broadcast_at(a, r, c) / broadcast_at(b, r, c);
      }
    return out;
  }
  std::vector<Job> jobs = plan_jobs(a, b, out, down, across);
  parallel_for(b.size(), [&](std::size_t job) { divide(jobs[job], b.cells()[job]); },
               threads_for(a.size() ? limbs(a) * (s.cells() / a.size()) : 0));
  return out;
}

}  // namespace handcheck
