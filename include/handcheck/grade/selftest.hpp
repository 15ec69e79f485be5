// The rubric self-test: sheets whose right grades are known by construction (the correct
// sheet, single slips, the correct values printed to fewer decimals, values exactly on a
// rounding boundary and just beyond it), graded, and each grade compared with the intended one.
#pragma once

#include <string>
#include <vector>

#include "handcheck/grade/grade.hpp"

namespace handcheck {

struct SelftestCheck {
  std::string name;      // "single slip: Q q2[3] = 3 (product-off-by-one)"
  std::string intended;  // "erratum at Q q2[3], every other cell ok"
  std::vector<std::string> problems;  // "Q q2[3]: graded ok, intended erratum"; empty: passed
  bool passed() const { return problems.empty(); }
};

struct SelftestReport {
  std::string file;
  std::vector<SelftestCheck> checks;
  std::size_t failures() const;
};

struct SelftestOptions {
  std::size_t cells_per_step = 3;  // single slips: the first, middle and last cell of each step
  std::size_t boundary_cells = 4;  // cells whose value lies on a rounding boundary
  // Cells graded over all sheets: a check grades every cell of a sheet and there are a few
  // checks a step, so a case of many steps costs steps x cells (docs/limits.md).
  std::size_t max_graded_cells = 5000000;
  GradeOptions grading;
};

SelftestReport selftest(const AnswerKey& key, const SelftestOptions& options = {});

// The correct answer for a cell as a student would write it under its compare mode, or
// nullopt when none can be written (an irrational value under `compare: exact`).
std::optional<std::string> correct_answer(const AnswerKey& key, std::size_t cell);

// A deliberately broken comparison (it accepts a whole unit in the last place, twice the
// tolerance) for showing that the self-test fails when grading compares wrongly.
bool faulty_compare(const CompareMode& mode, const Literal& stated, const Rational& truth);

}  // namespace handcheck
