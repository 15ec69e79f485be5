// The answer key of a grading run: a case with both pipelines run once, and every cell a
// student answers (every cell of every step), with its label and expected values.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "handcheck/audit/compare.hpp"
#include "handcheck/eval/pipeline.hpp"
#include "handcheck/model/case.hpp"

namespace handcheck {

struct KeyCell {
  std::size_t step = 0;          // index into AnswerKey::steps()
  std::size_t row = 0, col = 0;  // 0-based
  std::string label;             // q2[3], or S[1,2] when the step names neither
  std::string expected;          // "p/q" (hand), or certified digits (exact)
  std::string expected_decimal;  // 6 decimals (6 significant digits for small values), trailing zeros dropped
};

struct KeyStep {
  std::size_t item = 0;   // index into Case::items
  Shape shape;
  std::size_t first = 0;  // index of its cell (0, 0) in AnswerKey::cells(); row by row
  bool hand = true;       // the step follows the hand pipeline
};

class AnswerKey {
 public:
  // Runs both pipelines; throws Error when the case cannot be evaluated. A step whose
  // pipeline stopped before it has no cells (see skipped()).
  explicit AnswerKey(std::shared_ptr<const Case> c, const PipelineOptions& options = {});

  const Case& kase() const { return *case_; }
  const std::shared_ptr<const Case>& case_ptr() const { return case_; }
  const HandRun& hand() const { return hand_; }
  const ExactRun& exact() const { return exact_; }
  const PipelineOptions& options() const { return options_; }
  const std::vector<KeyStep>& steps() const { return steps_; }
  const std::vector<KeyCell>& cells() const { return cells_; }
  const std::vector<std::string>& skipped() const { return skipped_; }  // steps that cannot be graded

  const Item& item_of(const KeyCell& cell) const { return case_->items[steps_[cell.step].item]; }
  const std::string& step_name(const KeyCell& cell) const { return item_of(cell).name; }
  // The correct value of a cell in each pipeline.
  const Real& hand_value(std::size_t cell) const;
  const Real& exact_value(std::size_t cell) const;

  // The step with this name, or nullopt (also for an input).
  std::optional<std::size_t> find_step(std::string_view name) const;
  // A cell of a step: "r,c" (1-based), a label such as q2[3], or STEP[r,c].
  std::optional<std::size_t> find_cell(std::size_t step, std::string_view address) const;
  // The cells of a named column or row of a step, in order; empty when no vector has the name,
  // or when a column and a row both have it.
  std::vector<std::size_t> find_vector(std::size_t step, std::string_view label) const;

  // Whether a stated value matches the cell under its step's compare mode (DESIGN §4).
  Match matches(std::size_t cell, const Literal& stated) const;

 private:
  std::shared_ptr<const Case> case_;
  PipelineOptions options_;
  HandRun hand_;
  ExactRun exact_;
  std::vector<KeyStep> steps_;
  std::vector<KeyCell> cells_;
  std::vector<std::string> skipped_;
  std::unordered_map<std::string, std::size_t> step_index_;
  std::vector<std::unordered_map<std::string, std::size_t>> labels_;  // per step: label -> cell
};

}  // namespace handcheck
