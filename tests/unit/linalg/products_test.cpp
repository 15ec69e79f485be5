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

BOOST_AUTO_TEST_SUITE_END()
