#include <random>

#include "handcheck/linalg/products.hpp"
#include "handcheck/ops/scalar.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {

// Rationals with every kind of denominator: integers, shared ones, coprime ones, big ones.
Matrix<Rational> random_matrix(std::mt19937& rng, std::size_t rows, std::size_t cols, int kind) {
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

}  // namespace

BOOST_AUTO_TEST_SUITE(products)

BOOST_AUTO_TEST_CASE(rational_product_is_the_plain_one) {
  std::mt19937 rng(11);
  for (int kind_a = 0; kind_a < 4; ++kind_a)
    for (int kind_b = 0; kind_b < 4; ++kind_b) {
      auto a = random_matrix(rng, 5, 7, kind_a);
      auto b = random_matrix(rng, 7, 3, kind_b);
      auto fast = matmul(a, b);
      auto plain = handcheck::matmul<Rational>(a, b);
      BOOST_REQUIRE(fast.shape() == plain.shape());
      for (std::size_t k = 0; k < fast.size(); ++k) BOOST_TEST(fast.cells()[k] == plain.cells()[k]);
    }
  BOOST_CHECK_THROW(matmul(Matrix<Rational>(2, 3), Matrix<Rational>(2, 3)), DomainError);
  auto empty = matmul(Matrix<Rational>(2, 0), Matrix<Rational>(0, 3));
  BOOST_TEST(empty(1, 2) == Rational(0));
}

BOOST_AUTO_TEST_CASE(shared_denominators_reduce_like_the_plain_product) {
  // Columns over M 2^f 3^e (M prime): a cell shares at most small factors with its
  // denominator, or (a zero, a multiple) all of it.
  std::mt19937 rng(17);
  const Rational big = Rational(Integer("2305843009213693951"));
  for (int round = 0; round < 20; ++round) {
    Matrix<Rational> a(6, 8), b(8, 5);
    for (std::size_t i = 0; i < 6; ++i)
      for (std::size_t k = 0; k < 8; ++k) a(i, k) = static_cast<long>(rng() % 13) - 6;
    for (std::size_t k = 0; k < 8; ++k)
      for (std::size_t j = 0; j < 5; ++j)
        b(k, j) = Rational(static_cast<long>(rng() % 1000) - 500) /
                  (big * pow_int(Rational(2), static_cast<long>(rng() % 4), 64) *
                   pow_int(Rational(3), static_cast<long>(rng() % 4), 64));
    if (round % 5 == 0) b(0, 0) = big * 7;  // an integer among the fractions
    auto fast = matmul(a, b), plain = handcheck::matmul<Rational>(a, b);
    for (std::size_t k = 0; k < fast.size(); ++k) BOOST_TEST(fast.cells()[k] == plain.cells()[k]);
    // The same with the fractions on the left: rows share their denominators.
    auto left = matmul(transpose(b), transpose(a)), left_plain = handcheck::matmul<Rational>(transpose(b), transpose(a));
    for (std::size_t k = 0; k < left.size(); ++k) BOOST_TEST(left.cells()[k] == left_plain.cells()[k]);
  }
}

BOOST_AUTO_TEST_CASE(real_product_encloses_the_plain_one) {
  WorkingPrecision precision(40);
  std::mt19937 rng(5);
  auto ra = random_matrix(rng, 4, 6, 1), rb = random_matrix(rng, 6, 3, 0);
  // Exact where every term of a cell is: a column of intervals, a row of exact zeros.
  Matrix<Real> a = map_cells(ra, [](const Rational& q) { return Real(q); });
  Matrix<Real> b = map_cells(rb, [](const Rational& q) { return Real(q); });
  for (std::size_t k = 0; k < 6; ++k) b(k, 1) = scalar::sqrt(Real(Rational(static_cast<long>(k) + 2)));
  for (std::size_t k = 0; k < 6; ++k) a(2, k) = Real(Rational(0));
  auto fast = matmul(a, b);
  auto plain = handcheck::matmul<Real>(a, b);
  for (std::size_t r = 0; r < 4; ++r)
    for (std::size_t c = 0; c < 3; ++c) {
      const Real &x = fast(r, c), &y = plain(r, c);
      BOOST_TEST(x.is_exact() == y.is_exact());
      if (x.is_exact()) {
        BOOST_TEST(x.exact() == y.exact());
      } else {
        BOOST_TEST(x.lower() <= y.upper());
        BOOST_TEST(y.lower() <= x.upper());
        BOOST_TEST(x.upper() - x.lower() < Rational(1, 1000000) * Rational(1, 1000000));
      }
    }
  BOOST_TEST(fast(2, 1).is_exact());  // an exact zero annihilates the intervals
}

BOOST_AUTO_TEST_CASE(exact_sum_is_the_plain_one) {
  std::mt19937 rng(3);
  auto m = random_matrix(rng, 9, 9, 2);
  std::vector<const Rational*> terms;
  Rational plain = 0;
  for (const auto& q : m) {
    terms.push_back(&q);
    plain += q;
  }
  BOOST_TEST(sum_exact(terms) == plain);
  BOOST_TEST(sum_exact({}) == Rational(0));
}

namespace {

Matrix<Rational> plain_quotient(const Matrix<Rational>& a, const Matrix<Rational>& b) {
  return zip_cells(a, b, [](const Rational& x, const Rational& y) { return x / y; });
}

// Equal as fractions in lowest terms: numerators and denominators, not only values (GMP
// compares unreduced fractions by value).
void require_same(const Matrix<Rational>& fast, const Matrix<Rational>& plain) {
  BOOST_REQUIRE(fast.shape() == plain.shape());
  std::size_t differ = 0;
  for (std::size_t k = 0; k < fast.size(); ++k) {
    mpq_srcptr x = fast.cells()[k].backend().data(), y = plain.cells()[k].backend().data();
    differ += mpz_cmp(mpq_numref(x), mpq_numref(y)) != 0 || mpz_cmp(mpq_denref(x), mpq_denref(y)) != 0;
  }
  BOOST_TEST(differ == 0u);
}

// Powers of 3 as a hand softmax makes them, 3^(offset + x) for x drawn from [0, spread).
Matrix<Rational> powers_of_three(std::mt19937& rng, std::size_t rows, std::size_t cols, long offset, long spread) {
  Matrix<Rational> m(rows, cols);
  for (auto& cell : const_cast<std::vector<Rational>&>(m.cells()))
    cell = pow_int(Rational(3), offset + static_cast<long>(rng() % static_cast<unsigned long>(spread)), 1u << 24);
  return m;
}

Matrix<Rational> column_sums(const Matrix<Rational>& m) {
  Matrix<Rational> s(1, m.cols());
  for (std::size_t r = 0; r < m.rows(); ++r)
    for (std::size_t c = 0; c < m.cols(); ++c) s(0, c) += m(r, c);
  return s;
}

}  // namespace

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

BOOST_AUTO_TEST_CASE(product_of_a_softmax_is_the_plain_one_on_several_threads) {
  std::mt19937 rng(31);
  // Numerators of about 3000 bits over 64 x 64 cells: large enough for several threads.
  auto e = powers_of_three(rng, 64, 64, 100, 4000);
  auto a = quotient(e, column_sums(e));
  auto v = random_matrix(rng, 64, 64, 0);
  // V A = (V E) / colsum(E): integer products, then one plain division per cell.
  auto expected = plain_quotient(matmul(v, e), column_sums(e));
  require_same(matmul(v, a), expected);
  require_same(matmul(transpose(a), transpose(v)), transpose(expected));
}

BOOST_AUTO_TEST_CASE(powers_are_the_plain_powers) {
  std::mt19937 rng(37);
  Matrix<Rational> exponents(5, 8);
  for (auto& cell : const_cast<std::vector<Rational>&>(exponents.cells())) cell = static_cast<long>(rng() % 61) - 30;
  exponents(0, 0) = 0;
  exponents(0, 1) = exponents(0, 2) = 17;  // repeated
  for (const Rational& base : {Rational(3), Rational(2, 3), Rational(10), Rational(7, 2)}) {
    BOOST_TEST_CONTEXT("base " << base) {
      auto fast = powers(base, exponents);
      auto plain = map_cells(exponents, [&](const Rational& e) { return pow_int(base, e.convert_to<long>(), 1u << 20); });
      require_same(fast, plain);
    }
  }
  BOOST_TEST(powers(Rational(3), Matrix<Rational>(1, 1, Rational(-2)))(0, 0) == Rational(1, 9));
}

BOOST_AUTO_TEST_CASE(sum_of_nested_denominators_is_the_plain_one) {
  // Cells over D, D/3, D/5 and D/15 (a column over its sum, some reduced by a small factor),
  // over other such columns, and integers: the partial sums fold into one per column.
  std::mt19937 rng(41);
  std::vector<Rational> cells;
  for (int column = 0; column < 40; ++column) {
    Integer d = Integer(15) * (Integer(1) << (200 + column * 37)) + 15 * column + 1;  // 15 * odd
    for (int k = 0; k < 30; ++k) {
      Integer over = d / Integer(k % 4 == 0 ? 1 : k % 4 == 1 ? 3 : k % 4 == 2 ? 5 : 15);
      cells.push_back(Rational(static_cast<long>(rng() % 1000) - 500) / Rational(over));
    }
    cells.push_back(Rational(column));
  }
  std::vector<const Rational*> terms;
  Rational plain = 0;
  for (const auto& c : cells) {
    terms.push_back(&c);
    plain += c;
  }
  BOOST_TEST(sum_exact(terms) == plain);
}

BOOST_AUTO_TEST_SUITE_END()
