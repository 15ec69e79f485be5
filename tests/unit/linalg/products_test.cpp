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
