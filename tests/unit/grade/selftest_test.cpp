#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "handcheck/grade/selftest.hpp"
#include "handcheck/render/grades.hpp"
#include "seed_sheets.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::q;
using handcheck::test::seed_cell;
using handcheck::test::seed_key;

namespace {

AnswerKey key_of(const std::string& yaml) { return AnswerKey(std::make_shared<Case>(load_case_text(yaml, "k.yaml"))); }

const std::string kRoot = R"(format: handcheck/1
follows: exact
digits: 10
inputs:
  x: [[2, 4]]
steps:
  - name: r
    do: sqrt(x)
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(grade_selftest)

BOOST_AUTO_TEST_CASE(correct_answers_as_a_student_writes_them) {
  // Hand values are rationals: written exactly.
  BOOST_TEST(*correct_answer(seed_key(), seed_cell("Q", "q2[3]")) == "2");  // WQ x2: 0 + 1 + 1
  BOOST_TEST(*correct_answer(seed_key(), seed_cell("A", "q1[1]")) == "3/10");
  BOOST_TEST(*correct_answer(seed_key(), seed_cell("C", "q2[1]")) == "42");
  BOOST_TEST(*correct_answer(seed_key(), seed_cell("Z", "z1[1]")) == "8/5");  // 1(3/10) + 2(3/10) + 2(3/10) + 1(1/10)
  // An exact step: a rational stays one, sqrt(2) is written in certified digits.
  AnswerKey roots = key_of(kRoot);
  BOOST_TEST(*correct_answer(roots, 1) == "2");
  BOOST_TEST(correct_answer(roots, 0)->starts_with("1.41421356"));  // sqrt(2) = 1.41421356237...
  // Under compare: exact no decimal is right for sqrt(2); under sigfig, its figures.
  AnswerKey exact = key_of(test::replace_once(kRoot, "    do: sqrt(x)\n", "    do: sqrt(x)\n    compare: exact\n"));
  BOOST_TEST(!correct_answer(exact, 0).has_value());
  BOOST_TEST(*correct_answer(exact, 1) == "2");
  AnswerKey sigfig = key_of(test::replace_once(kRoot, "    do: sqrt(x)\n", "    do: sqrt(x)\n    compare: sigfig:3\n"));
  BOOST_TEST(*correct_answer(sigfig, 0) == "1.41");
  BOOST_TEST(*correct_answer(sigfig, 1) == "2.00");
}

// The sum of 1/p over the first 400 primes is a fraction of about 2 300 digits, longer than a
// graded answer may be (1 000 characters): no sheet can hold it, so selftest leaves it blank
// instead of failing on its own sheet.
BOOST_AUTO_TEST_CASE(an_answer_no_sheet_can_hold_is_left_blank) {
  std::string fractions;
  int found = 0;
  for (long n = 2; found < 400; ++n) {
    bool prime = true;
    for (long d = 2; d * d <= n && prime; ++d) prime = n % d != 0;
    if (prime) fractions += fmt::format("{}\"1/{}\"", found++ ? ", " : "", n);
  }
  AnswerKey key = key_of("format: handcheck/1\ninputs:\n  X: [[" + fractions +
                         "]]\nsteps:\n  - name: h\n    do: X * 2\n  - name: T\n    do: sum(X)\n");
  BOOST_TEST(!correct_answer(key, key.cells().size() - 1).has_value());
  BOOST_TEST(*correct_answer(key, 0) == "1");  // 2 * 1/2
  SelftestReport r = selftest(key);
  BOOST_TEST(r.failures() == 0u, render_selftest_text(r));
}

BOOST_AUTO_TEST_CASE(the_faulty_comparison_accepts_a_whole_unit) {
  CompareMode printed;
  // 2/3 printed to 2 decimals is 0.67; 0.66 is off by 1/150, within a unit (1/100) but not half of one.
  BOOST_TEST(faulty_compare(printed, parse_literal("0.66"), q("2/3")));
  BOOST_TEST(faulty_compare(printed, parse_literal("0.67"), q("2/3")));
  BOOST_TEST(!faulty_compare(printed, parse_literal("0.68"), q("2/3")));  // off by 1/75
  BOOST_TEST(faulty_compare(printed, parse_literal("3"), q("2")));
  BOOST_TEST(!faulty_compare(printed, parse_literal("4"), q("2")));
  BOOST_TEST(faulty_compare(printed, parse_literal("0.01"), q("0")));
}

BOOST_AUTO_TEST_CASE(selftest_passes_and_catches_a_broken_comparison) {
  SelftestReport ok = selftest(seed_key());
  BOOST_TEST(ok.failures() == 0u, render_selftest_text(ok));
  BOOST_TEST(ok.checks.size() > 20u);
  SelftestOptions broken;
  broken.grading.compare = &faulty_compare;
  BOOST_TEST(selftest(seed_key(), broken).failures() > 0u);
}

BOOST_AUTO_TEST_CASE(a_case_of_many_steps_is_refused_before_its_sheets_are_graded) {
  // 400 one-cell steps: the correct sheet and one slip a step are 401 sheets of 400 cells
  // (160 400 graded cells), over a budget of 100 000. 150 steps grade 302 sheets (the correct
  // one, a slip and a 2-decimal sheet a step, all steps at 2 decimals): 45 300 cells.
  auto chain = [](int n) {
    std::string yaml = "format: handcheck/1\ninputs:\n  x0: 1\nsteps:\n";
    for (int i = 1; i <= n; ++i) yaml += fmt::format("  - name: x{}\n    do: x{} + 1\n", i, i - 1);
    return key_of(yaml);
  };
  SelftestOptions options;
  options.max_graded_cells = 100000;
  try {
    selftest(chain(400), options);
    BOOST_FAIL("not refused");
  } catch (const Error& e) {
    BOOST_TEST(to_string(e.id()) == "limit.work");
    BOOST_TEST(e.where().file == "k.yaml");
    BOOST_TEST(std::string(e.what()).find("400 cells in 400 steps grades more than 100000 cells") != std::string::npos);
  }
  BOOST_TEST(selftest(chain(150), options).checks.size() == 302u);
}

// A step whose values printed to 2 decimals are longer than grading reads (3^3000 / 7 has 1 432
// digits) is left as it is on the 2-decimal sheets: those checks failed on a valid case.
BOOST_AUTO_TEST_CASE(no_sheet_holds_an_answer_longer_than_grading_reads) {
  AnswerKey key = key_of("format: handcheck/1\nsteps:\n  - name: A\n    do: 3 ^ 3000 / 7 + ones(1, 2)\n  - name: B\n    do: A / A\n");
  SelftestReport report = selftest(key);
  BOOST_TEST(report.failures() == 0u, render_selftest_text(report));
}

BOOST_AUTO_TEST_CASE(a_last_digit_slip_on_operands_printed_coarser) {
  // r = sqrt(5) = 2.2360679775... printed 2.24; s = r / 3 = 0.74535599250... printed 0.745356.
  // A slip to 0.745357 lies in what the printed 2.24 allows ([0.7453559925, 0.7466667]), so a
  // sheet printing r as the worksheet does grades it ok, rightly; the slip is tried with r blank.
  AnswerKey key = key_of(R"(format: handcheck/1
follows: exact
inputs:
  x: [[5]]
steps:
  - name: r
    do: sqrt(x)
    stated: [[2.24]]
  - name: s
    do: r / 3
    stated: [[0.745356]]
)");
  SelftestReport r = selftest(key);
  BOOST_TEST(r.failures() == 0u, render_selftest_text(r));
  std::size_t slips = 0;
  for (const auto& c : r.checks)
    if (c.name.starts_with("last-digit slip: s ")) {
      ++slips;
      BOOST_TEST(c.name == "last-digit slip: s s[1,1] = 0.745357 (printed 0.745356; blank: r)");
      BOOST_TEST(c.passed());
    }
  BOOST_TEST(slips == 1u);
}

BOOST_AUTO_TEST_CASE(checks_of_the_seed) {
  SelftestOptions options;
  options.cells_per_step = 1;
  options.boundary_cells = 0;
  SelftestReport r = selftest(seed_key(), options);
  BOOST_REQUIRE(!r.checks.empty());
  BOOST_TEST(r.checks[0].name == "correct sheet");
  BOOST_TEST(r.checks[0].intended == "every answered cell ok");
  BOOST_TEST(r.checks[0].passed());
  std::size_t slips = 0;
  for (const auto& c : r.checks) slips += c.name.starts_with("single slip: ");
  BOOST_TEST(slips <= seed_key().steps().size());  // at most one per step
  BOOST_TEST(slips > 0u);
  BOOST_TEST(r.failures() == 0u);
  SelftestReport none;
  BOOST_TEST(none.failures() == 0u);
  none.checks.push_back({"a", "b", {"c"}});
  none.checks.push_back({"d", "e", {}});
  BOOST_TEST(none.failures() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
