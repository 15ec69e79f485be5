#include <boost/test/unit_test.hpp>

#include "handcheck/error.hpp"
#include "handcheck/numbers/allocation.hpp"
#include "handcheck/numbers/rational.hpp"

using namespace handcheck;

BOOST_AUTO_TEST_SUITE(numbers_allocation)

// Sets the block limit for one test and puts the default back, whatever happens.
struct BlockLimit {
  explicit BlockLimit(std::size_t bytes) : saved(gmp_block_limit()) { set_gmp_block_limit(bytes); }
  ~BlockLimit() { set_gmp_block_limit(saved); }
  std::size_t saved;
};

BOOST_AUTO_TEST_CASE(a_block_over_the_limit_is_a_limit_error_not_an_abort) {
  install_gmp_allocator();
  BOOST_TEST(gmp_block_limit() == std::size_t{1} << 32);
  Integer big = 1;
  {
    BlockLimit limit(1 << 20);
    // 2^(2^23) needs a block of 1 MiB and a bit: refused; 2^(2^22) (512 KiB) is made.
    BOOST_CHECK_NO_THROW(big = Integer(1) << (1u << 22));
    BOOST_CHECK_EXCEPTION(big = Integer(1) << (1u << 23), LimitError, [](const LimitError& e) {
      return std::string(e.what()).find("over the limit of 1048576") != std::string::npos;
    });
    // A product made through GMP's scratch memory (mpz_mul of large operands) is refused too.
    Integer a = (Integer(1) << (1u << 22)) - 1;
    BOOST_CHECK_THROW(Integer(a * a * a), LimitError);
  }
  // Numbers still work after a refusal: the failed operation left its operands whole.
  BOOST_TEST(msb(big) == (1u << 22));
  Rational q = Rational(Integer(1) << 100, 3) + Rational(1, 3);
  BOOST_TEST(q == Rational((Integer(1) << 100) + 1, 3));
}

BOOST_AUTO_TEST_SUITE_END()
