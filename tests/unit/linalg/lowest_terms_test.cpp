#include <boost/test/unit_test.hpp>

#include "lowest_terms.hpp"
#include "test_support.hpp"

using namespace handcheck;
using namespace handcheck::linalg_detail;

namespace {

// out[k] = nums[k] / d through reduce_over, compared with the fractions p/q in lowest terms
// (numerator and denominator, not only the value).
void check_reduced(const std::vector<Integer>& nums, const Integer& d, const std::vector<std::string>& expected) {
  std::vector<Rational> out(nums.size());
  std::vector<mpz_srcptr> ns;
  std::vector<mpq_ptr> cells;
  for (std::size_t k = 0; k < nums.size(); ++k) {
    ns.push_back(nums[k].backend().data());
    cells.push_back(out[k].backend().data());
  }
  reduce_over(ns, d.backend().data(), cells);
  for (std::size_t k = 0; k < nums.size(); ++k) {
    Rational want(expected[k]);
    BOOST_TEST(mpz_cmp(mpq_numref(cells[k]), num(want)) == 0, "numerator of cell " << k << ": " << out[k]);
    BOOST_TEST(mpz_cmp(mpq_denref(cells[k]), den(want)) == 0, "denominator of cell " << k << ": " << out[k]);
  }
}

std::vector<Integer> ints(std::initializer_list<long> v) { return {v.begin(), v.end()}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(linalg_lowest_terms)

BOOST_AUTO_TEST_CASE(common_denominators) {
  const Rational v[4] = {Rational(1, 6), Rational(3, 8), Rational(1, 4), Rational(-7, 10)};
  BOOST_TEST(*common_denominator(v, 4, 1) == Integer(120));  // lcm(6, 8, 4, 10)
  BOOST_TEST(*common_denominator(v, 2, 2) == Integer(12));   // 1/6 and 1/4
  BOOST_TEST(*common_denominator(v, 0, 1) == Integer(1));
  BOOST_TEST(!common_denominator(v, 4, 1, 6).has_value());  // 120 has 7 bits
  BOOST_TEST(*common_denominator(v, 4, 1, 7) == Integer(120));
  BOOST_TEST(*common_denominator(std::vector<const Rational*>{}) == Integer(1));
  const Rational whole[2] = {Rational(5), Rational(-3)};
  BOOST_TEST(*common_denominator(whole, 2, 1) == Integer(1));
}

BOOST_AUTO_TEST_CASE(values_over_a_common_denominator) {
  BOOST_TEST(scaled(Rational(3, 4), Integer(60)) == Integer(45));
  BOOST_TEST(scaled(Rational(-1, 6), Integer(60)) == Integer(-10));
  BOOST_TEST(scaled(Rational(7, 60), Integer(60)) == Integer(7));
  BOOST_TEST(scaled(Rational(0), Integer(60)) == Integer(0));
  BOOST_TEST(scaled(Rational(2), Integer(60)) == Integer(120));
  std::deque<Integer> store;
  Rational same(7, 60), other(1, 3);
  BOOST_TEST((scaled_ref(same, Integer(60), store) == num(same)));  // read in place
  BOOST_TEST(store.empty());
  mpz_srcptr s = scaled_ref(other, Integer(60), store);
  BOOST_TEST(store.size() == 1u);
  BOOST_TEST(mpz_cmp_si(s, 20) == 0);
}

BOOST_AUTO_TEST_CASE(work_measured_in_limbs) {
  Matrix<Rational> m(1, 2);
  m(0, 0) = Rational(1, 2);
  m(0, 1) = 3;
  BOOST_TEST(limbs(m) == 4u);
  BOOST_TEST(limbs(Matrix<Rational>(1, 1)) == 1u);  // 0 has no limbs, its denominator 1 has one
  BOOST_TEST(limbs(Matrix<Rational>(0, 0)) == 0u);
  Matrix<Rational> big(1, 1, Rational(Integer(1) << 200));  // 201 bits: 4 limbs of 64 bits
  BOOST_TEST(limbs(big) == 4u + 1u);
  BOOST_TEST(threads_for(0) == 1u);
  BOOST_TEST(threads_for((std::size_t{1} << 17) - 1) == 1u);
  BOOST_TEST(threads_for(std::size_t{1} << 17) == 0u);
}

BOOST_AUTO_TEST_CASE(a_line_put_in_lowest_terms) {
  // Fewer than four cells, or a denominator of 1: cell by cell.
  check_reduced(ints({2, 3}), Integer(4), {"1/2", "3/4"});
  check_reduced(ints({4, 5, 6, 7}), Integer(1), {"4", "5", "6", "7"});
  // A divisor chain (each numerator divides the next): gcd(16, 12) = 4 does not divide 2.
  check_reduced(ints({2, 4, 8, 16}), Integer(12), {"1/6", "1/3", "2/3", "4/3"});
  check_reduced(ints({16, -2, 4, -8}), Integer(12), {"4/3", "-1/6", "1/3", "-2/3"});
  // A chain whose gcd divides every numerator, with a zero among them.
  check_reduced(ints({4, 0, 16, 8}), Integer(12), {"1/3", "0", "4/3", "2/3"});
  // A chain prime to its denominator.
  check_reduced(ints({1, 5, 25, 125}), Integer(3), {"1/3", "5/3", "25/3", "125/3"});
  // No chain: the primes shared with d are those of 30, a small part of d = 30 (2^61 - 1).
  Integer p("2305843009213693951");
  Integer d = 30 * p;
  std::string ps = p.str(), p2 = Integer(2 * p).str(), p3 = Integer(3 * p).str(), p5 = Integer(5 * p).str(),
              ds = d.str();
  check_reduced(ints({6, 10, 15, 7}), d, {"1/" + p5, "1/" + p3, "1/" + p2, "7/" + ds});
  check_reduced(ints({6, 10, 15, 0}), d, {"1/" + p5, "1/" + p3, "1/" + p2, "0"});
  // No chain, and d made only of shared primes (2^70): cell by cell.
  Integer two70 = Integer(1) << 70;
  check_reduced(ints({3, 5, 6, 12}), two70,
                {"3/" + two70.str(), "5/" + two70.str(), "3/" + Integer(two70 / 2).str(), "3/" + Integer(two70 / 4).str()});
}

BOOST_AUTO_TEST_CASE(a_line_reduced_in_place) {
  // nums may be the cells' own numerators.
  for (auto [first, d, expected] : {std::tuple{4L, 24L, std::vector<std::string>{"1/6", "1/3", "2/3", "4/3"}},
                                    std::tuple{8L, 24L, std::vector<std::string>{"1/3", "2/3", "4/3", "8/3"}}}) {
    std::vector<Rational> out;
    for (long k = 0; k < 4; ++k) out.emplace_back(first << k);
    std::vector<mpz_srcptr> ns;
    std::vector<mpq_ptr> cells;
    for (auto& q : out) {
      ns.push_back(mpq_numref(q.backend().data()));
      cells.push_back(q.backend().data());
    }
    reduce_over(ns, Integer(d).backend().data(), cells);
    for (std::size_t k = 0; k < 4; ++k) BOOST_TEST(out[k] == Rational(expected[k]), "cell " << k);
  }
}

BOOST_AUTO_TEST_SUITE_END()
