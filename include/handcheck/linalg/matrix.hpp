// Dense row-major matrices of any number type, with NumPy-style broadcasting.
// A matrix knows nothing of cases or pipelines; a scalar is a 1x1 matrix.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "handcheck/error.hpp"

namespace handcheck {

struct Shape {
  std::size_t rows = 0, cols = 0;
  friend bool operator==(const Shape&, const Shape&) = default;
  std::size_t cells() const { return rows * cols; }
  std::string to_string() const { return fmt::format("{}x{}", rows, cols); }
  friend std::ostream& operator<<(std::ostream& os, const Shape& s) { return os << s.to_string(); }
};

template <class T>
class Matrix {
 public:
  Matrix() = default;
  Matrix(std::size_t rows, std::size_t cols, const T& fill = T())
      : shape_{rows, cols}, cells_(rows * cols, fill) {}
  explicit Matrix(Shape s, const T& fill = T()) : Matrix(s.rows, s.cols, fill) {}
  static Matrix scalar(T value) {
    Matrix m(1, 1);
    m.cells_[0] = std::move(value);
    return m;
  }

  Shape shape() const { return shape_; }
  std::size_t rows() const { return shape_.rows; }
  std::size_t cols() const { return shape_.cols; }
  std::size_t size() const { return cells_.size(); }
  bool is_scalar() const { return shape_.rows == 1 && shape_.cols == 1; }

  // 0-based.
  T& operator()(std::size_t r, std::size_t c) { return cells_[r * shape_.cols + c]; }
  const T& operator()(std::size_t r, std::size_t c) const { return cells_[r * shape_.cols + c]; }

  auto begin() const { return cells_.begin(); }
  auto end() const { return cells_.end(); }
  const std::vector<T>& cells() const { return cells_; }

 private:
  Shape shape_{};
  std::vector<T> cells_;
};

// The most cells a broadcast may make: a column against a row makes a huge matrix from two
// small ones. The current thread's; the pipelines set it from their cell limit.
inline std::size_t& max_broadcast_cells() {
  thread_local std::size_t n = 100000;
  return n;
}

// The shape two operands broadcast to: each dimension equal, or 1 in one of them.
inline Shape broadcast_shape(Shape a, Shape b) {
  auto dim = [&](std::size_t x, std::size_t y) {
    if (x == y || y == 1) return x;
    if (x == 1) return y;
    throw DomainError(ErrorId::eval_shape, fmt::format("shapes {} and {} do not broadcast", a.to_string(), b.to_string()));
  };
  Shape s{dim(a.rows, b.rows), dim(a.cols, b.cols)};
  if (s.cells() > max_broadcast_cells())
    throw LimitError(ErrorId::limit_cells, fmt::format("shapes {} and {} broadcast to {}, more than the limit of {} cells (raise it "
                                 "with --max-cells)", a.to_string(), b.to_string(), s.to_string(),
                                 max_broadcast_cells()));
  return s;
}

// Builds a matrix of shape s from f(row, col), 0-based; a DomainError from f is rethrown as
// a CellError naming the cell.
template <class R, class F>
Matrix<R> generate_cells(Shape s, F f) {
  Matrix<R> out(s);
  for (std::size_t r = 0; r < s.rows; ++r)
    for (std::size_t c = 0; c < s.cols; ++c) {
      try {
        out(r, c) = f(r, c);
      } catch (const CellError&) {
        throw;
      } catch (const DomainError& e) {
        throw CellError(e, r, c);
      }
    }
  return out;
}

// Cell (r, c) of the broadcast shape, read from m (a row, column or scalar is repeated).
template <class T>
const T& broadcast_at(const Matrix<T>& m, std::size_t r, std::size_t c) {
  return m(m.rows() == 1 ? 0 : r, m.cols() == 1 ? 0 : c);
}

// Applies f to every cell.
template <class T, class F>
auto map_cells(const Matrix<T>& m, F f) {
  using R = decltype(f(m(0, 0)));
  return generate_cells<R>(m.shape(), [&](std::size_t r, std::size_t c) { return f(m(r, c)); });
}

// Applies f cell by cell to two broadcast operands.
template <class T, class F>
Matrix<T> zip_cells(const Matrix<T>& a, const Matrix<T>& b, F f) {
  return generate_cells<T>(broadcast_shape(a.shape(), b.shape()), [&](std::size_t r, std::size_t c) {
    return f(broadcast_at(a, r, c), broadcast_at(b, r, c));
  });
}

// Applies f cell by cell to three broadcast operands (where, clip).
template <class T, class F>
Matrix<T> zip_cells(const Matrix<T>& a, const Matrix<T>& b, const Matrix<T>& c, F f) {
  Shape s = broadcast_shape(broadcast_shape(a.shape(), b.shape()), c.shape());
  return generate_cells<T>(s, [&](std::size_t r, std::size_t k) {
    return f(broadcast_at(a, r, k), broadcast_at(b, r, k), broadcast_at(c, r, k));
  });
}

template <class T>
Matrix<T> transpose(const Matrix<T>& m) {
  Matrix<T> out(m.cols(), m.rows());
  for (std::size_t r = 0; r < m.rows(); ++r)
    for (std::size_t c = 0; c < m.cols(); ++c) out(c, r) = m(r, c);
  return out;
}

template <class T>
Matrix<T> matmul(const Matrix<T>& a, const Matrix<T>& b) {
  if (a.cols() != b.rows())
    throw DomainError(ErrorId::eval_shape, fmt::format("matrix product of {} and {}: {} columns against {} rows",
                                  a.shape().to_string(), b.shape().to_string(), a.cols(), b.rows()));
  Matrix<T> out(a.rows(), b.cols());
  for (std::size_t r = 0; r < a.rows(); ++r)
    for (std::size_t c = 0; c < b.cols(); ++c) {
      T sum = a(r, 0) * b(0, c);
      for (std::size_t k = 1; k < a.cols(); ++k) sum = sum + a(r, k) * b(k, c);
      out(r, c) = std::move(sum);
    }
  return out;
}

}  // namespace handcheck
