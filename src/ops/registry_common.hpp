// What the two halves of the function table (registry.cpp: the core language,
// registry_nn.cpp: network layers) share: argument checks, folds, blocks, and the table row.
// Private to src/ops.
#pragma once

#include <fmt/format.h>

#include "handcheck/error.hpp"
#include "handcheck/linalg/products.hpp"
#include "handcheck/ops/cellwise.hpp"
#include "handcheck/ops/registry.hpp"
#include "handcheck/ops/scalar.hpp"

namespace handcheck::ops_detail {

template <class T>
using Args = std::vector<Matrix<T>>;

// --- arguments -----------------------------------------------------------------------------

template <class T>
const T& scalar_arg(const Matrix<T>& m, const char* what) {
  if (!m.is_scalar())
    throw DomainError(ErrorId::eval_shape,
                      fmt::format("{} must be a single number, not a {} matrix", what, m.shape().to_string()));
  return m(0, 0);
}

template <class T>
long index_arg(const Matrix<T>& m, const char* what) {
  return scalar::to_index(scalar_arg(m, what));
}

// A whole number from `least` up to the cell limit (a size, a stride, a padding).
template <class T>
std::size_t count_arg(const Matrix<T>& m, const char* what, long least) {
  long n = index_arg(m, what);
  if (n < least)
    throw DomainError(ErrorId::eval_argument, fmt::format("{} must be at least {}, not {}", what, least, n));
  if (static_cast<std::size_t>(n) > kDefaultMaxCells)
    throw LimitError(ErrorId::limit_cells,
                     fmt::format("{} {} is too large (limit {} cells)", what, n, kDefaultMaxCells));
  return static_cast<std::size_t>(n);
}

template <class T>
std::size_t size_arg(const Matrix<T>& m, const char* what) {
  return count_arg(m, what, 1);
}

// Sizes are at most kDefaultMaxCells each, so the product cannot overflow 64 bits.
inline Shape checked_shape(std::size_t r, std::size_t c) {
  if (r * c > kDefaultMaxCells)
    throw LimitError(ErrorId::limit_cells,
                     fmt::format("a {}x{} matrix is too large (limit {} cells)", r, c, kDefaultMaxCells));
  return {r, c};
}

// A size argument for a work estimate: 0 when it is not a whole number from 1 up (the
// function reports that itself).
inline std::size_t size_or_zero(const std::vector<Matrix<Real>>& a, std::size_t i, std::size_t otherwise) {
  if (a.size() <= i) return otherwise;
  try {
    long n = scalar::to_index(scalar_arg(a[i], "a size"));
    return n < 0 ? 0 : static_cast<std::size_t>(n);
  } catch (const std::exception&) {
    return 0;
  }
}

// a * b, or the largest size_t when it overflows: a work estimate past every limit.
inline std::size_t saturating_product(std::size_t a, std::size_t b) {
  return b != 0 && a > static_cast<std::size_t>(-1) / b ? static_cast<std::size_t>(-1) : a * b;
}

// --- folds ---------------------------------------------------------------------------------

enum class Axis { down_columns, along_rows, all };

// Folds every column (down_columns -> 1xn), every row (along_rows -> mx1) or everything.
// The shape of a fold of m: 1xn, mx1 or 1x1.
inline Shape fold_shape(Shape m, Axis axis) {
  return axis == Axis::down_columns ? Shape{1, m.cols} : axis == Axis::along_rows ? Shape{m.rows, 1} : Shape{1, 1};
}

template <class T, class F>
Matrix<T> reduce(const Matrix<T>& m, Axis axis, F f) {
  Matrix<T> out(fold_shape(m.shape(), axis));
  std::vector<bool> started(out.size(), false);
  for (std::size_t r = 0; r < m.rows(); ++r)
    for (std::size_t c = 0; c < m.cols(); ++c) {
      std::size_t orow = axis == Axis::along_rows ? r : 0;
      std::size_t ocol = axis == Axis::down_columns ? c : 0;
      std::size_t k = orow * out.cols() + ocol;
      T& acc = out(orow, ocol);
      try {
        acc = started[k] ? f(acc, m(r, c)) : m(r, c);
      } catch (const DomainError& e) {
        throw CellError(e, orow, ocol);
      }
      started[k] = true;
    }
  return out;
}

template <class T>
T add(const T& x, const T& y) { return x + y; }

// Sums of every column, every row or everything. Exact sums of many rationals add the terms
// that share a denominator as integers (a left-to-right sum would carry the product of every
// denominator met so far); other number types fold left to right.
template <class T>
Matrix<T> sums(const Matrix<T>& m, Axis axis) {
  if (all_exact(m)) {
    Shape out_shape = fold_shape(m.shape(), axis);
    std::vector<std::vector<const Rational*>> terms(out_shape.cells());
    for (std::size_t r = 0; r < m.rows(); ++r)
      for (std::size_t c = 0; c < m.cols(); ++c)
        terms[axis == Axis::down_columns ? c : axis == Axis::along_rows ? r : 0].push_back(&m(r, c).exact());
    Matrix<T> out(out_shape);
    for (std::size_t k = 0; k < terms.size(); ++k)
      out(axis == Axis::along_rows ? k : 0, axis == Axis::down_columns ? k : 0) = sum_exact(terms[k]);
    return out;
  }
  return reduce(m, axis, add<T>);
}

template <class T>
T larger(const T& x, const T& y) { return scalar::max(x, y); }

// The mean of every column, every row or everything, shaped as reduce's result.
template <class T>
Matrix<T> mean(const Matrix<T>& m, Axis axis) {
  std::size_t n = axis == Axis::down_columns ? m.rows() : axis == Axis::along_rows ? m.cols() : m.size();
  T count = scalar::from_integer<T>(static_cast<long>(n));
  return divide_cells(sums(m, axis), Matrix<T>::scalar(count));
}

// --- blocks --------------------------------------------------------------------------------

// Rows r1..r2, columns c1..c2, 1-based and inclusive.
template <class T>
Matrix<T> block_of(const Matrix<T>& m, long r1, long r2, long c1, long c2) {
  auto in = [](long v, std::size_t n) { return v >= 1 && static_cast<std::size_t>(v) <= n; };
  if (!in(r1, m.rows()) || !in(r2, m.rows()) || r1 > r2)
    throw DomainError(ErrorId::eval_argument, fmt::format("rows {}..{} are outside 1..{}", r1, r2, m.rows()));
  if (!in(c1, m.cols()) || !in(c2, m.cols()) || c1 > c2)
    throw DomainError(ErrorId::eval_argument, fmt::format("columns {}..{} are outside 1..{}", c1, c2, m.cols()));
  Matrix<T> out(static_cast<std::size_t>(r2 - r1 + 1), static_cast<std::size_t>(c2 - c1 + 1));
  for (std::size_t r = 0; r < out.rows(); ++r)
    for (std::size_t c = 0; c < out.cols(); ++c)
      out(r, c) = m(static_cast<std::size_t>(r1 - 1) + r, static_cast<std::size_t>(c1 - 1) + c);
  return out;
}

// --- the table -----------------------------------------------------------------------------

// One row: the template op_NAME over Real.
#define HANDCHECK_OP(NAME, MIN, MAX, SIG, SUMMARY, READS, CONTINUITY) \
  OpSpec { #NAME, MIN, MAX, SIG, SUMMARY, &op_##NAME<Real>, READS, Continuity::CONTINUITY, nullptr }
// A row whose work grows faster than its cells: work_NAME bounds it before it runs.
#define HANDCHECK_OP_WORK(NAME, MIN, MAX, SIG, SUMMARY, READS, CONTINUITY) \
  OpSpec { #NAME, MIN, MAX, SIG, SUMMARY, &op_##NAME<Real>, READS, Continuity::CONTINUITY, &work_##NAME }

inline constexpr std::size_t kAny = OpSpec::kVariadic;

// The rows of each half; find_op and all_ops see both.
const std::vector<OpSpec>& core_ops();
const std::vector<OpSpec>& nn_ops();

}  // namespace handcheck::ops_detail
