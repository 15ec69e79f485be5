// Matrix products, quotients and sums of exact numbers that stay fast as the numbers grow
// (3^x over a column sum has thousands of digits). A dot product runs over a common
// denominator in integers and is reduced once, instead of once per term; the cells that share
// a denominator are put in lowest terms together; intervals are converted once per operand
// cell, not once per term. The values are those of matmul, of `/` cell by cell and of a
// left-to-right sum.
#pragma once

#include <vector>

#include "handcheck/linalg/matrix.hpp"
#include "handcheck/numbers/rational.hpp"
#include "handcheck/numbers/real.hpp"

namespace handcheck {

// Chosen over the generic matmul of matrix.hpp wherever this header is included.
Matrix<Rational> matmul(const Matrix<Rational>& a, const Matrix<Rational>& b);
// At the current working precision; exact where every term of a cell is exact.
Matrix<Real> matmul(const Matrix<Real>& a, const Matrix<Real>& b);

// a / b cell by cell with broadcasting; b has no zero. Where one divisor divides a whole
// column (b is a row, such as a column sum), row or matrix, those cells are reduced together.
Matrix<Rational> quotient(const Matrix<Rational>& a, const Matrix<Rational>& b);

// base ^ e for every cell e of `exponents`; base > 0, every exponent an integer that fits a
// long and whose power is within the caller's limits.
Matrix<Rational> powers(const Rational& base, const Matrix<Rational>& exponents);

// Whether every cell is a rational, and the matrix of those rationals / of a rational matrix
// as reals: the fast exact paths of the functions above run on rationals.
bool all_exact(const Matrix<Real>& m);
Matrix<Rational> rationals_of(const Matrix<Real>& m);
Matrix<Real> reals_of(Matrix<Rational>&& m);

// The exact sum of many rationals: terms with the same denominator are added as integers,
// and the partial sums are combined pairwise.
Rational sum_exact(const std::vector<const Rational*>& terms);

}  // namespace handcheck
