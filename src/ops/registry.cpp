// The core of the expression language: elementwise functions, reductions, softmax, structure.
// Network layers (normalisation, convolution, pooling, comparisons...) are in registry_nn.cpp.
#include "handcheck/ops/registry.hpp"
#include "handcheck/suggest.hpp"

#include <algorithm>

#include "registry_common.hpp"

namespace handcheck {

namespace ops_detail {

namespace {

// --- elementwise ---------------------------------------------------------------------------

#define HANDCHECK_UNARY(NAME)                                                 \
  template <class T>                                                          \
  Matrix<T> op_##NAME(const Args<T>& a) {                                     \
    return map_cells(a[0], [](const T& x) { return scalar::NAME(x); });       \
  }
HANDCHECK_UNARY(trunc)
HANDCHECK_UNARY(abs)
HANDCHECK_UNARY(sign)
HANDCHECK_UNARY(relu)
HANDCHECK_UNARY(sqrt)
HANDCHECK_UNARY(exp)
HANDCHECK_UNARY(log)
HANDCHECK_UNARY(sin)
HANDCHECK_UNARY(cos)
HANDCHECK_UNARY(tanh)
HANDCHECK_UNARY(sigmoid)
#undef HANDCHECK_UNARY

// floor(M), or floor(M, d) to d decimals: a table of e^x to one decimal is round(exp(S), 1).
constexpr long kMaxDecimals = 1000;

template <class T, class Whole, class Decimals>
Matrix<T> to_decimals(const Args<T>& a, Whole whole, Decimals decimals) {
  if (a.size() == 1) return map_cells(a[0], whole);
  long d = index_arg(a[1], "the number of decimals");
  if (d < -kMaxDecimals || d > kMaxDecimals)
    throw LimitError(ErrorId::limit_decimals, fmt::format("{} decimals is beyond the limit of {}", d, kMaxDecimals));
  return map_cells(a[0], [&](const T& x) { return decimals(x, d); });
}
template <class T>
Matrix<T> op_floor(const Args<T>& a) {
  return to_decimals(a, [](const T& x) { return scalar::floor(x); }, [](const T& x, long d) { return scalar::floor_to(x, d); });
}
template <class T>
Matrix<T> op_ceil(const Args<T>& a) {
  return to_decimals(a, [](const T& x) { return scalar::ceil(x); }, [](const T& x, long d) { return scalar::ceil_to(x, d); });
}
template <class T>
Matrix<T> op_round(const Args<T>& a) {
  return to_decimals(a, [](const T& x) { return scalar::round(x); }, [](const T& x, long d) { return scalar::round_to(x, d); });
}

template <class T>
Matrix<T> op_min(const Args<T>& a) {
  return zip_cells(a[0], a[1], [](const T& x, const T& y) { return scalar::min(x, y); });
}
template <class T>
Matrix<T> op_max(const Args<T>& a) {
  return zip_cells(a[0], a[1], [](const T& x, const T& y) { return scalar::max(x, y); });
}

// --- reductions ----------------------------------------------------------------------------

template <class T>
Matrix<T> op_colsum(const Args<T>& a) { return sums(a[0], Axis::down_columns); }
template <class T>
Matrix<T> op_rowsum(const Args<T>& a) { return sums(a[0], Axis::along_rows); }
template <class T>
Matrix<T> op_sum(const Args<T>& a) { return sums(a[0], Axis::all); }
template <class T>
Matrix<T> op_colmax(const Args<T>& a) { return reduce(a[0], Axis::down_columns, larger<T>); }
template <class T>
Matrix<T> op_rowmax(const Args<T>& a) { return reduce(a[0], Axis::along_rows, larger<T>); }
template <class T>
Matrix<T> op_colmean(const Args<T>& a) { return mean(a[0], Axis::down_columns); }
template <class T>
Matrix<T> op_rowmean(const Args<T>& a) { return mean(a[0], Axis::along_rows); }

// --- softmax and argmax --------------------------------------------------------------------

// Exponentials (base e, or the given base) divided by their column (row) sums.
template <class T>
Matrix<T> softmax(const Args<T>& a, Axis axis) {
  if (a.size() == 2 && !a[1].is_scalar())
    throw DomainError(ErrorId::eval_shape, "the base of a softmax must be a single number");
  Matrix<T> e = a.size() == 2 ? power_cells(a[1], a[0])
                              : map_cells(a[0], [](const T& x) { return scalar::exp(x); });
  Matrix<T> totals = sums(e, axis);
  return divide_cells(e, totals);
}
template <class T>
Matrix<T> op_softmax_cols(const Args<T>& a) { return softmax(a, Axis::down_columns); }
template <class T>
Matrix<T> op_softmax_rows(const Args<T>& a) { return softmax(a, Axis::along_rows); }

// Whether a is larger than b for certain; intervals that overlap are not.
template <class T>
bool certainly_greater(const T& a, const T& b) {
  try {
    return scalar::compare(a, b) > 0;
  } catch (const Undecided&) {
    return false;
  }
}

// 1-based index of the largest entry; the first one on a tie (values known equal). Entries
// beaten by some other entry drop out first, so a tie below the top (two equal intervals that
// are not the largest) decides nothing; survivors the precision cannot separate give every
// index between the first and the last of them.
template <class T>
Matrix<T> argmax(const Matrix<T>& m, Axis axis) {
  bool cols = axis == Axis::down_columns;
  std::size_t lines = cols ? m.cols() : m.rows(), len = cols ? m.rows() : m.cols();
  Matrix<T> out(cols ? 1 : m.rows(), cols ? m.cols() : 1);
  for (std::size_t l = 0; l < lines; ++l) {
    auto at = [&](std::size_t i) -> const T& { return cols ? m(i, l) : m(l, i); };
    std::size_t best = len, last = len;
    for (std::size_t i = 0; i < len; ++i) {
      bool beaten = false;
      for (std::size_t j = 0; j < len && !beaten; ++j) beaten = certainly_greater(at(j), at(i));
      if (beaten) continue;
      if (best == len) best = i;
      else if (!same_value(at(i), at(best))) last = i;  // two survivors, not known equal
    }
    T index = scalar::from_integer<T>(static_cast<long>(best + 1));
    if (last != len) index = real_between(Rational(static_cast<long>(best + 1)), Rational(static_cast<long>(last + 1)));
    (cols ? out(0, l) : out(l, 0)) = index;
  }
  return out;
}
// Every entry of a line is compared with every other: lines x length^2.
std::size_t work_argmax_cols(const Args<Real>& a) {
  return saturating_product(a[0].cols(), saturating_product(a[0].rows(), a[0].rows()));
}
std::size_t work_argmax_rows(const Args<Real>& a) {
  return saturating_product(a[0].rows(), saturating_product(a[0].cols(), a[0].cols()));
}
template <class T>
Matrix<T> op_argmax_cols(const Args<T>& a) { return argmax(a[0], Axis::down_columns); }
template <class T>
Matrix<T> op_argmax_rows(const Args<T>& a) { return argmax(a[0], Axis::along_rows); }

// --- structure -----------------------------------------------------------------------------

template <class T>
Matrix<T> op_concat_cols(const Args<T>& a) {
  std::size_t cols = 0;
  for (const auto& m : a) {
    if (m.rows() != a[0].rows())
      throw DomainError(ErrorId::eval_shape, fmt::format("concat_cols of {} and {}: the row counts differ",
                                    a[0].shape().to_string(), m.shape().to_string()));
    cols += m.cols();
  }
  Matrix<T> out(checked_shape(a[0].rows(), cols));
  std::size_t at = 0;
  for (const auto& m : a) {
    for (std::size_t r = 0; r < m.rows(); ++r)
      for (std::size_t c = 0; c < m.cols(); ++c) out(r, at + c) = m(r, c);
    at += m.cols();
  }
  return out;
}
template <class T>
Matrix<T> op_concat_rows(const Args<T>& a) {
  std::size_t rows = 0;
  for (const auto& m : a) {
    if (m.cols() != a[0].cols())
      throw DomainError(ErrorId::eval_shape, fmt::format("concat_rows of {} and {}: the column counts differ",
                                    a[0].shape().to_string(), m.shape().to_string()));
    rows += m.rows();
  }
  Matrix<T> out(checked_shape(rows, a[0].cols()));
  std::size_t at = 0;
  for (const auto& m : a) {
    for (std::size_t r = 0; r < m.rows(); ++r)
      for (std::size_t c = 0; c < m.cols(); ++c) out(at + r, c) = m(r, c);
    at += m.rows();
  }
  return out;
}

template <class T>
Matrix<T> op_col(const Args<T>& a) {
  long j = index_arg(a[1], "the column index");
  return block_of(a[0], 1, static_cast<long>(a[0].rows()), j, j);
}
template <class T>
Matrix<T> op_row(const Args<T>& a) {
  long i = index_arg(a[1], "the row index");
  return block_of(a[0], i, i, 1, static_cast<long>(a[0].cols()));
}
template <class T>
Matrix<T> op_block(const Args<T>& a) {
  return block_of(a[0], index_arg(a[1], "r1"), index_arg(a[2], "r2"), index_arg(a[3], "c1"),
                  index_arg(a[4], "c2"));
}

template <class T>
Matrix<T> op_identity(const Args<T>& a) {
  std::size_t n = size_arg(a[0], "the size");
  Matrix<T> out(checked_shape(n, n), scalar::from_integer<T>(0));
  for (std::size_t i = 0; i < n; ++i) out(i, i) = scalar::from_integer<T>(1);
  return out;
}
template <class T>
Matrix<T> op_zeros(const Args<T>& a) {
  return Matrix<T>(checked_shape(size_arg(a[0], "the row count"), size_arg(a[1], "the column count")),
                   scalar::from_integer<T>(0));
}
template <class T>
Matrix<T> op_ones(const Args<T>& a) {
  return Matrix<T>(checked_shape(size_arg(a[0], "the row count"), size_arg(a[1], "the column count")),
                   scalar::from_integer<T>(1));
}
template <class T>
Matrix<T> op_causal_mask(const Args<T>& a) {
  std::size_t n = size_arg(a[0], "the size");
  Matrix<T> out(checked_shape(n, n), scalar::from_integer<T>(0));
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t c = 0; c <= r; ++c) out(r, c) = scalar::from_integer<T>(1);
  return out;
}

}  // namespace

const std::vector<OpSpec>& core_ops() {
  static const std::vector<OpSpec> ops = {
      HANDCHECK_OP(floor, 1, 2, "floor(M[, d])", "largest integer (or d-decimal number) not above each entry", Reads::cell, jumps),
      HANDCHECK_OP(ceil, 1, 2, "ceil(M[, d])", "smallest integer (or d-decimal number) not below each entry", Reads::cell, jumps),
      HANDCHECK_OP(round, 1, 2, "round(M[, d])", "nearest integer (or d-decimal number), halves away from zero", Reads::cell, jumps),
      HANDCHECK_OP(trunc, 1, 1, "trunc(M)", "integer part, toward zero", Reads::cell, jumps),
      HANDCHECK_OP(abs, 1, 1, "abs(M)", "absolute value", Reads::cell, continuous),
      HANDCHECK_OP(sign, 1, 1, "sign(M)", "-1, 0 or 1", Reads::cell, jumps),
      HANDCHECK_OP(relu, 1, 1, "relu(M)", "max(x, 0)", Reads::cell, continuous),
      HANDCHECK_OP(min, 2, 2, "min(A, B)", "elementwise minimum, broadcast", Reads::cell, continuous),
      HANDCHECK_OP(max, 2, 2, "max(A, B)", "elementwise maximum, broadcast", Reads::cell, continuous),
      HANDCHECK_OP(sqrt, 1, 1, "sqrt(M)", "square root (exact for perfect squares)", Reads::cell, continuous),
      HANDCHECK_OP(exp, 1, 1, "exp(M)", "e^x (exp(-inf) = 0)", Reads::cell, continuous),
      HANDCHECK_OP(log, 1, 1, "log(M)", "natural logarithm", Reads::cell, continuous),
      HANDCHECK_OP(sin, 1, 1, "sin(M)", "sine", Reads::cell, continuous),
      HANDCHECK_OP(cos, 1, 1, "cos(M)", "cosine", Reads::cell, continuous),
      HANDCHECK_OP(tanh, 1, 1, "tanh(M)", "hyperbolic tangent", Reads::cell, continuous),
      HANDCHECK_OP(sigmoid, 1, 1, "sigmoid(M)", "1 / (1 + e^-x)", Reads::cell, continuous),
      HANDCHECK_OP(colsum, 1, 1, "colsum(M)", "sum down each column (1xn)", Reads::column_fold, continuous),
      HANDCHECK_OP(rowsum, 1, 1, "rowsum(M)", "sum along each row (mx1)", Reads::row_fold, continuous),
      HANDCHECK_OP(sum, 1, 1, "sum(M)", "sum of every entry (1x1)", Reads::all, continuous),
      HANDCHECK_OP(colmax, 1, 1, "colmax(M)", "largest entry of each column (1xn)", Reads::column_fold, continuous),
      HANDCHECK_OP(rowmax, 1, 1, "rowmax(M)", "largest entry of each row (mx1)", Reads::row_fold, continuous),
      HANDCHECK_OP(colmean, 1, 1, "colmean(M)", "mean of each column (1xn)", Reads::column_fold, continuous),
      HANDCHECK_OP(rowmean, 1, 1, "rowmean(M)", "mean of each row (mx1)", Reads::row_fold, continuous),
      HANDCHECK_OP(softmax_cols, 1, 2, "softmax_cols(M[, base])", "exp, divided by each column's sum", Reads::column, continuous),
      HANDCHECK_OP(softmax_rows, 1, 2, "softmax_rows(M[, base])", "exp, divided by each row's sum", Reads::row, continuous),
      HANDCHECK_OP_WORK(argmax_cols, 1, 1, "argmax_cols(M)", "1-based row of each column's largest entry", Reads::column_fold, jumps),
      HANDCHECK_OP_WORK(argmax_rows, 1, 1, "argmax_rows(M)", "1-based column of each row's largest entry", Reads::row_fold, jumps),
      HANDCHECK_OP(concat_cols, 1, kAny, "concat_cols(A, B, ...)", "side by side", Reads::picked, continuous),
      HANDCHECK_OP(concat_rows, 1, kAny, "concat_rows(A, B, ...)", "stacked", Reads::picked, continuous),
      HANDCHECK_OP(col, 2, 2, "col(M, j)", "column j (1-based)", Reads::picked, continuous),
      HANDCHECK_OP(row, 2, 2, "row(M, i)", "row i (1-based)", Reads::picked, continuous),
      HANDCHECK_OP(block, 5, 5, "block(M, r1, r2, c1, c2)", "rows r1..r2, columns c1..c2 (1-based, inclusive)", Reads::picked, continuous),
      HANDCHECK_OP(identity, 1, 1, "identity(n)", "n x n identity", Reads::all, continuous),
      HANDCHECK_OP(zeros, 2, 2, "zeros(r, c)", "r x c zeros", Reads::all, continuous),
      HANDCHECK_OP(ones, 2, 2, "ones(r, c)", "r x c ones", Reads::all, continuous),
      HANDCHECK_OP(causal_mask, 1, 1, "causal_mask(n)", "1 on and below the diagonal, 0 above", Reads::all, continuous),
  };
  return ops;
}

}  // namespace ops_detail


const std::vector<OpSpec>& all_ops() {
  static const std::vector<OpSpec> ops = [] {
    std::vector<OpSpec> all = ops_detail::core_ops();
    const auto& nn = ops_detail::nn_ops();
    all.insert(all.end(), nn.begin(), nn.end());
    return all;
  }();
  return ops;
}

const OpSpec* find_op(std::string_view name) {
  for (const auto& op : all_ops())
    if (op.name == name) return &op;
  return nullptr;
}

std::string closest_op(std::string_view name) {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& op : all_ops()) out.emplace_back(op.name);
    return out;
  }();
  return closest(name, names, std::max<std::size_t>(2, name.size() / 3));
}

}  // namespace handcheck
