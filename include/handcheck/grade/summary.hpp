// The class analysis of a grading run: per cell how many sheets got it right, carried or
// wrong, the most common wrong values with the slip they match, and a warning where most
// sheets (of at least 3) agree on one value that is not the key's (the key itself may be wrong).
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "handcheck/grade/grade.hpp"

namespace handcheck {

struct WrongValue {
  std::string text;        // as most sheets wrote it
  std::size_t count = 0;   // sheets that give this value (any printing of it)
  std::string_view slip;   // the slip most of its errata match, or ""
};

struct CellSummary {
  std::size_t cell = 0;  // index into AnswerKey::cells()
  std::size_t ok = 0, carried = 0, erratum = 0, blank = 0, invalid = 0, undecided = 0;
  std::vector<WrongValue> wrong;  // the most common values graded erratum or carried, most first
};

struct KeyWarning {
  std::size_t cell = 0;
  WrongValue value;  // what more than half the sheets give
};

struct ClassSummary {
  std::size_t sheets = 0;
  Rational mean_score;
  std::vector<CellSummary> cells;  // key order
  std::vector<KeyWarning> warnings;
};

// `top` wrong values per cell are kept.
ClassSummary summarise(const AnswerKey& key, const std::vector<Sheet>& sheets, const std::vector<SheetGrade>& grades,
                       std::size_t top = 3);

// The same analysis folded as sheets stream: add() each batch in order, then summary(). It
// holds counts per cell and per distinct wrong text, never the sheets.
class ClassTally {
 public:
  explicit ClassTally(const AnswerKey& key);
  ~ClassTally();
  void add(const Sheet& sheet, const SheetGrade& grade);
  void add(const std::vector<Sheet>& sheets, const std::vector<SheetGrade>& grades);
  std::size_t sheets() const { return sheets_; }
  ClassSummary summary(std::size_t top = 3) const;

 private:
  struct Cell;
  const AnswerKey& key_;
  std::size_t sheets_ = 0;
  std::map<Rational, std::size_t> scores_;
  struct ScoreHint {
    std::map<Rational, std::size_t>::iterator at;
    bool used = false;
  };
  std::array<ScoreHint, 64> score_hints_{};
  std::vector<Cell> cells_;
};

}  // namespace handcheck
