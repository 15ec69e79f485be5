#include <random>

#include "handcheck/linalg/products.hpp"
#include "rational_matrices.hpp"
#include "test_support.hpp"

using namespace handcheck;
using namespace handcheck::test;

BOOST_AUTO_TEST_SUITE(linalg_powers)

BOOST_AUTO_TEST_CASE(powers_by_hand) {
  Matrix<Rational> e(2, 3);
  e(0, 0) = 0;
  e(0, 1) = 1;
  e(0, 2) = 5;
  e(1, 0) = -1;
  e(1, 1) = -3;
  e(1, 2) = 5;
  auto p = powers(Rational(2, 3), e);
  BOOST_TEST(p(0, 0) == Rational(1));
  BOOST_TEST(p(0, 1) == Rational(2, 3));
  BOOST_TEST(p(0, 2) == Rational(32, 243));
  BOOST_TEST(p(1, 0) == Rational(3, 2));
  BOOST_TEST(p(1, 1) == Rational(27, 8));
  BOOST_TEST(p(1, 2) == Rational(32, 243));
  auto three = powers(Rational(3), e);
  BOOST_TEST(three(0, 2) == Rational(243));
  BOOST_TEST(three(1, 1) == Rational(1, 27));
  // 3^40 = 12157665459056928801, beyond a long.
  BOOST_TEST(powers(Rational(3), Matrix<Rational>(1, 1, Rational(40)))(0, 0) ==
             Rational(Integer("12157665459056928801")));
  BOOST_TEST(powers(Rational(5), Matrix<Rational>(0, 0)).size() == 0u);
  BOOST_TEST(powers(Rational(1, 7), Matrix<Rational>(2, 2))(1, 1) == Rational(1));  // all exponents 0
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

BOOST_AUTO_TEST_SUITE_END()
