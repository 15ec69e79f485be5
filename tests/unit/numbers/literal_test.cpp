#include <boost/test/unit_test.hpp>

#include "handcheck/error.hpp"
#include "handcheck/numbers/literal.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::q;

BOOST_AUTO_TEST_SUITE(numbers_literal)

BOOST_AUTO_TEST_CASE(decimals_are_exact_and_remember_their_printing) {
  Literal l = parse_literal("1.60");
  BOOST_TEST(l.value == Rational(8, 5));
  BOOST_TEST(l.decimals == 2);
  BOOST_TEST(parse_literal("-0.375").value == Rational(-3, 8));
  BOOST_TEST(parse_literal("0.43").value == Rational(43, 100));  // not octal
  BOOST_TEST(parse_literal("0.1").value == Rational(1, 10));     // not the double 0.1000000000000000055
  BOOST_TEST(parse_literal(".5").value == Rational(1, 2));
  BOOST_TEST(parse_literal("+2.").decimals == 0);
}

BOOST_AUTO_TEST_CASE(integers_and_fractions_stand_for_themselves) {
  BOOST_TEST(parse_literal("2").decimals == -1);
  BOOST_TEST(parse_literal("007").value == 7);
  Literal f = parse_literal("3/10");
  BOOST_TEST(f.value == Rational(3, 10));
  BOOST_TEST(f.decimals == -1);
  BOOST_TEST(parse_literal("-3/-10").value == Rational(3, 10));
  BOOST_TEST(parse_literal(" 6 / 4 ").value == Rational(3, 2));
}

BOOST_AUTO_TEST_CASE(exponents) {
  Literal l = parse_literal("1e-3");
  BOOST_TEST(l.value == Rational(1, 1000));
  BOOST_TEST(l.decimals == 3);
  BOOST_TEST(parse_literal("1.5e-3").decimals == 4);
  BOOST_TEST(parse_literal("2.5E+2").value == 250);
}

BOOST_AUTO_TEST_CASE(malformed_numbers_are_refused_with_a_reason) {
  for (const char* bad : {"", "abc", "1.2.3", "1/0", "1e", "--1", "1/2/3", "nan", "infinite", "--inf", "0x10", "1,5"})
    BOOST_CHECK_THROW(parse_literal(bad), DomainError);
  BOOST_CHECK_THROW(parse_finite_literal("-inf"), DomainError);
  BOOST_CHECK_EXCEPTION(parse_literal("1/0"), DomainError, [](const DomainError& e) {
    return std::string(e.what()) == "malformed number '1/0': zero denominator";
  });
}

// DESIGN §3: the extended reals of a causal mask, in every spelling a worksheet or a student uses.
BOOST_AUTO_TEST_CASE(infinities_in_every_spelling) {
  for (const char* text : {"-inf", "-Inf", "-INF", "-infinity", "-Infinity", "-.inf", "-.Inf", "-\xE2\x88\x9E", " -inf "})
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(parse_literal(text).infinity == -1); }
  for (const char* text : {"inf", "+inf", "infinity", ".inf", "\xE2\x88\x9E", "+\xE2\x88\x9E"})
    BOOST_TEST_CONTEXT(text) { BOOST_TEST(parse_literal(text).infinity == 1); }
  BOOST_TEST(!parse_literal("-inf").is_decimal());
  BOOST_TEST(parse_literal("2").infinity == 0);
}

BOOST_AUTO_TEST_CASE(exponents_count_their_value_not_their_zeros) {
  BOOST_TEST(parse_literal("1e0000001").value == 10);
  BOOST_TEST(parse_literal("25e-0000002").value == Rational(1, 4));
}

BOOST_AUTO_TEST_CASE(limits_on_length_and_exponent) {
  BOOST_CHECK_THROW(parse_literal("1e999999"), LimitError);
  BOOST_CHECK_THROW(parse_literal(std::string(2000, '1')), LimitError);
}

BOOST_AUTO_TEST_CASE(leading_zeros_of_an_exponent_do_not_count) {
  BOOST_TEST(parse_literal("1e0000001").value == 10);
  BOOST_TEST(parse_literal("2.5e-00000000002").value == Rational(1, 40));
  BOOST_TEST(parse_literal("1e" + std::string(900, '0')).value == 1);
  BOOST_TEST(parse_literal("3e-0").value == 3);
  BOOST_CHECK_THROW(parse_literal("1e0001001"), LimitError);
}

BOOST_AUTO_TEST_SUITE_END()
