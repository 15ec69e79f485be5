// What the verdicts (auditor.cpp), the stated operands (stated_operands.cpp) and the
// follow-through (downstream.cpp) share while one set of stated values is audited: the case,
// its two pipelines, the verdicts given so far and where each stated cell's verdict is.
#pragma once

#include <optional>
#include <set>
#include <vector>

#include "handcheck/audit/audit.hpp"
#include "handcheck/audit/reads.hpp"

namespace handcheck {

class AuditState {
 public:
  // Beyond this many operand cells, a cell is taken to read every cell of its operands.
  static constexpr std::size_t kMaxCellReads = 4096;

  AuditState(const Case& c, const HandRun& hand, const ExactRun& exact, CaseAudit& out)
      : c(c), hand(hand), exact(exact), out(out), step_of(c.items.size(), -1), cell_index(c.items.size()) {
    for (std::size_t i = 0; i < c.items.size(); ++i) {
      std::vector<std::size_t> ops;
      if (!c.items[i].is_input)
        for (const auto& n : referenced_names(*step_expression(i))) ops.push_back(static_cast<std::size_t>(c.find(n)));
      operands.push_back(std::move(ops));
      const Run& run = run_of(i);
      const Run& other = &run == &hand ? static_cast<const Run&>(exact) : hand;
      shapes.push_back(run.values[i] ? run.values[i]->shape() : other.values[i] ? other.values[i]->shape() : Shape{});
    }
  }

  const Run& run_of(std::size_t i) const { return c.items[i].follows == Follows::hand ? hand : exact; }

  const Expr* step_expression(std::size_t i) const {
    const Item& item = c.items[i];
    return (item.follows == Follows::hand ? item.hand : item.exact)->ast.get();
  }

  const StepAudit* step_audit(std::size_t k) const {
    return step_of[k] < 0 ? nullptr : &out.steps[static_cast<std::size_t>(step_of[k])];
  }

  const CellAudit* audited_cell(std::size_t k, std::size_t r, std::size_t col) const {
    if (step_of[k] < 0) return nullptr;
    long at = cell_index[k](r, col);
    return at < 0 ? nullptr : &out.steps[static_cast<std::size_t>(step_of[k])].cells[static_cast<std::size_t>(at)];
  }

  // The cells cell (r, col) of step i reads; nullopt when it reads too many to list.
  std::optional<std::set<CellRef>> reads(std::size_t i, std::size_t r, std::size_t col) const {
    return cell_reads(c, shapes, *step_expression(i), r, col, kMaxCellReads);
  }

  const Case& c;
  const HandRun& hand;
  const ExactRun& exact;
  CaseAudit& out;
  std::vector<long> step_of;                      // item -> index in out.steps, or -1
  std::vector<Matrix<long>> cell_index;           // item -> (r, c) -> index in its cells, or -1
  std::vector<std::vector<std::size_t>> operands; // item -> items its expression reads
  std::vector<Shape> shapes;                      // item -> its shape, where known
};

}  // namespace handcheck
