// "How was this cell computed?": one cell of a step, term by term, in both pipelines.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "handcheck/audit/audit.hpp"

namespace handcheck {

struct PipelineWorking {
  std::string expression;          // the step's expression in this pipeline
  std::vector<std::string> lines;  // "WQ[3,1]·X[1,2] = 0·0 = 0", ..., "sum = 2"
  std::string value;               // the cell's value: a fraction, or certified digits
  std::string unavailable;         // why this pipeline has no value here, if it has none
};

struct CellExplanation {
  std::string step;
  std::string label;     // q2[3]
  std::size_t row = 0, col = 0;  // 0-based
  std::string explain;   // the step's explanation
  bool is_input = false;
  PipelineWorking hand, exact;
  std::optional<CellAudit> audit;  // when the cell is stated
};

// `cell` is NAME[r,c] (1-based), or LABEL[i] for entry i of a named column or row
// (q2[3] is row 3 of the column named q2). Throws Error when there is no such cell.
CellExplanation explain_cell(const CaseAudit& a, const std::string& cell);

std::string render_explanation(const CellExplanation& e);

}  // namespace handcheck
