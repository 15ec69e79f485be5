// Student sheets from outside: any bytes as a JSON Lines file and as a long CSV, read against
// the key of a small case with an exact step, a softmax that reaches -inf and a rounded step,
// then graded and written as a gradebook. Each gives sheets whose grades add up to the key's
// cells, or an Error with a line and a column whose message is UTF-8 without control
// characters. A gradebook cell never starts with a character a spreadsheet runs as a formula.
#include <string>
#include <vector>

#include "fuzz_common.hpp"
#include "handcheck/grade/grade.hpp"
#include "handcheck/grade/sheet.hpp"
#include "handcheck/model/loader.hpp"
#include "handcheck/numbers/literal.hpp"
#include "handcheck/printable.hpp"
#include "handcheck/render/grades.hpp"

namespace {

constexpr const char* kCase = R"(format: handcheck/1
inputs:
  X: {value: [[1, 2], [-inf, 4]], columns: x, rows: [r1, r2]}
steps:
  - name: S
    do: X * 2
    columns: s
  - name: A
    do: softmax_cols(S)
    digits: 30
  - name: R
    do: round(A, 2)
)";

void check_error(const handcheck::Error& e) {
  using namespace handcheck;
  std::string what = e.what();
  if (e.where().line == 0 || e.where().column == 0) fuzz::fail("no line and column: " + printable(what));
  if (!fuzz::valid_utf8(what)) fuzz::fail("message is not UTF-8");
  if (printable(what, false) != what) fuzz::fail("message holds a control character: " + printable(what));
}

// The fields of a CSV text (RFC 4180 quoting), unquoted.
std::vector<std::string> csv_fields(std::string_view csv) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    char c = csv[i];
    if (quoted && c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == ',' || c == '\n')) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

void check_sheets(const std::vector<handcheck::Sheet>& sheets, const handcheck::Grader& grader) {
  using namespace handcheck;
  const std::size_t cells = grader.key().cells().size();
  std::vector<SheetGrade> grades = grader.grade(sheets);
  for (const SheetGrade& g : grades) {
    if (g.cells.size() != cells) fuzz::fail("a grade per cell");
    if (g.ok + g.carried + g.erratum + g.blank + g.invalid + g.undecided != cells) fuzz::fail("counts do not add up");
    if (g.score < 0 || g.score > 1) fuzz::fail("score outside [0, 1]");
  }
  std::string book = render_gradebook_csv(GradeRun{grader.key(), sheets, grades, Rational(1)});
  if (!fuzz::valid_utf8(book)) fuzz::fail("gradebook is not UTF-8");
  for (const std::string& field : csv_fields(book)) {
    if (field.empty() || std::string_view("=+-@\t\r").find(field[0]) == std::string_view::npos) continue;
    try {
      parse_literal(field);
    } catch (const DomainError&) {
      fuzz::fail("gradebook field runs as a formula: " + printable(field));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace handcheck;
  static const AnswerKey key(std::make_shared<Case>(load_case_text(kCase, "sheets.yaml")));
  static const Grader grader(key, GradeOptions{.threads = 1});
  std::string_view text = fuzz::text_of(data, size);
  try {
    check_sheets(read_sheets_jsonl(text, "sheets.jsonl", key), grader);
  } catch (const Error& e) {
    check_error(e);
  }
  try {
    check_sheets(read_sheets_csv(text, "sheets.csv", key), grader);
  } catch (const Error& e) {
    check_error(e);
  }
  return 0;
}
