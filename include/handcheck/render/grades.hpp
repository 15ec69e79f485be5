// The outputs of `grade` and `selftest`: gradebook, long and wide CSV, JSON, Gradescope's
// results.json, the class analysis, the self-test report. Scores are exact until printed here.
#pragma once

#include <string>
#include <vector>

#include "handcheck/grade/grade.hpp"
#include "handcheck/grade/selftest.hpp"
#include "handcheck/grade/summary.hpp"

namespace handcheck {

struct GradeRun {
  const AnswerKey& key;
  const std::vector<Sheet>& sheets;
  const std::vector<SheetGrade>& grades;
  Rational carried_credit;
};

// id,cells,ok,carried,erratum,blank,invalid,score — one row per sheet.
std::string render_gradebook_csv(const GradeRun& run);
// id,step,cell,stated,expected,expected_decimal,verdict,slip — one row per sheet and cell.
std::string render_grades_long_csv(const GradeRun& run);
// id,score and one column per step cell holding its verdict — one row per sheet.
std::string render_grades_wide_csv(const GradeRun& run);
// {"handcheck": "grades/1", ...}: every sheet with its counts, score and the cells not ok.
std::string render_grades_json(const GradeRun& run);
// Gradescope's results.json for one sheet: a test per step worth its cells.
std::string render_gradescope(const GradeRun& run, std::size_t sheet);

std::string render_summary_text(const AnswerKey& key, const ClassSummary& s);
std::string render_summary_json(const AnswerKey& key, const ClassSummary& s);
std::string render_summary_csv(const AnswerKey& key, const ClassSummary& s);
// The key warnings alone, one line each (for stderr).
std::string render_key_warnings(const AnswerKey& key, const ClassSummary& s);

std::string render_selftest_text(const SelftestReport& r);

}  // namespace handcheck
