// Student sheets: the answers of one student to every step of a case, read from JSON Lines
// (`{"id": "...", "answers": {STEP: matrix | {label: vector} | {"r,c": value}}}`) or from a
// long CSV (`id,step,cell,value`). Answers are kept as their source text; a JSON number is
// read from its text, never through a double. Text must be UTF-8 (a CSV may start with a BOM).
#pragma once

#include <cstdint>
#include <memory>
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

// One answer per cell of a key, in key order, stored compactly: a class of sheets is held in
// memory at once.
class Answers {
 public:
  explicit Answers(std::size_t cells = 0) : slots_(cells) { texts_.reserve(4 * cells); }

  // All blank again, keeping the memory.
  void reset(std::size_t cells) {
    slots_.assign(cells, Slot{});
    texts_.clear();
  }

  std::size_t size() const { return slots_.size(); }
  Answer::Kind kind(std::size_t cell) const { return slots_[cell].kind; }
  std::string_view text(std::size_t cell) const {
    return std::string_view(texts_).substr(slots_[cell].offset, slots_[cell].length);
  }
  const Answer operator[](std::size_t cell) const { return {kind(cell), std::string(text(cell))}; }

  void set(std::size_t cell, Answer::Kind kind, std::string_view text = {});
  void set(std::size_t cell, const Answer& a) { set(cell, a.kind, a.text); }

 private:
  struct Slot {
    std::uint32_t offset = 0, length = 0;
    Answer::Kind kind = Answer::Kind::blank;
  };
  std::vector<Slot> slots_;
  std::string texts_;
};

struct SheetGrade;

struct Sheet {
  std::string id;
  SourceLoc where;                  // the sheet's line (its first row in a CSV)
  Answers answers;                  // one per cell of the key
  std::vector<std::string> notes;   // answers that could not be placed (unknown step or cell, ...)
};

// Reads sheets against a key (which places every answer in a cell). Blank lines are skipped;
// null, "" and "?" are blank answers; a value that is not a number (a word, true, a list where
// a number belongs) is an invalid answer. A line that is not a sheet, a sheet without an id,
// a sheet with two "id" or "answers" members, text that is not UTF-8 and an id given twice are
// errors (handcheck::Error with the file, line and column).
std::vector<Sheet> read_sheets_jsonl(std::string_view text, const std::string& name, const AnswerKey& key);
std::vector<Sheet> read_sheets_csv(std::string_view text, const std::string& name, const AnswerKey& key);
// By extension: .csv is CSV, anything else JSON Lines; "-" reads standard input.
std::vector<Sheet> read_sheets_file(const std::string& path, const AnswerKey& key);

// Throws Error when two sheets have the same id (sheets read from several files).
void check_sheet_ids(const std::vector<Sheet>& sheets);

// The ids of a stream of sheets, kept compactly (a million ids in tens of megabytes): add()
// throws Error when a sheet's id was seen before, naming where.
class SheetIds {
 public:
  SheetIds();
  ~SheetIds();
  void add(const Sheet& sheet);

 private:
  struct Table;
  std::unique_ptr<Table> table_;
};

// Sheets of one file a batch at a time, in the file's order. JSON Lines stream: memory holds
// one batch, whatever the file's size. A CSV is read whole (a sheet's rows may lie anywhere in
// it), then given out in batches. Lines of a batch are read on several threads.
class SheetStream {
 public:
  // "-" reads standard input. Throws Error when the file cannot be read (a directory, ...).
  // `remember_lines`: a JSON line that repeats an earlier one under another id is not parsed
  // again, and comes with the grade given to remember() for the earlier one.
  SheetStream(const std::string& path, const AnswerKey& key, unsigned threads = 0, bool remember_lines = false);
  SheetStream(const SheetStream&) = delete;
  SheetStream& operator=(const SheetStream&) = delete;
  ~SheetStream();

  // Replaces `batch` with the next sheets (at most `max`, at least one); false at the end.
  // Throws Error at the first bad line.
  bool next(std::vector<Sheet>& batch, std::size_t max = 4096);
  // The same; known[i] is the grade remembered for sheet i's line, or nullptr. Valid until the
  // next call of remember().
  bool next(std::vector<Sheet>& batch, std::vector<const SheetGrade*>& known, std::size_t max = 4096);
  // The grades of the batch just read, for its lines to come again.
  void remember(const std::vector<Sheet>& batch, const std::vector<SheetGrade>& grades);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One sheet from the JSON text of one line; `where` places it in errors. Throws Error as above.
Sheet read_sheet_json(std::string_view json_text, const SourceLoc& where, const AnswerKey& key);

}  // namespace handcheck
