// The outputs of `grade` and `selftest`: gradebook, long and wide CSV, JSON, Gradescope's
// results.json, the class analysis, the self-test report. Scores are exact until printed here.
#pragma once

#include <map>
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

enum class GradesFormat { csv, long_csv, wide_csv, json };

// The grades of a class written as its sheets stream: head(), rows() for each batch in order,
// then tail(). Joined, the pieces are the render_* text of the whole class, byte for byte.
class GradesWriter {
 public:
  GradesWriter(GradesFormat format, const AnswerKey& key, Rational carried_credit);
  void head(std::string& out);
  void rows(const std::vector<Sheet>& sheets, const std::vector<SheetGrade>& grades, std::string& out);
  void tail(std::string& out);

 private:
  const std::string& score_text(const Rational& score);
  void long_rows(const Sheet& sheet, const SheetGrade& grade, std::string& out);
  void json_row(const Sheet& sheet, const SheetGrade& grade, std::string& out);
  GradesFormat format_;
  const AnswerKey& key_;
  Rational carried_credit_;
  bool first_ = true;
  std::map<Rational, std::string> scores_;  // a class has few distinct scores
};

// id,cells,ok,carried,erratum,blank,invalid,score — one row per sheet. Ids and answers that
// a spreadsheet would run as formulas start with ' (see csv_text in grades.cpp).
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
