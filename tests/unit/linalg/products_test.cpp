#include <random>

#include "handcheck/linalg/products.hpp"
#include "handcheck/ops/scalar.hpp"
#include "rational_matrices.hpp"
#include "test_support.hpp"

using namespace handcheck;
using namespace handcheck::test;

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

// A 32 x 32 product whose right operand's columns share one denominator D = 3^2000 (3 170
// bits): the result holds about 32 x 32 x 6 350 bits, and the bound taken after the lines are
// over their common denominators (about 9.8 M bits with the scaled operands) lets it through a
// budget of 20 M bits. A bound from each cell's own size (32 x 32 x 32 x 3 180 bits, 104 M)
// refused it. A budget of 5 M bits is still refused before the product is made.
BOOST_AUTO_TEST_CASE(a_product_is_bounded_by_its_lines_common_denominators) {
  Rational d = pow_int(Rational(3), 2000, std::size_t{1} << 20);
  Matrix<Rational> a(32, 32, Rational(1)), b(32, 32);
  for (std::size_t k = 0; k < 32; ++k)
    for (std::size_t j = 0; j < 32; ++j) b(k, j) = Rational(static_cast<long>(k + j + 1)) / d;
  BitBudget saved = bit_budget();
  bit_budget() = BitBudget{20'000'000, 0};
  Matrix<Rational> p = matmul(a, b);
  std::size_t held = 0;
  for (const Rational& q : p) held += rational_bits(q);
  BOOST_TEST(held < std::size_t{9'800'000});
  BOOST_TEST(p(0, 0) == Rational(528) / d);  // 1 + 2 + ... + 32
  bit_budget() = BitBudget{5'000'000, 0};
  BOOST_CHECK_THROW(matmul(a, b), LimitError);
  bit_budget() = saved;
}

BOOST_AUTO_TEST_SUITE_END()
