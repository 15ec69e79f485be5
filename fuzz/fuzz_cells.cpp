// Cell names from outside: any bytes as an `explain` CELL against a small audited case, and as
// a stated cell key ("r,c") of that case. Each gives a cell, or an Error whose message is
// UTF-8 without control characters and short (the input is quoted, not copied whole); a
// stated key also has a line and a column.
#include <memory>

#include "fuzz_common.hpp"
#include "handcheck/audit/explain.hpp"
#include "handcheck/model/loader.hpp"
#include "handcheck/printable.hpp"

namespace {

constexpr const char* kCase = R"(format: handcheck/1
inputs:
  X: {value: [[1, 2], [3, 4]], columns: x, rows: [r1, r2]}
steps:
  - name: Q
    do: X @ X
    columns: q
    stated: [[7, 11], [15, 22]]
)";

// The message of an error as a report would print it.
void check_message(const handcheck::Error& e, std::size_t input_size) {
  using namespace handcheck;
  std::string what = e.what();
  if (!fuzz::valid_utf8(what)) fuzz::fail("message is not UTF-8");
  if (printable(what, false) != what) fuzz::fail("message holds a control character: " + printable(what));
  if (what.size() > 400 && what.size() > input_size / 2 + 300) fuzz::fail("message copies the input whole");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace handcheck;
  std::string input(fuzz::text_of(data, size));
  static const CaseAudit audit = audit_case(std::make_shared<Case>(load_case_text(kCase, "cells.yaml")));

  try {
    CellExplanation e = explain_cell(audit, input);
    if (e.step != "Q" && e.step != "X") fuzz::fail("a cell of no step");
    if (e.row >= 2 || e.col >= 2) fuzz::fail("a cell outside its step");
    std::string text = render_explanation(e);
    if (printable(text) != text) fuzz::fail("explanation holds a control character");
  } catch (const Error& e) {
    check_message(e, size);
  }

  // The same bytes as a stated key, in a double-quoted YAML string.
  std::string key;
  for (char c : input) {
    if (c == '"' || c == '\\') key += '\\';
    if (c == '\n') key += "\\n";
    else key += c;
  }
  std::string text = std::string(kCase) + "  - name: R\n    do: Q\n    stated:\n      \"" + key + "\": 7\n      \"2,2\": 22\n";
  try {
    Case c = load_case_text(text, "cells.yaml");
    const Stated& s = *c.items.back().stated;
    if (s.form == Stated::Form::cells) {
      for (const auto& cell : s.cells)
        if (cell.row < 1 || cell.col < 1 || cell.row > 999999 || cell.col > 999999) fuzz::fail("a cell out of range");
      if (s.cells.size() != 2 || (s.cells[0].row == s.cells[1].row && s.cells[0].col == s.cells[1].col))
        fuzz::fail("a cell given twice was taken");
    }
  } catch (const Error& e) {
    if (e.where().line == 0 || e.where().column == 0) fuzz::fail(std::string("no line and column: ") + e.what());
    check_message(e, size);
  }
  return 0;
}
