#include <random>

#include "handcheck/linalg/products.hpp"
#include "rational_matrices.hpp"
#include "test_support.hpp"

using namespace handcheck;
using namespace handcheck::test;

BOOST_AUTO_TEST_SUITE(linalg_quotients)

BOOST_AUTO_TEST_CASE(quotients_by_hand) {
  // [[1, 2, 3], ..., [10, 11, 12]] over its column sums [22, 26, 30]: each column reduced
  // together (four cells share a divisor).
  Matrix<Rational> a(4, 3);
  for (std::size_t k = 0; k < 12; ++k) a(k / 3, k % 3) = static_cast<long>(k + 1);
  Matrix<Rational> sums(1, 3);
  sums(0, 0) = 22;
  sums(0, 1) = 26;
  sums(0, 2) = 30;
  auto out = quotient(a, sums);
  const Rational expected[12] = {Rational(1, 22), Rational(1, 13), Rational(1, 10), Rational(2, 11),
                                 Rational(5, 26), Rational(1, 5),   Rational(7, 22), Rational(4, 13),
                                 Rational(3, 10), Rational(5, 11),  Rational(11, 26), Rational(2, 5)};
  for (std::size_t k = 0; k < 12; ++k) BOOST_TEST(out(k / 3, k % 3) == expected[k], "cell " << k);
  require_same(column_sums(out), Matrix<Rational>(1, 3, Rational(1)));
  // By one negative fraction: 12 / (-3/4) = -16, 1 / (-3/4) = -4/3.
  auto neg = quotient(a, Matrix<Rational>(1, 1, Rational(-3, 4)));
  BOOST_TEST(neg(3, 2) == Rational(-16));
  BOOST_TEST(neg(0, 0) == Rational(-4, 3));
  BOOST_TEST(neg(1, 1) == Rational(-20, 3));
  // A column divides each row.
  Matrix<Rational> col(4, 1);
  col(0, 0) = 2;
  col(1, 0) = Rational(1, 2);
  col(2, 0) = -1;
  col(3, 0) = 3;
  auto rows = quotient(a, col);
  BOOST_TEST(rows(0, 2) == Rational(3, 2));
  BOOST_TEST(rows(1, 0) == Rational(8));
  BOOST_TEST(rows(2, 1) == Rational(-8));
  BOOST_TEST(rows(3, 1) == Rational(11, 3));
  // A row over a column broadcasts to the whole matrix.
  auto outer = quotient(sums, col);
  BOOST_TEST((outer.shape() == Shape{4, 3}));
  BOOST_TEST(outer(1, 2) == Rational(60));
  BOOST_TEST(outer(0, 1) == Rational(13));
  BOOST_TEST(outer(3, 0) == Rational(22, 3));
  // Empty matrices and zero numerators.
  BOOST_TEST(quotient(Matrix<Rational>(0, 3), Matrix<Rational>(1, 3, Rational(2))).size() == 0u);
  BOOST_TEST(quotient(Matrix<Rational>(4, 4), Matrix<Rational>(1, 4, Rational(7)))(3, 3) == Rational(0));
}

BOOST_AUTO_TEST_CASE(quotient_is_the_plain_division) {
  std::mt19937 rng(23);
  for (int kind = 0; kind < 4; ++kind) {
    auto a = random_matrix(rng, 6, 5, kind);
    // Divisors without zeros: a number, a row (one per column), a column, a whole matrix.
    auto nonzero = [&](std::size_t rows, std::size_t cols, int k) {
      auto m = random_matrix(rng, rows, cols, k);
      for (auto& cell : const_cast<std::vector<Rational>&>(m.cells()))
        if (cell == 0) cell = Rational(-7, 3);
      return m;
    };
    for (int kind_b = 0; kind_b < 4; ++kind_b) {
      BOOST_TEST_CONTEXT("a of kind " << kind << ", b of kind " << kind_b) {
        for (auto b : {nonzero(1, 1, kind_b), nonzero(1, 5, kind_b), nonzero(6, 1, kind_b), nonzero(6, 5, kind_b)})
          require_same(quotient(a, b), plain_quotient(a, b));
        auto row = nonzero(1, 5, kind_b), column = nonzero(6, 1, kind_b);
        require_same(quotient(row, column), plain_quotient(row, column));
      }
    }
  }
  BOOST_CHECK_THROW(quotient(Matrix<Rational>(2, 3, Rational(1)), Matrix<Rational>(3, 2, Rational(1))), DomainError);
}

BOOST_AUTO_TEST_CASE(powers_over_their_column_sums_reduce_like_plain_division) {
  // 3^x over its column sum: every cell divides the next larger one, so the line needs one
  // large gcd. The sum's power of 3 may divide every cell, or not the smallest (three cells
  // share the smallest exponent), or a cell may be over a divisor that is not a column sum.
  std::mt19937 rng(29);
  for (int round = 0; round < 6; ++round) {
    BOOST_TEST_CONTEXT("round " << round) {
      auto e = powers_of_three(rng, 9, 7, 5 * round, 12);
      if (round % 2)
        for (std::size_t r = 0; r < 3; ++r) e(r, 0) = pow_int(Rational(3), 5 * round, 64);
      if (round == 4) e(2, 3) = 0;
      if (round == 5) e(4, 4) = -e(4, 4);
      auto s = column_sums(e);
      if (round == 3) s(0, 2) = Rational(2 * 81 * 13, 5);  // shares a power of 3 and 2 with no cell
      for (auto& cell : const_cast<std::vector<Rational>&>(s.cells()))
        if (cell == 0) cell = 1;
      require_same(quotient(e, s), plain_quotient(e, s));
    }
  }
  // Large enough to run on several threads: 64 x 64 cells of about 3^1500.
  auto big = powers_of_three(rng, 64, 64, 1500, 400);
  auto sums = column_sums(big);
  auto fast = quotient(big, sums);
  require_same(fast, plain_quotient(big, sums));
  require_same(column_sums(fast), Matrix<Rational>(1, 64, Rational(1)));
}

BOOST_AUTO_TEST_SUITE_END()
