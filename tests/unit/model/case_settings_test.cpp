#include <boost/test/unit_test.hpp>

#include "mini_case.hpp"

using namespace handcheck;
using test::kMini;
using test::load_error;

BOOST_AUTO_TEST_SUITE(model_case_settings)

BOOST_AUTO_TEST_CASE(compare_modes) {
  BOOST_TEST((parse_compare_mode("exact").kind == CompareMode::Kind::exact));
  BOOST_TEST(parse_compare_mode("sigfig:3").figures == 3);
  BOOST_TEST(parse_compare_mode("rel:1e-3").eps == Rational(1, 1000));
  BOOST_TEST((parse_compare_mode("abs:0.5").kind == CompareMode::Kind::abs));
  BOOST_CHECK_THROW(parse_compare_mode("abs:"), DomainError);
  BOOST_CHECK_THROW(parse_compare_mode("abs:-1"), DomainError);
  BOOST_CHECK_THROW(parse_compare_mode("sigfig:0"), DomainError);
}

BOOST_AUTO_TEST_CASE(a_step_overrides_the_case_and_bad_settings_are_errors) {
  std::string base = kMini;
  Case c = load_case_text(test::replace_once(base, "    compare: printed", "    compare: printed\n    digits: 40"), "t");
  BOOST_TEST(c.items[3].digits == 12);
  BOOST_TEST(c.items[4].digits == 40);
  BOOST_TEST(load_error(test::replace_once(base, "compare: printed", "compare: loose")) ==
             "t.yaml:21:14: error[load.compare-mode]: step Z: unknown compare mode 'loose' (printed, exact, abs:EPS, "
             "rel:EPS or sigfig:N)");
  BOOST_TEST(load_error(test::replace_once(base, "digits: 12", "digits: 0")) ==
             "t.yaml:5:9: error[load.bad-value]: digits must be a whole number from 1 to 100000, not '0'");
  BOOST_TEST(load_error(test::replace_once(base, "follows: hand", "follows: student")) ==
             "t.yaml:3:10: error[load.bad-value]: follows must be 'hand' or 'exact', not 'student'");
}

BOOST_AUTO_TEST_SUITE_END()
