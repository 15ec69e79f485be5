#include <boost/test/unit_test.hpp>

#include "handcheck/eval/pipeline.hpp"
#include "handcheck/model/loader.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::q;

namespace {

Case seed() { return load_case_file(test::source_path("cases/self-attention-6-3.yaml")); }

Matrix<Rational> hand_value(const Case& c, const HandRun& run, const std::string& name) {
  return test::rationals(*run.values[static_cast<std::size_t>(c.find(name))]);
}

void expect_matrix(const Matrix<Rational>& m, const std::vector<std::vector<std::string>>& want) {
  BOOST_REQUIRE_EQUAL(m.rows(), want.size());
  for (std::size_t r = 0; r < want.size(); ++r) {
    BOOST_REQUIRE_EQUAL(m.cols(), want[r].size());
    for (std::size_t c = 0; c < want[r].size(); ++c)
      BOOST_TEST(to_fraction_string(m(r, c)) == want[r][c], "cell " << r + 1 << "," << c + 1);
  }
}

Error eval_error(const std::string& yaml) {
  Case c = load_case_text(yaml, "e.yaml");
  try {
    run_hand(c);
    run_exact(c);
  } catch (const Error& e) {
    return e;
  }
  BOOST_FAIL("no error");
  return Error(ErrorId::internal_unreachable, {}, "");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(eval_pipeline)

// Known answers of the seed worksheet, computed independently by hand (and with Python's
// fractions): the hand pipeline with the correct q2 = [1, 1, 2].
BOOST_AUTO_TEST_CASE(seed_hand_pipeline_exact_values) {
  Case c = seed();
  HandRun run = run_hand(c);
  BOOST_TEST(!run.undecided.has_value());
  BOOST_TEST(run.certified);
  expect_matrix(hand_value(c, run, "Q"), {{"1", "1", "1", "1"}, {"0", "1", "1", "2"}, {"1", "2", "1", "2"}});
  expect_matrix(hand_value(c, run, "S"), {{"3", "5", "4", "6"}, {"2", "3", "2", "3"}, {"3", "6", "4", "7"}, {"0", "2", "2", "4"}});
  expect_matrix(hand_value(c, run, "A"), {{"3/10", "3/14", "3/8", "9/22"},
                                          {"3/10", "1/14", "1/8", "1/22"},
                                          {"3/10", "9/14", "3/8", "9/22"},
                                          {"1/10", "1/14", "1/8", "3/22"}});
  expect_matrix(hand_value(c, run, "Z"), {{"8/5", "12/7", "3/2", "16/11"},
                                          {"1", "8/7", "5/4", "15/11"},
                                          {"1", "3/7", "3/4", "7/11"}});
}

// Reference: Python decimal at 90 digits (S / sqrt(3), exp, column softmax, V A), rounded
// half up to 30 significant digits.
BOOST_AUTO_TEST_CASE(seed_exact_pipeline_certified_digits) {
  Case c = seed();
  ExactRun run = run_exact(c);
  BOOST_TEST(run.certified);
  const auto& a = *run.values[static_cast<std::size_t>(c.find("A"))];
  BOOST_TEST(*certified_significant(a(0, 0), 30) == "0.365189398600469033889058143788");
  BOOST_TEST(*certified_significant(a(3, 0), 30) == "0.0646097489348538124111616313522");
  const auto& z = *run.values[static_cast<std::size_t>(c.find("Z"))];
  BOOST_TEST(*certified_significant(z(0, 0), 30) == "1.57020085246467715369978022486");
  BOOST_TEST(*certified_significant(z(2, 3), 30) == "0.509867971229533931382519281691");
  // z3[1] = 3/2 exactly: every softmax column sums to 1 and V's first row picks that sum...
  // but only through intervals, so it is certified as digits, not as a fraction.
  BOOST_TEST(*certified_significant(z(0, 2), 30) == "1.50000000000000000000000000000");
}

BOOST_AUTO_TEST_CASE(exact_pipeline_at_a_thousand_digits) {
  Case c = seed();
  for (auto& item : c.items) item.digits = 1000;
  c.digits = 1000;
  ExactRun run = run_exact(c);
  BOOST_TEST(run.certified);
  BOOST_TEST(run.digits10 >= 1000u);
  const auto& z = *run.values[static_cast<std::size_t>(c.find("Z"))];
  BOOST_TEST(certified_significant(z(0, 0), 1000)->substr(0, 32) == "1.570200852464677153699780224859");
}

// floor(sqrt(2) * sqrt(2)): the product's enclosure holds 2 at every precision, so the floor
// is 1 or 2 and stays the interval [1, 2]: reported, never guessed.
BOOST_AUTO_TEST_CASE(an_undecidable_cell_stays_the_interval_of_its_possible_values) {
  Case c = load_case_text(R"(format: handcheck/1
follows: exact
steps:
  - name: t
    do: floor(sqrt(2) * sqrt(2))
)", "tie.yaml");
  PipelineOptions o;
  o.max_precision = 400;
  ExactRun run = run_exact(c, o);
  BOOST_TEST(!run.certified);
  BOOST_TEST(run.digits10 == 400u);
  BOOST_REQUIRE(run.undecided.has_value());
  BOOST_TEST(run.undecided->message() == "step t, cell t[1,1]: undecided at 400 digits of working precision (the cap): [1, 2]");
  const Real& t = (*run.values[0])(0, 0);
  BOOST_TEST((t.lower() == 1 && t.upper() == 2));
}

// DESIGN §3: one number type, so a hand rule may pass through an irrational value, and a
// step that follows the hand pipeline after an unrelated irrational step is computed.
BOOST_AUTO_TEST_CASE(hand_steps_after_an_unrelated_irrational_step) {
  Case c = load_case_text(R"(format: handcheck/1
inputs:
  x: [[3, 6, 2]]
steps:
  - name: r
    hand: x / sqrt(2)
    exact: x / sqrt(2)
  - name: f
    hand: floor(x / sqrt(3))
    exact: x / sqrt(3)
    stated: [[1, 3, 1]]
  - name: g
    hand: round(exp(x), 1)
    exact: exp(x)
    stated: [[20.1, 403.4, 7.4]]
)", "h.yaml");
  HandRun run = run_hand(c);
  BOOST_TEST(run.certified);
  BOOST_TEST(!run.undecided.has_value());
  // floor(3/1.732) = 1, floor(6/1.732) = 3, floor(2/1.732) = 1; e^3 = 20.0855, e^6 = 403.429, e^2 = 7.389.
  BOOST_TEST(to_fraction_string(hand_value(c, run, "f")(0, 1)) == "3");
  BOOST_TEST(to_fraction_string(hand_value(c, run, "g")(0, 0)) == "201/10");
  BOOST_TEST(to_fraction_string(hand_value(c, run, "g")(0, 1)) == "2017/5");
  BOOST_TEST(to_fraction_string(hand_value(c, run, "g")(0, 2)) == "37/5");
  // The irrational step is a certified value of the hand pipeline too: 3 / sqrt(2).
  BOOST_TEST(*certified_significant((*run.values[1])(0, 0), 12) == "2.12132034356");
}

BOOST_AUTO_TEST_CASE(evaluation_errors_name_step_cell_and_place) {
  const char* head = "format: handcheck/1\ninputs:\n  a: [[1, 2], [3, 4]]\n  b: [[1, 0]]\nsteps:\n";
  BOOST_TEST(eval_error(std::string(head) + "  - name: s\n    do: a @ b\n").what() ==
             std::string("e.yaml:7:11: error[eval.shape]: step s: matrix product of 2x2 and 1x2: 2 columns against 1 rows"));
  BOOST_TEST(eval_error(std::string(head) + "  - name: s\n    do: a / b\n").what() ==
             std::string("e.yaml:7:11: error[eval.division-by-zero]: step s, cell s[1,2]: division by zero"));
  BOOST_TEST(eval_error(std::string(head) + "  - name: s\n    do: sqrt(a - 2)\n").what() ==
             std::string("e.yaml:7:9: error[eval.out-of-domain]: step s, cell s[1,1]: sqrt(-1) of a negative value"));
  BOOST_TEST(eval_error(std::string(head) + "  - name: s\n    do: a - inf + inf\n").what() ==
             std::string("e.yaml:7:17: error[eval.undefined]: step s, cell s[1,1]: inf - inf is undefined"));
  BOOST_TEST(eval_error(std::string(head) + "  - name: s\n    do: (a - 1) * -inf\n").what() ==
             std::string("e.yaml:7:17: error[eval.undefined]: step s, cell s[1,1]: 0 * inf is undefined"));
  BOOST_TEST(eval_error(std::string(head) + "  - name: s\n    do: a + concat_cols(b, b)\n").what() ==
             std::string("e.yaml:7:11: error[eval.shape]: step s: shapes 2x2 and 1x4 do not broadcast"));
}

// The size of a power is known before it is made, to the bit: 3^661 600 has 1 048 612 bits
// (Python: (3**661600).bit_length()), past the default limit of 2^20; 3^600 000 has 950 978 and
// is made. (The bit length of the base times the exponent said 1 323 200 and 1 200 000.)
BOOST_AUTO_TEST_CASE(a_power_is_refused_by_its_own_size) {
  const char* head = "format: handcheck/1\ninputs:\n  x: [[600000, 661600]]\nsteps:\n";
  BOOST_TEST(eval_error(std::string(head) + "  - name: s\n    do: 3 ^ x\n").what() ==
             std::string("e.yaml:6:11: error[limit.bits]: step s, cell s[1,2]: power too large: the result would have about "
                         "1048612 bits (limit 1048576; raise it with --max-bits)"));
  BOOST_TEST(eval_error(std::string(head) + "  - name: s\n    do: (1/3) ^ -x\n").what() ==
             std::string("e.yaml:6:15: error[limit.bits]: step s, cell s[1,2]: power too large: the result would have about "
                         "1048612 bits (limit 1048576; raise it with --max-bits)"));
}

BOOST_AUTO_TEST_CASE(matrix_quotients_and_powers_report_their_first_bad_cell) {
  // Large enough for the quotient by a row of divisors and for the powers of one base to take
  // their fast paths; the errors are still those of the first bad cell.
  const char* head = "format: handcheck/1\ninputs:\n"
                     "  a: [[1, 2, 3, 4], [5, 6, 7, 8], [1, 2, 3, 4], [5, 6, 7, 8], [1, 2, 3, 4]]\n"
                     "  b: [[1, 2, 0, 0]]\n"
                     "  e: [[1, 2, 3, 4], [5, 6, 7, 8], [1, 2, 3, 4000000], [5, 6, 7, 8], [1, 2, 3, 9000000]]\n"
                     "steps:\n";
  BOOST_TEST(eval_error(std::string(head) + "  - name: s\n    do: a / b\n").what() ==
             std::string("e.yaml:8:11: error[eval.division-by-zero]: step s, cell s[1,3]: division by zero"));
  BOOST_TEST(eval_error(std::string(head) + "  - name: s\n    do: 3 ^ e\n").what() ==
             std::string("e.yaml:8:11: error[limit.bits]: step s, cell s[3,4]: power too large: the result would have about 6339851 bits "
                         "(limit 1048576; raise it with --max-bits)"));
  BOOST_TEST(eval_error(std::string(head) + "  - name: s\n    do: 0 ^ (a - 3)\n").what() ==
             std::string("e.yaml:8:11: error[eval.division-by-zero]: step s, cell s[1,1]: 0 raised to a negative power"));
  Case c = load_case_text(std::string(head) + "  - name: s\n    do: 3 ^ (a - 4) / colsum(3 ^ (a - 4))\n", "p.yaml");
  HandRun run = run_hand(c);
  BOOST_TEST(test::rationals(*run.values.back())(0, 0) == q("1/165"));  // 3^-3 / (3 * 3^-3 + 2 * 3) = (1/27) / (55/9)
  BOOST_TEST(test::rationals(*run.values.back())(1, 3) == q("27/55"));  // 3^4 / (3 * 1 + 2 * 3^4) = 81 / 165
}

BOOST_AUTO_TEST_SUITE_END()
