// Student sheets: the answers of one student to every step of a case, read from JSON Lines
// (`{"id": "...", "answers": {STEP: matrix | {label: vector} | {"r,c": value}}}`) or from a
// long CSV (`id,step,cell,value`). Answers are kept as their source text; a JSON number is
// read from its text, never through a double.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "handcheck/grade/key.hpp"

namespace handcheck {

struct Answer {
  enum class Kind : std::uint8_t { blank, value, invalid };
  Kind kind = Kind::blank;
  std::string text;  // value: the number as written; invalid: what was written
};

struct Sheet {
  std::string id;
  SourceLoc where;                  // the sheet's line (its first row in a CSV)
  std::vector<Answer> answers;      // one per cell of the key, in key order
  std::vector<std::string> notes;   // answers that could not be placed (unknown step or cell, ...)
};

// Reads sheets against a key (which places every answer in a cell). Blank lines are skipped;
// null, "" and "?" are blank answers; a value that is not a number (a word, true, a list where
// a number belongs) is an invalid answer. A line that is not a sheet, a sheet without an id
// and an id given twice are errors (handcheck::Error with the file and line).
std::vector<Sheet> read_sheets_jsonl(std::string_view text, const std::string& name, const AnswerKey& key);
std::vector<Sheet> read_sheets_csv(std::string_view text, const std::string& name, const AnswerKey& key);
// By extension: .csv is CSV, anything else JSON Lines; "-" reads standard input.
std::vector<Sheet> read_sheets_file(const std::string& path, const AnswerKey& key);

// Throws Error when two sheets have the same id (sheets read from several files).
void check_sheet_ids(const std::vector<Sheet>& sheets);

// One sheet from a JSON object (the parsed form of a JSON Lines line), for callers that build
// sheets in memory. Throws Error as above.
Sheet read_sheet_json(std::string_view json_text, const SourceLoc& where, const AnswerKey& key);

}  // namespace handcheck
