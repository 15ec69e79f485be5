// Grading student sheets with follow-through credit: a sheet's answers stand in for the
// case's stated values and the audit of DESIGN §5 gives each cell its verdict; a blank cell
// gets none and an answer that is not a number is invalid, never credit.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "handcheck/audit/audit.hpp"
#include "handcheck/grade/key.hpp"
#include "handcheck/grade/sheet.hpp"

namespace handcheck {

enum class Grade : std::uint8_t { ok, carried, erratum, blank, invalid, undecided };
std::string_view to_string(Grade g);

// Two bytes: a class of sheets keeps one per cell.
struct CellGrade {
  Grade grade = Grade::blank;
  std::uint8_t slip = 0;  // erratum: 1 + the catalog index of the first slip that reproduces it; 0: none

  // The slip's tag (slips.hpp), or "".
  std::string_view slip_tag() const;
};

struct SheetGrade {
  std::vector<CellGrade> cells;  // one per cell of the key
  // undecided: no working precision up to the cap decides the comparison; no credit.
  std::size_t ok = 0, carried = 0, erratum = 0, blank = 0, invalid = 0, undecided = 0;
  Rational score;  // (ok + carried_credit x carried) / cells
  // Errata graded without a slip name: the sheet went past GradeOptions::slip_cells.
  std::size_t slips_unsearched = 0;
};

// A stand-in for the comparison of a stated value with a correct hand value (DESIGN §4).
using Comparator = bool (*)(const CompareMode&, const Literal&, const Rational&);

struct GradeOptions {
  Rational carried_credit = 1;  // in [0, 1]
  unsigned threads = 0;         // 0: one per hardware thread
  // Sheets identical in every answer get the same grades: grade such a sheet once. A step whose
  // operand steps are answered alike on two sheets is recomputed from them once.
  bool reuse_identical = true;
  // false: no shortcut at all. Every sheet gets its own audit of every step, with every text,
  // even when all its answers match: the reference the shortcuts are tested against
  // (HANDCHECK_NO_REUSE=1 for `handcheck grade`, a debugging aid).
  bool shortcuts = true;
  // The per-sheet budget: erratum cells searched for a known slip, in step order. The search
  // costs up to n^2 recomputations a cell of an n x n product; one all-wrong sheet of a large
  // case must not stall a class. Errata past it are graded without a slip name.
  std::size_t slip_cells = 64;
  // Replaces the comparison that accepts a cell without the full audit. Only for testing
  // that the self-test catches a broken comparison; nullptr: DESIGN §4.
  Comparator compare = nullptr;
};

// Grades sheets against one key, on several threads; the result is in the sheets' order.
class Grader {
 public:
  explicit Grader(const AnswerKey& key, GradeOptions options = {});
  Grader(const Grader&) = delete;
  Grader& operator=(const Grader&) = delete;
  ~Grader();

  SheetGrade grade(const Sheet& sheet) const;
  std::vector<SheetGrade> grade(const std::vector<Sheet>& sheets) const;
  // The same into `out` (resized), for a class graded batch by batch.
  void grade(const std::vector<Sheet>& sheets, std::vector<SheetGrade>& out) const;
  // The same, where known[i], unless nullptr, is sheet i's grade already (SheetStream).
  void grade(const std::vector<Sheet>& sheets, std::vector<SheetGrade>& out,
             const std::vector<const SheetGrade*>& known) const;

  // The full audit of one sheet (every cell the sheet answers, as check reports it).
  CaseAudit audit(const Sheet& sheet) const;

  const AnswerKey& key() const { return key_; }
  const GradeOptions& options() const { return options_; }

 private:
  struct Memo;
  class Judge;
  class SheetRecomputed;
  SheetGrade grade_with(Judge& judge, const Sheet& sheet) const;
  // grading: only the steps that decide a grade, no downstream analysis, the slip budget.
  CaseAudit audit_with(Judge& judge, const Sheet& sheet, bool grading) const;
  struct Audited {
    std::vector<CellGrade> cells;
    std::size_t unsearched = 0;
  };
  Audited audited(Judge& judge, const Sheet& sheet) const;
  Audited grades_of(const CaseAudit& a) const;

  const AnswerKey& key_;
  GradeOptions options_;
  std::vector<long> step_of_;  // item -> index into key_.steps(), or -1
  std::vector<std::vector<std::size_t>> reads_;  // per step: the steps it reads
  std::unique_ptr<Memo> memo_;
  mutable std::mutex judges_mutex_;
  mutable std::vector<std::unique_ptr<Judge>> judges_;
};

// The literal an answer stands for, or nullopt when it is blank or not a number.
std::optional<Literal> answer_literal(const Answer& a);

}  // namespace handcheck
