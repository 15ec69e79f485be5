// The values a step sees for the stated items it reads (DESIGN §5: a printed number that
// matches its correct value stands for the range between the two, one that does not for
// itself, and one whose match is undecided for itself too, the auditor then proving nothing
// from a mismatch), and the step recomputed from them: L, its slip variants, its corners, and one cell
// over the box its operand ranges span.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "audit_state.hpp"
#include "operand_box.hpp"

namespace handcheck {

// Cells of one item put back to their correct values (corrected errata, for `downstream`).
struct Substitution {
  std::size_t item;
  std::vector<std::pair<std::size_t, std::size_t>> cells;
};

class StatedOperands {
 public:
  // Step cells computed, over the whole audit, to prove that stated operands in their ranges
  // give a stated value (a few seconds of interval work); past it such cells are undecided.
  static constexpr std::size_t kBoxWork = 500'000;
  // Up to this many stated operand items, L is tried at every corner (each item at its printed
  // or its correct values); beyond, at the two extremes only.
  static constexpr std::size_t kCornerItems = 4;

  StatedOperands(const AuditState& state, const Recomputed* shared) : s_(state), shared_(shared) {}

  // Forgets what was worked out for the previous step: its variants and its corners.
  void start_step(std::size_t i);

  // Any expression over the stated values of the items it reads, in the pipeline step i
  // follows; `subst` puts cells back to their correct values. nullopt when that cannot be
  // done (a range of divisors that contains zero, an operand without a value). Its shape may
  // differ from the step's where a stated operand gives a size.
  std::optional<Matrix<Real>> recompute(std::size_t i, const Expr& e,
                                        const std::optional<Substitution>& subst = std::nullopt) const;
  // Step i recomputed (L), with `subst` put back when given, through the caller's store when
  // it has one; nullopt where its shape is not the step's.
  std::optional<Matrix<Real>> recompute_shared(std::size_t i, const Substitution* subst = nullptr) const;
  std::optional<Matrix<Real>> shaped(std::size_t i, std::optional<Matrix<Real>> m) const;
  // Any expression over the stated operands at their printed values (blank cells correct): one
  // point of their ranges, where an operand read twice is one value, for the slip search. Its
  // variants are the same expressions for every cell of a step: each is evaluated once per step
  // (and turned into ranges once).
  const Matrix<Real>* printed_memo(std::size_t i, const Expr& e) const;
  const Matrix<Range>* printed_range_memo(std::size_t i, const Expr& e) const;

  // Whether the stated value matches L, the step over the box its stated operands span: proven
  // by points of the box, since the enclosure `l` overestimates it. Without `l` (it could not
  // be computed, and that proves nothing: not has_no_value), by points alone: yes or undecided.
  // With `subst`, the same over the operands with those cells at their correct values (the
  // follow-through's "good" side; `l` then is that recomputation).
  Match matches_recomputed(std::size_t i, const CellAudit& cell, const Matrix<Real>* l,
                           const Substitution* subst = nullptr) const;
  // Whether step i over its stated operands (with `subst` put back) has no value at all
  // (DESIGN §5): an operation is undefined over operands that are all exact. A failure where
  // an operand read is an interval (an enclosure, or a range between printed and correct, whose
  // width alone can make an operation fail), an undecided one, or one past a limit proves
  // nothing.
  bool has_no_value(std::size_t i, const std::optional<Substitution>& subst = std::nullopt) const;
  // Cell (r, c) of step i over its stated operands (with `subst` put back) where the step as a
  // whole has no value there: the stated cells it does not read are put at the values the step
  // has, which change nothing of it (DESIGN §3: a cell depends only on the cells it reads), so a
  // zero column sum in one column leaves the others their values. nullopt when its reads are not
  // known, that fails too, or the budget of such recomputations is spent.
  std::optional<Real> recompute_cell(std::size_t i, std::size_t r, std::size_t c,
                                     const std::optional<Substitution>& subst = std::nullopt) const;

 private:
  const Matrix<Real>* operand(std::size_t k, const Run& pipeline) const;
  const Matrix<Real>* operand_at(std::size_t k, const Run& pipeline, bool correct) const;
  Matrix<Real> corrected(const Matrix<Real>& m, const Substitution& subst) const;
  const std::vector<Matrix<Real>>& corners(std::size_t i, const Substitution* subst = nullptr) const;
  std::vector<Matrix<Real>> corners_of(std::size_t i, const Substitution* subst) const;
  std::optional<std::vector<CellRef>> varied_cells(std::size_t i, const CellAudit& cell, CellOverBox& out) const;
  CellOverBox cell_over_box(std::size_t i, const CellAudit& cell, const Substitution* subst) const;

  const AuditState& s_;
  const Recomputed* shared_;
  mutable std::vector<std::optional<Matrix<Real>>> hand_operands_, exact_operands_;
  // Expression text -> value over the printed operands, for the step being audited.
  mutable std::map<std::string, std::optional<Matrix<Real>>> memo_;
  mutable std::map<std::string, std::optional<Matrix<Range>>> range_memo_;
  // Step cells the proofs over operand boxes may still compute (value_over), for the whole audit.
  mutable std::size_t box_work_left_ = kBoxWork;
  // Whole-step recomputations for one cell each (recompute_cell), for the whole audit.
  static constexpr std::size_t kCellRecomputations = 2000;
  mutable std::size_t cell_recomputations_left_ = kCellRecomputations;
  // A step at the corners of its operand box (operands at one end of their ranges): the step
  // being audited, or a reader step the follow-through asks about.
  struct StepCorners {
    std::size_t step;
    std::vector<Matrix<Real>> corners;
  };
  mutable std::optional<StepCorners> corners_;
  struct SubstitutedCorners {
    std::size_t step;
    Substitution subst;
    std::vector<Matrix<Real>> corners;
  };
  mutable std::optional<SubstitutedCorners> substituted_corners_;  // the last ones asked for
  mutable std::map<std::tuple<std::size_t, bool, bool>, std::optional<Matrix<Real>>> corner_operands_;
  std::size_t step_ = 0;     // the step being audited
  bool continuous_ = false;  // it is built from continuous functions
};

}  // namespace handcheck
