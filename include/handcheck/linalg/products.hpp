// Matrix products and sums of exact numbers that stay fast as the numbers grow (3^x over a
// column sum has thousands of digits). A dot product runs over a common denominator in
// integers and is reduced once, instead of once per term; intervals are converted once per
// operand cell, not once per term. The values are those of matmul and of a left-to-right sum.
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

// The exact sum of many rationals: terms with the same denominator are added as integers,
// and the partial sums are combined pairwise.
Rational sum_exact(const std::vector<const Rational*>& terms);

}  // namespace handcheck
