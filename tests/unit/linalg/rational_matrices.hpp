// Matrices of rationals for the tests of src/linalg: random ones of every kind of
// denominator, powers of 3 as a hand softmax makes them, and the plain (cell by cell)
// results the fast paths must equal.
#pragma once

#include <boost/test/unit_test.hpp>
#include <random>

#include "handcheck/linalg/matrix.hpp"
#include "handcheck/numbers/rational.hpp"

namespace handcheck::test {

// Rationals with every kind of denominator: integers, shared ones, coprime ones, big ones.
inline Matrix<Rational> random_matrix(std::mt19937& rng, std::size_t rows, std::size_t cols, int kind) {
  Matrix<Rational> m(rows, cols);
  for (auto r = 0u; r < rows; ++r)
    for (auto c = 0u; c < cols; ++c) {
      long n = static_cast<long>(rng() % 21) - 10;
      switch (kind) {
        case 0: m(r, c) = n; break;                                                      // small integers
        case 1: m(r, c) = Rational(n, static_cast<long>(rng() % 7 + 1)); break;         // small fractions
        case 2: m(r, c) = Rational(n) / pow_int(Rational(3), static_cast<long>(rng() % 40), 1u << 20); break;
        default: m(r, c) = pow_int(Rational(3), 80, 1u << 20) * n + (rng() % 2 ? Rational(1, 1u << 20) : Rational(0));
      }
    }
  return m;
}

inline Matrix<Rational> plain_quotient(const Matrix<Rational>& a, const Matrix<Rational>& b) {
  return zip_cells(a, b, [](const Rational& x, const Rational& y) { return x / y; });
}

// Equal as fractions in lowest terms: numerators and denominators, not only values (GMP
// compares unreduced fractions by value).
inline void require_same(const Matrix<Rational>& fast, const Matrix<Rational>& plain) {
  BOOST_REQUIRE(fast.shape() == plain.shape());
  std::size_t differ = 0;
  for (std::size_t k = 0; k < fast.size(); ++k) {
    mpq_srcptr x = fast.cells()[k].backend().data(), y = plain.cells()[k].backend().data();
    differ += mpz_cmp(mpq_numref(x), mpq_numref(y)) != 0 || mpz_cmp(mpq_denref(x), mpq_denref(y)) != 0;
  }
  BOOST_TEST(differ == 0u);
}

// Powers of 3 as a hand softmax makes them, 3^(offset + x) for x drawn from [0, spread).
inline Matrix<Rational> powers_of_three(std::mt19937& rng, std::size_t rows, std::size_t cols, long offset,
                                        long spread) {
  Matrix<Rational> m(rows, cols);
  for (auto& cell : const_cast<std::vector<Rational>&>(m.cells()))
    cell = pow_int(Rational(3), offset + static_cast<long>(rng() % static_cast<unsigned long>(spread)), 1u << 24);
  return m;
}

inline Matrix<Rational> column_sums(const Matrix<Rational>& m) {
  Matrix<Rational> s(1, m.cols());
  for (std::size_t r = 0; r < m.rows(); ++r)
    for (std::size_t c = 0; c < m.cols(); ++c) s(0, c) += m(r, c);
  return s;
}

}  // namespace handcheck::test
