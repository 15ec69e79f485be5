#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "handcheck/render/grades.hpp"
#include "seed_sheets.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::seed_key;

namespace {

// Y = 2x = [[2, 4], [6, 8]], Z = Y + 1 = [[3, 5], [7, 9]]: eight cells, Y's row by row, then Z's.
const AnswerKey& tiny_key() {
  static AnswerKey key(std::make_shared<Case>(load_case_text(R"(format: handcheck/1
title: tiny
inputs:
  x: [[1, 2], [3, 4]]
steps:
  - name: Y
    do: x * 2
    columns: y
  - name: Z
    do: Y + 1
)",
                                                              "tiny.yaml")));
  return key;
}

Sheet sheet(const std::string& id, const std::vector<std::string>& answers) {
  Sheet s;
  s.id = id;
  s.answers = Answers(tiny_key().cells().size());
  for (std::size_t i = 0; i < answers.size(); ++i)
    if (!answers[i].empty()) s.answers.set(i, Answer::Kind::value, answers[i]);
  return s;
}

// Right; one slip (Y y2[1] = 5) that Z does not use; the same slip carried into Z (5 + 1 = 6);
// blank; an answer that is no number, under an id a spreadsheet would run as a formula.
struct TinyClass {
  std::vector<Sheet> sheets{sheet("right", {"2", "4", "6", "8", "3", "5", "7", "9"}),
                            sheet("slip", {"2", "5", "6", "8", "3", "5", "7", "9"}),
                            sheet("carry", {"2", "5", "6", "8", "3", "6", "7", "9"}),
                            sheet("blank", {}),
                            sheet("=cmd", {"abc", "4", "6", "8", "3", "5", "7", "9"})};
  std::vector<SheetGrade> grades = Grader(tiny_key(), GradeOptions{Rational(1, 2)}).grade(sheets);
  GradeRun run{tiny_key(), sheets, grades, Rational(1, 2)};
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(render_grades, TinyClass)

BOOST_AUTO_TEST_CASE(gradebook) {
  // Scores (ok + carried / 2) / 8: 8/8, 7/8, 6.5/8, 0, 7/8.
  BOOST_TEST(render_gradebook_csv(run) ==
             "id,cells,ok,carried,erratum,blank,invalid,score\n"
             "right,8,8,0,0,0,0,1\n"
             "slip,8,7,0,1,0,0,0.875\n"
             "carry,8,6,1,1,0,0,0.8125\n"
             "blank,8,0,0,0,8,0,0\n"
             "'=cmd,8,7,0,0,0,1,0.875\n");
}

BOOST_AUTO_TEST_CASE(wide_and_long_csv) {
  std::string wide = render_grades_wide_csv(run);
  // A label with a comma is quoted, as CSV quotes any field holding one.
  BOOST_TEST(wide.find("id,score,Y y1[1],Y y2[1],Y y1[2],Y y2[2],\"Z Z[1,1]\",\"Z Z[1,2]\",\"Z Z[2,1]\",\"Z Z[2,2]\"\n") ==
             0u);
  BOOST_TEST(wide.find("\ncarry,0.8125,ok,erratum,ok,ok,ok,carried,ok,ok\n") != std::string::npos);
  BOOST_TEST(wide.find("\nblank,0,blank,blank,blank,blank,blank,blank,blank,blank\n") != std::string::npos);
  std::string long_csv = render_grades_long_csv(run);
  BOOST_TEST(long_csv.find("id,step,cell,stated,expected,expected_decimal,verdict,slip\n") == 0u);
  BOOST_TEST(long_csv.find("\nright,Y,y1[1],2,2,2,ok,\n") != std::string::npos);
  BOOST_TEST(long_csv.find("\ncarry,Z,\"Z[1,2]\",6,5,5,carried,\n") != std::string::npos);
  BOOST_TEST(long_csv.find("\ncarry,Y,y2[1],5,4,4,erratum,") != std::string::npos);
  BOOST_TEST(long_csv.find("\n'=cmd,Y,y1[1],abc,2,2,invalid,") != std::string::npos);
  // A line per sheet and cell, and the header.
  BOOST_TEST(std::count(long_csv.begin(), long_csv.end(), '\n') == 5 * 8 + 1);
}

// An id or an answer with a right-to-left override, an isolate or a line separator (and no
// other control character) is shown as every text output shows it, not raw.
BOOST_AUTO_TEST_CASE(bidi_controls_are_written_visibly) {
  std::vector<Sheet> sheets{sheet("x\u202Ey", {"9\u2066", "4", "6", "8", "3", "5", "7", "9\u2028"})};
  std::vector<SheetGrade> grades = Grader(tiny_key(), GradeOptions{Rational(1, 2)}).grade(sheets);
  GradeRun bidi{tiny_key(), sheets, grades, Rational(1, 2)};
  BOOST_TEST(render_gradebook_csv(bidi).find("\nx[U+202E]y,8,") != std::string::npos);
  std::string long_csv = render_grades_long_csv(bidi);
  BOOST_TEST(long_csv.find("\nx[U+202E]y,Y,y1[1],9[U+2066],") != std::string::npos);
  BOOST_TEST(long_csv.find("9[U+2028]") != std::string::npos);
  BOOST_TEST(long_csv.find("\u202E") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(grades_json) {
  auto j = nlohmann::ordered_json::parse(render_grades_json(run));
  BOOST_TEST(j["handcheck"] == "grades/1");
  BOOST_TEST(j["case"] == "tiny.yaml");
  BOOST_TEST(j["carried_credit"] == "1/2");
  BOOST_TEST(j["cells"] == 8);
  BOOST_REQUIRE_EQUAL(j["sheets"].size(), 5u);
  const auto& carry = j["sheets"][2];
  BOOST_TEST(carry["id"] == "carry");
  BOOST_TEST(carry["score"] == "13/16");
  BOOST_TEST(carry["score_decimal"] == "0.8125");
  BOOST_TEST(carry["carried"] == 1);
  BOOST_TEST(j["sheets"][4]["id"] == "=cmd");  // JSON needs no formula guard
}

BOOST_AUTO_TEST_CASE(gradescope_of_one_sheet) {
  auto j = nlohmann::json::parse(render_gradescope(run, 2));
  BOOST_TEST(j["score"].dump() == "6.5");
  BOOST_REQUIRE_EQUAL(j["tests"].size(), 2u);
  BOOST_TEST(j["tests"][0]["name"] == "Y");
  BOOST_TEST(j["tests"][0]["score"].dump() == "3");
  BOOST_TEST(j["tests"][0]["max_score"] == 4);
  BOOST_TEST(j["tests"][1]["score"].dump() == "3.5");
  BOOST_TEST(j["tests"][1]["output"] == "Z[1,2]: 6, expected 5 (carried)\n");
  BOOST_TEST(j["output"].get<std::string>().find("carry: 6 of 8 cells ok, 1 carried; score 0.8125\n") == 0u);
  auto right = nlohmann::json::parse(render_gradescope(run, 0));
  BOOST_TEST(right["score"].dump() == "8");
  BOOST_TEST(right["tests"][0]["output"] == "all correct");
}

BOOST_AUTO_TEST_CASE(selftest_text) {
  SelftestReport r;
  r.file = "k.yaml";
  r.checks.push_back({"correct sheet", "every answered cell ok", {}});
  r.checks.push_back({"single slip: Y y2[1] = 5", "erratum at Y y2[1]", {"Y y2[1] = 5: graded ok, intended erratum"}});
  BOOST_TEST(render_selftest_text(r) ==
             "selftest k.yaml\n"
             "  pass correct sheet — intended: every answered cell ok\n"
             "  FAIL single slip: Y y2[1] = 5 — intended: erratum at Y y2[1]\n"
             "       Y y2[1] = 5: graded ok, intended erratum\n"
             "2 checks, 1 passed, 1 failed\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(render_grades_seed)

BOOST_AUTO_TEST_CASE(gradescope_results) {
  std::vector<Sheet> sheets{test::seed_colsum_slip_sheet()};
  Grader grader(seed_key());
  auto grades = grader.grade(sheets);
  auto j = nlohmann::json::parse(render_gradescope({seed_key(), sheets, grades, Rational(1)}, 0));
  BOOST_TEST(j["tests"].size() == seed_key().steps().size());
  BOOST_TEST(j["score"].dump() == "115");  // 108 ok + 7 carried at full credit
  BOOST_TEST(j["tests"][6]["name"] == "C");
  BOOST_TEST(j["tests"][6]["score"].dump() == "3");
  BOOST_TEST(j["tests"][6]["max_score"] == 4);
}

BOOST_AUTO_TEST_SUITE_END()
