#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>

#include "handcheck/grade/grade.hpp"
#include "handcheck/grade/selftest.hpp"
#include "handcheck/grade/summary.hpp"
#include "handcheck/render/grades.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::q;
using handcheck::test::source_path;

namespace {

const AnswerKey& seed_key() {
  static AnswerKey key(std::make_shared<Case>(load_case_file(source_path("cases/self-attention-6-3.yaml"))));
  return key;
}

std::size_t at(const std::string& step, const std::string& cell) {
  const AnswerKey& key = seed_key();
  auto s = key.find_step(step);
  BOOST_REQUIRE(s);
  auto c = key.find_cell(*s, cell);
  BOOST_REQUIRE_MESSAGE(c, step + " " + cell);
  return *c;
}

Sheet correct_sheet(const std::string& id = "right") {
  Sheet s;
  s.id = id;
  s.answers = Answers(seed_key().cells().size());
  for (std::size_t i = 0; i < seed_key().cells().size(); ++i)
    s.answers.set(i, Answer::Kind::value, *correct_answer(seed_key(), i));
  return s;
}

// The colsum slip of cases/slips/self-attention-colsum-slip.yaml: C q2 = 40, A and Z carried on.
Sheet colsum_slip_sheet() {
  Sheet s = correct_sheet("colsum");
  s.answers.set(at("C", "q2[1]"), Answer::Kind::value, "40");
  const char* a[] = {"9/40", "3/40", "27/40", "3/40"};
  const char* z[] = {"1.80", "1.20", "0.45"};
  for (int k = 0; k < 4; ++k) s.answers.set(at("A", "q2[" + std::to_string(k + 1) + "]"), Answer::Kind::value, a[k]);
  for (int k = 0; k < 3; ++k) s.answers.set(at("Z", "z2[" + std::to_string(k + 1) + "]"), Answer::Kind::value, z[k]);
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(grade)

BOOST_AUTO_TEST_CASE(audit_stated_without_sheet_is_audit_case) {
  auto c = std::make_shared<Case>(load_case_file(source_path("cases/slips/self-attention-colsum-slip.yaml")));
  CaseAudit whole = audit_case(c);
  CaseAudit shared = audit_stated(*c, *whole.hand, *whole.exact);
  BOOST_TEST(shared.stated == whole.stated);
  BOOST_TEST(shared.erratum == whole.erratum);
  BOOST_TEST(shared.carried == whole.carried);
  BOOST_TEST((shared.status == whole.status));
  BOOST_TEST(!shared.kase);
}

BOOST_AUTO_TEST_CASE(key_cells_and_addresses) {
  const AnswerKey& key = seed_key();
  BOOST_TEST(key.cells().size() == 116u);  // every cell of every step
  std::size_t q = at("Q", "q2[3]");
  BOOST_TEST(key.cells()[q].expected == "2");
  BOOST_TEST(*key.find_cell(*key.find_step("Q"), "3,2") == q);
  BOOST_TEST(*key.find_cell(*key.find_step("Q"), "Q[3,2]") == q);
  BOOST_TEST(!key.find_cell(*key.find_step("Q"), "4,1"));
  BOOST_TEST(!key.find_step("X"));  // an input is not graded
  BOOST_TEST(key.cells()[at("A", "q1[1]")].expected_decimal == "0.3");
  BOOST_TEST(key.cells()[at("A", "q2[1]")].expected_decimal == "0.214286");
}

// Six decimals would print 3^-20 = 2.86797e-10 and -3/59999999 as 0, beside students who wrote 0.
BOOST_AUTO_TEST_CASE(a_small_key_value_is_never_shown_as_zero) {
  AnswerKey key(std::make_shared<Case>(load_case_text(R"(format: handcheck/1
inputs:
  x: [[-20, 0, 1]]
steps:
  - name: a
    hand: 3 ^ x
    exact: 3 ^ x
  - name: b
    do: -3 / 59999999 + x * 0
  - name: c
    do: x * 0
)", "k.yaml")));
  BOOST_TEST(key.cells()[0].expected_decimal == "2.86797e-10");
  BOOST_TEST(key.cells()[1].expected_decimal == "1");
  BOOST_TEST(key.cells()[3].expected_decimal == "-5.00000e-8");
  BOOST_TEST(key.cells()[6].expected_decimal == "0");
}

BOOST_AUTO_TEST_CASE(correct_blank_and_invalid) {
  Grader grader(seed_key());
  SheetGrade g = grader.grade(correct_sheet());
  BOOST_TEST(g.ok == 116u);
  BOOST_TEST(g.score == Rational(1));
  Sheet s = correct_sheet();
  s.answers.set(at("Q", "q1[1]"), Answer::Kind::blank);
  s.answers.set(at("Q", "q1[2]"), Answer::Kind::value, "one");
  s.answers.set(at("Q", "q1[3]"), Answer::Kind::invalid, "true");
  g = grader.grade(s);
  BOOST_TEST(g.blank == 1u);
  BOOST_TEST(g.invalid == 2u);
  BOOST_TEST(g.score == Rational(113, 116));
}

BOOST_AUTO_TEST_CASE(follow_through_matches_check) {
  GradeOptions options;
  options.carried_credit = q("1/2");
  Grader grader(seed_key(), options);
  SheetGrade g = grader.grade(colsum_slip_sheet());
  BOOST_TEST(g.erratum == 1u);
  BOOST_TEST(g.carried == 7u);
  BOOST_TEST((g.cells[at("C", "q2[1]")].grade == Grade::erratum));
  BOOST_TEST((g.cells[at("Z", "z2[3]")].grade == Grade::carried));
  BOOST_TEST(g.score == (Rational(108) + Rational(7, 2)) / 116);
  // The same as check says of the worksheet with these numbers printed.
  CaseAudit check = audit_case(std::make_shared<Case>(load_case_file(source_path("cases/slips/self-attention-colsum-slip.yaml"))));
  BOOST_TEST(check.erratum == g.erratum);
  BOOST_TEST(check.carried == g.carried);
}

// The key skips a step its pipeline stops before (log of 0), but the case file's own stated
// value of that step is audited with each sheet: its cells have no place among the key's (they
// were looked up at index -1, a read before the key's steps that crashed grade and selftest).
BOOST_AUTO_TEST_CASE(a_skipped_step_stated_in_the_case_is_not_graded) {
  AnswerKey key(std::make_shared<Case>(load_case_text("format: handcheck/1\ninputs:\n  x: 2\nsteps:\n"
                                                      "  - name: p\n    do: x * 2\n"
                                                      "  - name: r\n    do: log(2 - sqrt(2) * sqrt(2))\n    stated: 1\n",
                                                      "skipped.yaml")));
  BOOST_TEST(key.skipped().size() == 1u);
  BOOST_REQUIRE(key.cells().size() == 1u);
  Sheet s;
  s.id = "a";
  s.answers = Answers(1);
  s.answers.set(0, Answer::Kind::value, "5");
  SheetGrade g = Grader(key).grade(s);
  BOOST_TEST(g.cells.size() == 1u);
  BOOST_TEST((g.cells[0].grade == Grade::erratum));
  BOOST_TEST(g.erratum == 1u);
  BOOST_TEST(g.ok + g.carried + g.undecided == 0u);
  BOOST_TEST(g.score == Rational(0));
  BOOST_TEST(selftest(key).failures() == 0u);
}

BOOST_AUTO_TEST_CASE(quick_acceptance_agrees_with_the_audit) {
  Grader grader(seed_key());
  std::vector<Sheet> sheets{correct_sheet(), colsum_slip_sheet()};
  for (std::size_t i = 0; i < seed_key().cells().size(); i += 7) {
    Sheet s = correct_sheet("wrong" + std::to_string(i));
    s.answers.set(i, Answer::Kind::value, to_fraction_string(parse_literal(s.answers[i].text).value + 1));
    sheets.push_back(s);
  }
  auto grades = grader.grade(sheets);
  for (std::size_t k = 0; k < sheets.size(); ++k) {
    CaseAudit a = grader.audit(sheets[k]);
    std::size_t stated = 0;
    for (const auto& sa : a.steps) {
      const KeyStep& step = *std::find_if(seed_key().steps().begin(), seed_key().steps().end(),
                                          [&](const KeyStep& st) { return st.item == sa.item; });
      for (const auto& cell : sa.cells) {
        ++stated;
        BOOST_TEST(to_string(grades[k].cells[step.first + cell.row * step.shape.cols + cell.col].grade) ==
                   to_string(cell.verdict));
      }
    }
    BOOST_TEST(stated == 116u);
  }
}

BOOST_AUTO_TEST_CASE(identical_sheets_reuse_grades) {
  GradeOptions reuse, fresh;
  fresh.reuse_identical = false;
  std::vector<Sheet> sheets(50, colsum_slip_sheet());
  for (std::size_t i = 0; i < sheets.size(); ++i) sheets[i].id = std::to_string(i);
  auto a = Grader(seed_key(), reuse).grade(sheets);
  auto b = Grader(seed_key(), fresh).grade(sheets);
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    BOOST_TEST(a[i].score == b[i].score);
    BOOST_TEST(a[i].carried == 7u);
  }
}

// A vector answer named by a row and a column of its step alike is not placed either way.
BOOST_AUTO_TEST_CASE(a_vector_named_by_a_row_and_a_column_is_not_guessed) {
  AnswerKey key(std::make_shared<Case>(load_case_text(R"(format: handcheck/1
inputs:
  M: [[1, 2, 3], [3, 4, 5]]
steps:
  - name: A
    do: M
    rows: [a, b]
    columns: [a, b, c]
)", "k.yaml")));
  auto s = key.find_step("A");
  BOOST_REQUIRE(s);
  BOOST_TEST(key.find_vector(*s, "a").empty());
  BOOST_TEST(key.find_vector(*s, "c").size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

// A class streamed a batch at a time gives what it gives in one piece: the same sheets, grades,
// gradebooks in every format (written piece by piece) and class analysis.
BOOST_AUTO_TEST_CASE(streamed_class_is_the_class_in_one_piece) {
  const AnswerKey& key = seed_key();
  std::string lines;
  std::vector<std::string> variants = {R"("Q": {"q2[3]": 1})", R"("C": [[10, 40, 24, 66]])",
                                       R"("S_scaled": {"1,1": 2}, "Z": {"1,1": "=1"})", R"("A": {"1,1": "3/10"})", ""};
  for (int i = 0; i < 23; ++i)
    lines += fmt::format("{{\"id\": \"s{}\", \"answers\": {{{}}}}}\n", i, variants[static_cast<std::size_t>(i) % variants.size()]);
  auto path = std::filesystem::temp_directory_path() / "handcheck-stream-test.jsonl";
  { std::ofstream(path) << lines; }
  std::vector<Sheet> whole = read_sheets_jsonl(lines, path.string(), key);
  Grader grader(key);
  std::vector<SheetGrade> grades = grader.grade(whole);
  GradeRun run{key, whole, grades, Rational(1, 2)};
  for (GradesFormat f : {GradesFormat::csv, GradesFormat::long_csv, GradesFormat::wide_csv, GradesFormat::json}) {
    std::string one = f == GradesFormat::csv        ? render_gradebook_csv(run)
                      : f == GradesFormat::long_csv ? render_grades_long_csv(run)
                      : f == GradesFormat::wide_csv ? render_grades_wide_csv(run)
                                                    : render_grades_json(run);
    SheetStream in(path.string(), key, 2);
    GradesWriter w(f, key, Rational(1, 2));
    Grader streamed(key);
    ClassTally tally(key);
    std::string out;
    w.head(out);
    std::vector<Sheet> batch;
    std::vector<SheetGrade> g;
    std::size_t n = 0;
    while (in.next(batch, 4)) {
      streamed.grade(batch, g);
      for (std::size_t i = 0; i < batch.size(); ++i, ++n) {
        BOOST_TEST(batch[i].id == whole[n].id);
        BOOST_TEST(batch[i].where.line == n + 1);
        BOOST_TEST(g[i].score == grades[n].score);
      }
      tally.add(batch, g);
      w.rows(batch, g, out);
    }
    w.tail(out);
    BOOST_TEST(n == whole.size());
    BOOST_TEST(out == one);
    // JSON grades are one document, laid out as nlohmann's dump(2) lays it out.
    if (f == GradesFormat::json) BOOST_TEST(nlohmann::ordered_json::parse(out).dump(2) + "\n" == out);
    ClassSummary a = summarise(key, whole, grades), b = tally.summary();
    BOOST_TEST(render_summary_json(key, a) == render_summary_json(key, b));
  }
  std::filesystem::remove(path);
}
