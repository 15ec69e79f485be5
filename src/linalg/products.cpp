#include "handcheck/linalg/products.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>

#include "handcheck/error.hpp"
#include "handcheck/parallel.hpp"
#include "lowest_terms.hpp"

namespace handcheck {

using namespace linalg_detail;

namespace {

void check_shapes(Shape a, Shape b) {
  if (a.cols != b.rows)
    throw DomainError(ErrorId::eval_shape, fmt::format("matrix product of {} and {}: {} columns against {} rows", a.to_string(),
                                  b.to_string(), a.cols, b.rows));
}

// Integers below 2^20 in magnitude: a dot product of fewer than 2^23 of their products fits
// in 64 bits, so it runs in machine arithmetic.
constexpr long kSmall = 1L << 20;
constexpr std::size_t kSmallTerms = std::size_t{1} << 23;

std::optional<std::vector<std::int64_t>> small_integers(const Matrix<Rational>& m) {
  std::vector<std::int64_t> out;
  out.reserve(m.size());
  for (const Rational& q : m) {
    if (mpz_cmp_ui(den(q), 1) != 0 || !mpz_fits_slong_p(num(q))) return std::nullopt;
    long v = mpz_get_si(num(q));
    if (v >= kSmall || v <= -kSmall) return std::nullopt;
    out.push_back(v);
  }
  return out;
}

// The numerator of cell (i, j) holds its sum, over row_den[i] col_den[j]: each cell in lowest
// terms, a column (or a row) at once where its cells share that denominator.
void reduce_cells(Matrix<Rational>& out, const std::vector<Integer>& row_den, const std::vector<Integer>& col_den,
                  unsigned threads) {
  const std::size_t m = out.rows(), p = out.cols();
  auto ones = [](const std::vector<Integer>& v) {
    return std::all_of(v.begin(), v.end(), [](const Integer& x) { return x == 1; });
  };
  bool by_columns = ones(row_den), by_rows = !by_columns && ones(col_den);
  if (by_columns || by_rows) {
    parallel_for(by_columns ? p : m, [&](std::size_t line) {
      std::vector<mpz_srcptr> nums;
      std::vector<mpq_ptr> cells;
      for (std::size_t k = 0; k < (by_columns ? m : p); ++k) {
        std::size_t i = by_columns ? k : line, j = by_columns ? line : k;
        nums.push_back(mpq_numref(out(i, j).backend().data()));
        cells.push_back(out(i, j).backend().data());
      }
      reduce_over(nums, (by_columns ? col_den[line] : row_den[line]).backend().data(), cells);
    }, threads);
    return;
  }
  Integer d;
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < p; ++j) {
      mpz_mul(d.backend().data(), row_den[i].backend().data(), col_den[j].backend().data());
      reduce_over({mpq_numref(out(i, j).backend().data())}, d.backend().data(), {out(i, j).backend().data()});
    }
}

std::size_t bits(mpz_srcptr z) { return mpz_sizeinbase(z, 2); }

// The bits a product can make, within the run's budget before it is made (--max-total-bits).
// Over its line's common denominator a cell's numerator has at most its own bits plus that
// denominator's; a cell of the result, the largest numerators of its row and column, the carries
// of n terms and both denominators. A column of cells over their sum shares one denominator, so
// this is near what the product holds (a bound from each cell's own size, 25 times too large
// for the scaled attention case at N = 128, refused it under the default limits).
void bound_product_bits(const Matrix<Rational>& a, const Matrix<Rational>& b, const std::vector<Integer>& row_den,
                        const std::vector<Integer>& col_den) {
  const std::size_t m = a.rows(), n = a.cols(), p = b.cols();
  std::size_t rows = 0, cols = 0, scaled = 0;
  for (std::size_t i = 0; i < m; ++i) {
    std::size_t d = bits(row_den[i].backend().data()), most = 0;
    for (std::size_t k = 0; k < n; ++k) most = std::max(most, bits(num(a(i, k))) + d);
    rows += most + d;
    scaled += n * most;
  }
  for (std::size_t j = 0; j < p; ++j) {
    std::size_t d = bits(col_den[j].backend().data()), most = 0;
    for (std::size_t k = 0; k < n; ++k) most = std::max(most, bits(num(b(k, j))) + d);
    cols += most + d;
    scaled += n * most;
  }
  const std::size_t carries = static_cast<std::size_t>(std::bit_width(n)) + 1;
  const std::size_t bound = scaled + p * rows + m * cols + m * p * carries;
  const BitBudget& budget = bit_budget();
  if (budget.used + bound > budget.limit)
    throw LimitError(ErrorId::limit_bits,
                     fmt::format("a product of {} and {} could hold {} bits, more than the {} left of the limit of {} "
                                 "(raise it with --max-total-bits)",
                                 a.shape().to_string(), b.shape().to_string(), bound,
                                 budget.limit - std::min(budget.limit, budget.used), budget.limit));
}

// The rational work of the dot products and of putting their cells in lowest terms, counted
// on this thread before any is made (the columns may run on others): a cell costs n products
// of its row's and its column's largest numbers, then a reduction over both denominators. A
// product of integers is about 16 times faster than the gcd the cost is measured by (GMP 6.2:
// 3-5 against 50-75 ns a unit from 2 000 to 2 000 000 bits).
void charge_product_work(const std::vector<mpz_srcptr>& a_int, const std::vector<mpz_srcptr>& b_int,
                         const std::vector<Integer>& row_den, const std::vector<Integer>& col_den, std::size_t n) {
  const std::size_t m = row_den.size(), p = col_den.size();
  std::vector<std::size_t> row(m), col(p);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t k = 0; k < n; ++k) row[i] = std::max(row[i], bits(a_int[i * n + k]));
  for (std::size_t j = 0; j < p; ++j)
    for (std::size_t k = 0; k < n; ++k) col[j] = std::max(col[j], bits(b_int[k * p + j]));
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < p; ++j) {
      const std::size_t term = rational_cost(row[i] + col[j]) / 16, most = static_cast<std::size_t>(-1) / 2;
      charge_rational_work(term > most / n ? most : term * n);
      charge_rational_work(rational_cost(row[i] + col[j] + bits(row_den[i].backend().data()) + bits(col_den[j].backend().data())));
    }
}

// Whole numbers small enough that a sum of kSmallTerms products fits in 64 bits: machine words.
std::optional<Matrix<Rational>> small_product(const Matrix<Rational>& a, const Matrix<Rational>& b) {
  auto x = small_integers(a);
  auto y = x ? small_integers(b) : std::nullopt;
  if (!y) return std::nullopt;
  const std::size_t m = a.rows(), n = a.cols(), p = b.cols();
  Matrix<Rational> out(m, p);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < p; ++j) {
      std::int64_t s = 0;
      for (std::size_t k = 0; k < n; ++k) s += (*x)[i * n + k] * (*y)[k * p + j];
      mpq_set_si(out(i, j).backend().data(), static_cast<long>(s), 1);
    }
  return out;
}

}  // namespace

Matrix<Rational> matmul(const Matrix<Rational>& a, const Matrix<Rational>& b) {
  check_shapes(a.shape(), b.shape());
  const std::size_t m = a.rows(), n = a.cols(), p = b.cols();
  if (n < kSmallTerms)
    if (auto small = small_product(a, b)) return std::move(*small);
  // Both operands over common denominators, a row of a by row and a column of b by column;
  // a cell that is already over its line's denominator is read in place.
  std::vector<Integer> row_den(m), col_den(p);
  for (std::size_t i = 0; i < m; ++i) row_den[i] = *common_denominator(&a(i, 0), n, 1);
  for (std::size_t j = 0; j < p; ++j) col_den[j] = n ? *common_denominator(&b(0, j), n, p) : Integer(1);
  bound_product_bits(a, b, row_den, col_den);
  std::vector<mpz_srcptr> a_int(m * n), b_int(n * p);
  std::deque<Integer> store;
  std::size_t size = 0;
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t k = 0; k < n; ++k) {
      charge_rational_work(scaling_cost(a(i, k), row_den[i]));
      size += mpz_size(a_int[i * n + k] = scaled_ref(a(i, k), row_den[i], store));
    }
  for (std::size_t j = 0; j < p; ++j)
    for (std::size_t k = 0; k < n; ++k) {
      charge_rational_work(scaling_cost(b(k, j), col_den[j]));
      size += mpz_size(b_int[k * p + j] = scaled_ref(b(k, j), col_den[j], store));
    }
  charge_product_work(a_int, b_int, row_den, col_den, n);
  // Columns, and lines to reduce, run on several threads once the numbers are large. The sums
  // are made in the numerators of the result and reduced there.
  const unsigned threads = threads_for(size);
  Matrix<Rational> out(m, p);
  auto sum = [&](std::size_t i, std::size_t j) { return mpq_numref(out(i, j).backend().data()); };
  parallel_for(p, [&](std::size_t j) {
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t k = 0; k < n; ++k) {
        mpz_srcptr x = a_int[i * n + k], y = b_int[k * p + j];
        if (mpz_sgn(x) != 0 && mpz_sgn(y) != 0) mpz_addmul(sum(i, j), x, y);
      }
  }, threads);
  reduce_cells(out, row_den, col_den, threads);
  return out;
}

bool all_exact(const Matrix<Real>& m) {
  return std::all_of(m.begin(), m.end(), [](const Real& v) { return v.is_exact(); });
}

Matrix<Rational> rationals_of(const Matrix<Real>& m) {
  return map_cells(m, [](const Real& v) { return v.exact(); });
}

Matrix<Real> reals_of(Matrix<Rational>&& m) {
  Matrix<Real> out(m.shape());
  for (std::size_t r = 0; r < m.rows(); ++r)
    for (std::size_t c = 0; c < m.cols(); ++c) out(r, c) = Real(std::move(m(r, c)));
  return out;
}

Matrix<Real> matmul(const Matrix<Real>& a, const Matrix<Real>& b) {
  check_shapes(a.shape(), b.shape());
  if (all_exact(a) && all_exact(b)) return reals_of(matmul(rationals_of(a), rationals_of(b)));
  auto infinite = [](const Real& v) { return v.is_infinite(); };
  if (std::any_of(a.begin(), a.end(), infinite) || std::any_of(b.begin(), b.end(), infinite))
    return generate_cells<Real>({a.rows(), b.cols()}, [&](std::size_t i, std::size_t j) {
      Real sum = a(i, 0) * b(0, j);
      for (std::size_t k = 1; k < a.cols(); ++k) sum = sum + a(i, k) * b(k, j);
      return sum;
    });
  const std::size_t m = a.rows(), n = a.cols(), p = b.cols();
  auto zero = [](const Real& v) { return v.is_exact() && v.exact() == 0; };
  std::vector<Interval> a_int(m * n), b_int(n * p);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t k = 0; k < n; ++k) a_int[i * n + k] = a(i, k).enclosure();
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t j = 0; j < p; ++j) b_int[k * p + j] = b(k, j).enclosure();
  charge_precision_work(m * n * p);
  Matrix<Real> out(m, p);
  Interval acc, term;
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < p; ++j) {
      // An exact zero annihilates whatever the other factor's width (as Real's * does).
      bool exact = true;
      std::size_t terms = 0, last = 0;
      for (std::size_t k = 0; k < n; ++k) {
        if (zero(a(i, k)) || zero(b(k, j))) continue;
        exact = exact && a(i, k).is_exact() && b(k, j).is_exact();
        ++terms;
        last = k;
      }
      // One term is Real's product, which keeps what is known of equal values: a selection
      // (G^T A, G of zeros and ones) repeats A's cells, ties included.
      if (terms == 1 && !exact) {
        out(i, j) = a(i, last) * b(last, j);
        continue;
      }
      if (exact) {
        Rational s = 0;
        for (std::size_t k = 0; k < n; ++k)
          if (!zero(a(i, k)) && !zero(b(k, j))) s += a(i, k).exact() * b(k, j).exact();
        out(i, j) = Real(std::move(s));
        continue;
      }
      mpfi_ptr accp = acc.backend().data();
      mpfi_set_ui(accp, 0);
      for (std::size_t k = 0; k < n; ++k) {
        if (zero(a(i, k)) || zero(b(k, j))) continue;
        mpfi_mul(term.backend().data(), a_int[i * n + k].backend().data(), b_int[k * p + j].backend().data());
        mpfi_add(accp, accp, term.backend().data());
      }
      out(i, j) = Real(acc);
    }
  return out;
}

Rational sum_exact(const std::vector<const Rational*>& terms) {
  // Integers first, then one integer sum per distinct denominator.
  std::map<Integer, Integer> by_den;
  Integer whole = 0;
  for (const Rational* q : terms) {
    if (mpz_cmp_ui(den(*q), 1) == 0) {
      mpz_add(whole.backend().data(), whole.backend().data(), num(*q));
      continue;
    }
    Integer d;
    mpz_set(d.backend().data(), den(*q));
    Integer& s = by_den[d];
    mpz_add(s.backend().data(), s.backend().data(), num(*q));
  }
  // A denominator that divides a slightly larger one (cells over their column's sum, a few
  // reduced by a small factor) joins that one's sum: every fraction left costs a gcd. Only the
  // few nearest larger ones are tried, so that many unrelated denominators cost no more.
  constexpr int kNearest = 8;
  std::vector<std::pair<Integer, Integer>> roots;  // (denominator, numerator), largest first
  for (auto it = by_den.rbegin(); it != by_den.rend(); ++it) {
    mpz_srcptr d = it->first.backend().data();
    std::pair<Integer, Integer>* into = nullptr;
    for (auto r = roots.rbegin(); r != roots.rend() && r - roots.rbegin() < kNearest; ++r) {
      mpz_srcptr root = r->first.backend().data();
      if (mpz_size(root) > mpz_size(d) + 2) break;
      if (mpz_divisible_p(root, d)) {
        into = &*r;
        break;
      }
    }
    if (!into) {
      roots.emplace_back(it->first, it->second);
      continue;
    }
    charge_integer_op(into->first.backend().data(), it->second.backend().data());
    Integer f;
    mpz_divexact(f.backend().data(), into->first.backend().data(), d);
    mpz_addmul(into->second.backend().data(), it->second.backend().data(), f.backend().data());
  }
  std::vector<Rational> parts(roots.size() + 1);
  parts[0] = Rational(whole);
  std::size_t size = 0;
  for (const auto& r : roots) {
    size += mpz_size(r.first.backend().data());
    charge_integer_op(r.first.backend().data(), r.second.backend().data());
  }
  parallel_for(roots.size(), [&](std::size_t k) { parts[k + 1] = Rational(roots[k].second) / Rational(roots[k].first); },
               threads_for(size));
  // Pairwise: operands of similar size, so the large ones meet only at the end.
  while (parts.size() > 1) {
    std::vector<Rational> next((parts.size() + 1) / 2);
    if (parts.size() % 2) next.back() = std::move(parts.back());
    // Counted here, on the run's thread, before the pairs are added on several.
    for (std::size_t k = 0; k + 1 < parts.size(); k += 2) charge_rational_op(parts[k], parts[k + 1]);
    parallel_for(parts.size() / 2, [&](std::size_t k) { next[k] = parts[2 * k] + parts[2 * k + 1]; },
                 parts.size() > 2 ? threads_for(2 * size) : 1);
    parts = std::move(next);
  }
  return std::move(parts[0]);
}

}  // namespace handcheck
