#include <boost/test/unit_test.hpp>

#include "handcheck/error.hpp"
#include "handcheck/numbers/range.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::q;

namespace {

bool same(const Range& r, const std::string& lo, const std::string& hi) { return r.lo == q(lo) && r.hi == q(hi); }

}  // namespace

BOOST_AUTO_TEST_SUITE(numbers_range)

BOOST_AUTO_TEST_CASE(a_printed_number_and_its_boundary) {
  // 0.21 printed with two decimals stands for [0.205, 0.215]; the ends are inside.
  Range r(q("0.205"), q("0.215"));
  BOOST_TEST(!r.is_point());
  BOOST_TEST(r.contains(q("0.205")));
  BOOST_TEST(r.contains(q("0.215")));
  BOOST_TEST(r.contains(q("21/100")));
  BOOST_TEST(!r.contains(q("0.2151")));
  BOOST_TEST(!r.contains(q("0.2049")));
  Range p(q("1/3"));
  BOOST_TEST(p.is_point());
  BOOST_TEST(p.contains(q("1/3")));
  BOOST_TEST(!p.contains(q("0.333")));
}

BOOST_AUTO_TEST_CASE(ranges_meet_at_a_shared_end) {
  BOOST_TEST(Range(0, 1).meets(Range(1, 2)));
  BOOST_TEST(Range(1, 2).meets(Range(0, 1)));
  BOOST_TEST(!Range(0, 1).meets(Range(q("1.0001"), 2)));
  BOOST_TEST(Range(-5, 5).meets(Range(q("1/2"))));
}

BOOST_AUTO_TEST_CASE(sums_differences_and_negation) {
  Range a(q("1/2"), q("3/4")), b(q("1/3"), 1);
  BOOST_TEST(same(a + b, "5/6", "7/4"));
  BOOST_TEST(same(a - b, "-1/2", "5/12"));
  BOOST_TEST(same(-a, "-3/4", "-1/2"));
  BOOST_TEST(same(a - a, "-1/4", "1/4"));  // an interval minus itself is not 0
}

BOOST_AUTO_TEST_CASE(products_take_the_extreme_corners) {
  BOOST_TEST(same(Range(-2, 3) * Range(-5, q("1/2")), "-15", "10"));
  BOOST_TEST(same(Range(q("-1/2"), q("-1/4")) * Range(q("-1/2"), q("-1/4")), "1/16", "1/4"));
  BOOST_TEST(same(Range(q("2/3")) * Range(q("3/4")), "1/2", "1/2"));
  BOOST_TEST((Range(q("2/3")) * Range(q("3/4"))).is_point());
  BOOST_TEST(same(Range(0) * Range(-7, 7), "0", "0"));
}

BOOST_AUTO_TEST_CASE(quotients_and_a_divisor_containing_zero) {
  BOOST_TEST(same(Range(1, 2) / Range(q("1/2"), 4), "1/4", "4"));
  BOOST_TEST(same(Range(1, 2) / Range(-3, -1), "-2", "-1/3"));
  BOOST_TEST(same(Range(q("1/3")) / Range(q("2/7")), "7/6", "7/6"));
  BOOST_CHECK_THROW(Range(1, 2) / Range(-1, 1), DomainError);
  BOOST_CHECK_THROW(Range(1, 2) / Range(0, 1), DomainError);
  BOOST_CHECK_THROW(Range(1, 2) / Range(-1, 0), DomainError);
  BOOST_CHECK_THROW(Range(1) / Range(0), DomainError);
}

BOOST_AUTO_TEST_CASE(hull_of_two_ranges) {
  BOOST_TEST(same(hull(Range(0, 1), Range(3, 4)), "0", "4"));
  BOOST_TEST(same(hull(Range(3, 4), Range(0, 1)), "0", "4"));
  BOOST_TEST(same(hull(Range(-1, 5), Range(0, 1)), "-1", "5"));
  BOOST_TEST(same(hull(Range(q("1/3")), Range(q("1/3"))), "1/3", "1/3"));
}

BOOST_AUTO_TEST_SUITE_END()
