#include "handcheck/grade/summary.hpp"
#include "handcheck/render/grades.hpp"
#include "seed_sheets.hpp"

using namespace handcheck;
using handcheck::test::seed_key;

namespace {

std::size_t at(const std::string& step, const std::string& cell) { return test::seed_cell(step, cell); }

Sheet correct_sheet(const std::string& id) { return test::seed_correct_sheet(id); }

}  // namespace

BOOST_AUTO_TEST_SUITE(grade_summary)

BOOST_AUTO_TEST_CASE(class_that_disagrees_with_the_key) {
  std::vector<Sheet> sheets;
  for (int i = 0; i < 10; ++i) {
    Sheet s = correct_sheet(std::to_string(i));
    if (i < 7) s.answers.set(at("Q", "q2[3]"), Answer::Kind::value, "1");
    sheets.push_back(s);
  }
  Grader grader(seed_key());
  auto grades = grader.grade(sheets);
  ClassSummary sum = summarise(seed_key(), sheets, grades);
  BOOST_REQUIRE(sum.warnings.size() == 1u);
  BOOST_TEST(sum.warnings[0].cell == at("Q", "q2[3]"));
  BOOST_TEST(sum.warnings[0].value.count == 7u);
  BOOST_TEST(sum.warnings[0].value.text == "1");
  const CellSummary& cs = sum.cells[at("Q", "q2[3]")];
  BOOST_TEST(cs.erratum == 7u);
  BOOST_TEST(cs.ok == 3u);
  BOOST_TEST(render_key_warnings(seed_key(), sum).find("the key itself may be wrong") != std::string::npos);
  // Half is not most.
  sheets[5].answers.set(at("Q", "q2[3]"), Answer::Kind::value, "2");
  sheets[6].answers.set(at("Q", "q2[3]"), Answer::Kind::value, "2");
  grades = grader.grade(sheets);
  BOOST_TEST(summarise(seed_key(), sheets, grades).warnings.empty());
}

// Three sheets: one right, two with Q q2[3] wrong (1 and 3 for 2), each a typo that the later
// cells do not carry: scores 1, 115/116, 115/116.
BOOST_AUTO_TEST_CASE(counts_wrong_values_and_the_mean_score) {
  std::vector<Sheet> sheets = {correct_sheet("a"), correct_sheet("b"), correct_sheet("c")};
  std::size_t cell = at("Q", "q2[3]");
  sheets[1].answers.set(cell, Answer::Kind::value, "1");
  sheets[2].answers.set(cell, Answer::Kind::value, "3");
  Grader grader(seed_key());
  auto grades = grader.grade(sheets);
  ClassSummary sum = summarise(seed_key(), sheets, grades);
  BOOST_TEST(sum.sheets == 3u);
  BOOST_TEST(sum.mean_score == Rational(173, 174));  // (1 + 2 * 115/116) / 3 = 346/348
  const CellSummary& cs = sum.cells[cell];
  BOOST_TEST(cs.ok == 1u);
  BOOST_TEST(cs.erratum == 2u);
  BOOST_REQUIRE_EQUAL(cs.wrong.size(), 2u);
  BOOST_TEST(cs.wrong[0].count == 1u);
  BOOST_TEST(cs.wrong[1].count == 1u);
  BOOST_TEST(sum.cells[at("Q", "q1[1]")].ok == 3u);
  BOOST_TEST(sum.warnings.empty());  // no value is given by more than half
  BOOST_TEST(summarise(seed_key(), sheets, grades, 1).cells[cell].wrong.size() == 1u);
  // Folded a sheet at a time, the same.
  ClassTally tally(seed_key());
  for (std::size_t i = 0; i < sheets.size(); ++i) tally.add(sheets[i], grades[i]);
  ClassSummary folded = tally.summary();
  BOOST_TEST(folded.mean_score == Rational(173, 174));
  BOOST_TEST(folded.cells[cell].erratum == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
