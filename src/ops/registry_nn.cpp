// Functions for network layers beyond attention: normalisation, comparisons and selection,
// clipped activations, convolution and pooling, and the shape helpers they need. Vectors are
// columns, as everywhere in handcheck: layernorm normalises each column (one token), batchnorm
// each row (one feature across the batch).
#include <algorithm>

#include "registry_common.hpp"

namespace handcheck::ops_detail {

namespace {

// --- vectors -------------------------------------------------------------------------------

// A 1xn or nx1 matrix as an nx1 column.
template <class T>
Matrix<T> as_column(const Matrix<T>& m, const char* what) {
  if (m.cols() == 1) return m;
  if (m.rows() == 1) return transpose(m);
  throw DomainError(ErrorId::eval_shape,
                    fmt::format("{} must be a vector (1xn or nx1), not a {} matrix", what, m.shape().to_string()));
}

template <class T>
Matrix<T> op_outer(const Args<T>& a) {
  Matrix<T> u = as_column(a[0], "the first argument of outer");
  Matrix<T> v = as_column(a[1], "the second argument of outer");
  checked_shape(u.rows(), v.rows());
  return matmul(u, transpose(v));
}

// A vector becomes the diagonal of a square matrix; any other matrix gives its diagonal as a
// column (as numpy.diag does both ways).
template <class T>
Matrix<T> op_diag(const Args<T>& a) {
  const Matrix<T>& m = a[0];
  T zero = scalar::from_integer<T>(0);
  if (m.rows() == 1 || m.cols() == 1) {
    Matrix<T> v = as_column(m, "diag's argument");
    Shape s = checked_shape(v.rows(), v.rows());
    return generate_cells<T>(s, [&](std::size_t r, std::size_t c) { return r == c ? v(r, 0) : zero; });
  }
  return generate_cells<T>(Shape{std::min(m.rows(), m.cols()), 1},
                           [&](std::size_t r, std::size_t) { return m(r, r); });
}

// k copies of M stacked (numpy.tile, torch's Tensor.repeat): with one key head shared by k
// query heads, repeat_rows(K, k) gives every query head the same keys.
template <class T>
Matrix<T> op_repeat_rows(const Args<T>& a) {
  const Matrix<T>& m = a[0];
  Shape s = checked_shape(m.rows() * size_arg(a[1], "the repeat count"), m.cols());
  return generate_cells<T>(s, [&](std::size_t r, std::size_t c) { return m(r % m.rows(), c); });
}
template <class T>
Matrix<T> op_repeat_cols(const Args<T>& a) {
  const Matrix<T>& m = a[0];
  Shape s = checked_shape(m.rows(), m.cols() * size_arg(a[1], "the repeat count"));
  return generate_cells<T>(s, [&](std::size_t r, std::size_t c) { return m(r, c % m.cols()); });
}

// Running sums along each row (left to right) or down each column (top to bottom).
template <class T>
Matrix<T> cumsum(const Matrix<T>& m, Axis axis) {
  Matrix<T> out = m;
  for (std::size_t r = 0; r < m.rows(); ++r)
    for (std::size_t c = 0; c < m.cols(); ++c) {
      if (axis == Axis::along_rows && c > 0) out(r, c) = out(r, c - 1) + m(r, c);
      if (axis == Axis::down_columns && r > 0) out(r, c) = out(r - 1, c) + m(r, c);
    }
  return out;
}
template <class T>
Matrix<T> op_cumsum_rows(const Args<T>& a) { return cumsum(a[0], Axis::along_rows); }
template <class T>
Matrix<T> op_cumsum_cols(const Args<T>& a) { return cumsum(a[0], Axis::down_columns); }

// --- normalisation -------------------------------------------------------------------------

// sqrt(variance + eps).
template <class T>
T root_of(const T& v, const char*, std::size_t) {
  return scalar::sqrt(v);
}

// (x - mean) / sqrt(var + eps) over every column (layernorm) or every row (batchnorm), with the
// population variance (divided by n), as LayerNorm and BatchNorm do.
template <class T>
Matrix<T> normalize(const Args<T>& a, Axis axis) {
  const Matrix<T>& m = a[0];
  const char* what = axis == Axis::down_columns ? "column" : "row";
  T eps = a.size() > 1 ? scalar_arg(a[1], "eps") : scalar::from_integer<T>(0);
  T zero = scalar::from_integer<T>(0);
  if (scalar::compare(eps, zero) < 0) throw DomainError(ErrorId::eval_argument, "eps must not be negative");
  Matrix<T> centered = zip_cells(m, mean(m, axis), [](const T& x, const T& mu) { return x - mu; });
  // |d| * |d| keeps an interval square non-negative where d * d would not.
  Matrix<T> var = mean(map_cells(centered, [](const T& d) { return scalar::abs(d) * scalar::abs(d); }), axis);
  Matrix<T> root = generate_cells<T>(var.shape(), [&](std::size_t r, std::size_t c) {
    std::size_t line = axis == Axis::down_columns ? c : r;
    T v = var(r, c) + eps;
    if (scalar::compare(v, zero) == 0)
      throw DomainError(
          ErrorId::eval_argument,
          fmt::format("{} {} has variance 0 and eps is 0, so it cannot be normalised; give eps > 0", what, line + 1));
    return root_of(v, what, line);
  });
  return divide_cells(centered, root);
}
template <class T>
Matrix<T> op_layernorm(const Args<T>& a) { return normalize(a, Axis::down_columns); }
template <class T>
Matrix<T> op_batchnorm(const Args<T>& a) { return normalize(a, Axis::along_rows); }

// --- comparisons and selection -------------------------------------------------------------

template <class T>
Matrix<T> relation(const Args<T>& a, scalar::Relation rel) {
  return zip_cells(a[0], a[1], [rel](const T& x, const T& y) { return scalar::holds(rel, x, y); });
}
#define HANDCHECK_RELATION(NAME) \
  template <class T>             \
  Matrix<T> op_##NAME(const Args<T>& a) { return relation(a, scalar::Relation::NAME); }
HANDCHECK_RELATION(gt)
HANDCHECK_RELATION(ge)
HANDCHECK_RELATION(lt)
HANDCHECK_RELATION(le)
HANDCHECK_RELATION(eq)
#undef HANDCHECK_RELATION

template <class T>
Matrix<T> op_where(const Args<T>& a) {
  return zip_cells(a[0], a[1], a[2], [](const T& c, const T& x, const T& y) { return scalar::select(c, x, y); });
}

// --- clipped activations -------------------------------------------------------------------

// min and max of the number type, so an interval's clip stays certified.
template <class T>
T clip_value(const T& x, const T& lo, const T& hi) {
  return scalar::min(scalar::max(x, lo), hi);
}

template <class T>
Matrix<T> op_clip(const Args<T>& a) {
  return zip_cells(a[0], a[1], a[2], [](const T& x, const T& lo, const T& hi) {
    if (scalar::compare(lo, hi) > 0)
      throw DomainError(ErrorId::eval_argument, "clip with a lower bound above the upper bound");
    return clip_value(x, lo, hi);
  });
}
template <class T>
Matrix<T> op_hard_tanh(const Args<T>& a) {
  T lo = scalar::from_integer<T>(-1), hi = scalar::from_integer<T>(1);
  return map_cells(a[0], [&](const T& x) { return clip_value(x, lo, hi); });
}
// The tangent of the sigmoid at 0, clipped to [0, 1] (Gulcehre et al. 2016): x/4 + 1/2, just as
// sigmoid(x) = (1 + tanh(x/2)) / 2 gives (1 + hard_tanh(x/2)) / 2. Whole-number inputs give
// quarters: -2 -> 0, -1 -> 1/4, 0 -> 1/2, 1 -> 3/4, 2 -> 1.
template <class T>
Matrix<T> op_hard_sigmoid(const Args<T>& a) {
  T quarter(Rational(1, 4)), half(Rational(1, 2));
  T lo = scalar::from_integer<T>(0), hi = scalar::from_integer<T>(1);
  return map_cells(a[0], [&](const T& x) { return clip_value(x * quarter + half, lo, hi); });
}

// The Gaussian error linear unit (Hendrycks and Gimpel 2016), x * Phi(x): exact only at 0, so
// a worksheet computes it by a hand rule (cases/mlp/gelu-table.yaml).
template <class T>
Matrix<T> op_gelu(const Args<T>& a) {
  return map_cells(a[0], [](const T& x) { return scalar::gelu(x); });
}

// --- convolution and pooling ---------------------------------------------------------------

// M with `rows` rows of zeros above and below and `cols` columns of zeros left and right.
template <class T>
Matrix<T> pad_zeros(const Matrix<T>& m, std::size_t rows, std::size_t cols) {
  Shape s = checked_shape(m.rows() + 2 * rows, m.cols() + 2 * cols);
  T zero = scalar::from_integer<T>(0);
  return generate_cells<T>(s, [&](std::size_t r, std::size_t c) {
    bool inside = r >= rows && r < rows + m.rows() && c >= cols && c < cols + m.cols();
    return inside ? m(r - rows, c - cols) : zero;
  });
}

// Slides a kh x kw window over m, `sr` rows down and `sc` columns across at a time (no
// padding: the caller pads), and folds each window into one cell with f.
template <class T, class F>
Matrix<T> slide(const Matrix<T>& m, std::size_t kh, std::size_t kw, std::size_t sr, std::size_t sc,
                const char* name, F f) {
  if (kh > m.rows() || kw > m.cols())
    throw DomainError(ErrorId::eval_shape, fmt::format("{}: a {}x{} window does not fit in a {} input", name, kh, kw,
                                                       m.shape().to_string()));
  Shape s = checked_shape((m.rows() - kh) / sr + 1, (m.cols() - kw) / sc + 1);
  return generate_cells<T>(s, [&](std::size_t r, std::size_t c) {
    auto r1 = static_cast<long>(r * sr + 1), c1 = static_cast<long>(c * sc + 1);
    return f(block_of(m, r1, r1 + static_cast<long>(kh) - 1, c1, c1 + static_cast<long>(kw) - 1));
  });
}

// Cross-correlation, as deep-learning "convolution" is: the kernel is not flipped.
template <class T>
Matrix<T> correlate(const Matrix<T>& x, const Matrix<T>& k, std::size_t stride_r, std::size_t stride_c,
                    std::size_t pad_r, std::size_t pad_c, const char* name) {
  auto mul = [](const T& p, const T& q) { return p * q; };
  return slide(pad_zeros(x, pad_r, pad_c), k.rows(), k.cols(), stride_r, stride_c, name,
               [&](const Matrix<T>& w) { return reduce(zip_cells(w, k, mul), Axis::all, add<T>)(0, 0); });
}

template <class T>
Matrix<T> op_conv1d(const Args<T>& a) {
  if (a[0].rows() != 1)
    throw DomainError(ErrorId::eval_shape,
                      fmt::format("conv1d needs a row vector x (1xn), not a {} matrix; conv2d takes matrices",
                                  a[0].shape().to_string()));
  Matrix<T> k = transpose(as_column(a[1], "the kernel of conv1d"));
  std::size_t stride = a.size() > 2 ? size_arg(a[2], "the stride") : 1;
  std::size_t pad = a.size() > 3 ? count_arg(a[3], "the padding", 0) : 0;
  return correlate(a[0], k, 1, stride, 0, pad, "conv1d");
}
template <class T>
Matrix<T> op_conv2d(const Args<T>& a) {
  std::size_t stride = a.size() > 2 ? size_arg(a[2], "the stride") : 1;
  std::size_t pad = a.size() > 3 ? count_arg(a[3], "the padding", 0) : 0;
  return correlate(a[0], a[1], stride, stride, pad, pad, "conv2d");
}

// A size x size window, or 1 x size over a row vector (1-D pooling); the stride defaults to
// the size, so windows do not overlap.
template <class T, class F>
Matrix<T> pool(const Args<T>& a, const char* name, F f) {
  std::size_t size = size_arg(a[1], "the window size");
  std::size_t stride = a.size() > 2 ? size_arg(a[2], "the stride") : size;
  std::size_t kh = a[0].rows() == 1 ? 1 : size;
  return slide(a[0], kh, size, a[0].rows() == 1 ? 1 : stride, stride, name, f);
}
template <class T>
Matrix<T> op_maxpool(const Args<T>& a) {
  return pool(a, "maxpool", [](const Matrix<T>& w) { return reduce(w, Axis::all, larger<T>)(0, 0); });
}
template <class T>
Matrix<T> op_avgpool(const Args<T>& a) {
  return pool(a, "avgpool", [](const Matrix<T>& w) { return mean(w, Axis::all)(0, 0); });
}

// The cells of every window together (each a multiplication or a comparison), from the
// input's and the window's shapes: a 316x316 input with a 158x158 window makes 159^2 windows
// of 24 964 cells, 6.3e8 operations, refused before the first.
std::size_t window_work(std::size_t rows, std::size_t cols, std::size_t kh, std::size_t kw, std::size_t sr,
                        std::size_t sc) {
  if (kh == 0 || kw == 0 || sr == 0 || sc == 0 || kh > rows || kw > cols) return 0;
  std::size_t windows = saturating_product((rows - kh) / sr + 1, (cols - kw) / sc + 1);
  return saturating_product(windows, saturating_product(kh, kw));
}

std::size_t work_conv1d(const Args<Real>& a) {
  const Matrix<Real>& k = a[1];
  if (a[0].rows() != 1 || (k.rows() != 1 && k.cols() != 1)) return 0;
  std::size_t pad = a.size() > 3 ? size_or_zero(a, 3, 0) : 0;
  return window_work(1, a[0].cols() + 2 * pad, 1, k.size(), 1, size_or_zero(a, 2, 1));
}
std::size_t work_conv2d(const Args<Real>& a) {
  std::size_t stride = size_or_zero(a, 2, 1), pad = size_or_zero(a, 3, 0);
  return window_work(a[0].rows() + 2 * pad, a[0].cols() + 2 * pad, a[1].rows(), a[1].cols(), stride, stride);
}
std::size_t pool_work(const Args<Real>& a) {
  std::size_t size = size_or_zero(a, 1, 0), stride = size_or_zero(a, 2, size);
  bool row = a[0].rows() == 1;
  return window_work(a[0].rows(), a[0].cols(), row ? 1 : size, size, row ? 1 : stride, stride);
}
std::size_t work_maxpool(const Args<Real>& a) { return pool_work(a); }
std::size_t work_avgpool(const Args<Real>& a) { return pool_work(a); }

}  // namespace

const std::vector<OpSpec>& nn_ops() {
  static const std::vector<OpSpec> ops = {
      HANDCHECK_OP(layernorm, 1, 2, "layernorm(M[, eps])", "each column: (x - mean) / sqrt(variance + eps)", Reads::column, continuous),
      HANDCHECK_OP(batchnorm, 1, 2, "batchnorm(M[, eps])", "each row, across the batch: (x - mean) / sqrt(variance + eps)", Reads::row, continuous),
      HANDCHECK_OP(outer, 2, 2, "outer(a, b)", "a_i * b_j for two vectors", Reads::picked, continuous),
      HANDCHECK_OP(diag, 1, 1, "diag(v)", "a vector on the diagonal; a matrix's diagonal as a column", Reads::picked, continuous),
      HANDCHECK_OP(repeat_rows, 2, 2, "repeat_rows(M, k)", "k copies of M stacked", Reads::picked, continuous),
      HANDCHECK_OP(repeat_cols, 2, 2, "repeat_cols(M, k)", "k copies of M side by side", Reads::picked, continuous),
      HANDCHECK_OP(cumsum_rows, 1, 1, "cumsum_rows(M)", "running sum along each row", Reads::row, continuous),
      HANDCHECK_OP(cumsum_cols, 1, 1, "cumsum_cols(M)", "running sum down each column", Reads::column, continuous),
      HANDCHECK_OP(gt, 2, 2, "gt(A, B)", "1 where A > B, else 0", Reads::cell, jumps),
      HANDCHECK_OP(ge, 2, 2, "ge(A, B)", "1 where A >= B, else 0", Reads::cell, jumps),
      HANDCHECK_OP(lt, 2, 2, "lt(A, B)", "1 where A < B, else 0", Reads::cell, jumps),
      HANDCHECK_OP(le, 2, 2, "le(A, B)", "1 where A <= B, else 0", Reads::cell, jumps),
      HANDCHECK_OP(eq, 2, 2, "eq(A, B)", "1 where A = B, else 0", Reads::cell, jumps),
      HANDCHECK_OP(where, 3, 3, "where(C, A, B)", "A where C is not 0, B where it is", Reads::cell, jumps),
      HANDCHECK_OP(clip, 3, 3, "clip(M, lo, hi)", "min(max(x, lo), hi)", Reads::cell, continuous),
      HANDCHECK_OP(hard_tanh, 1, 1, "hard_tanh(M)", "clip(x, -1, 1)", Reads::cell, continuous),
      HANDCHECK_OP(hard_sigmoid, 1, 1, "hard_sigmoid(M)", "clip(x/4 + 1/2, 0, 1), the sigmoid's tangent at 0", Reads::cell, continuous),
      HANDCHECK_OP(gelu, 1, 1, "gelu(M)", "x * Phi(x) = x/2 * (1 + erf(x / sqrt(2)))", Reads::cell, continuous),
      HANDCHECK_OP_WORK(conv1d, 2, 4, "conv1d(x, k[, stride[, pad]])", "sliding dot product of a row vector with a kernel", Reads::picked, continuous),
      HANDCHECK_OP_WORK(conv2d, 2, 4, "conv2d(X, K[, stride[, pad]])", "sliding elementwise product-sum of a matrix with a kernel", Reads::picked, continuous),
      HANDCHECK_OP_WORK(maxpool, 2, 3, "maxpool(X, size[, stride])", "largest entry of each window", Reads::picked, continuous),
      HANDCHECK_OP_WORK(avgpool, 2, 3, "avgpool(X, size[, stride])", "mean of each window", Reads::picked, continuous),
  };
  return ops;
}

}  // namespace handcheck::ops_detail
