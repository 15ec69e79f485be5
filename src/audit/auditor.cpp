#include "auditor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "handcheck/audit/compare.hpp"
#include "audit_state.hpp"
#include "downstream.hpp"
#include "stated_cells.hpp"
#include "stated_operands.hpp"

namespace handcheck {

namespace {

// A stated value against an enclosure over operand ranges: a match of the whole enclosure is
// one, a miss of it a miss; anything between may be either.
Match match_over(const CompareMode& mode, const Literal& stated, const Real& v) {
  if (matches(mode, stated, v) == Match::yes) return Match::yes;
  return may_match(mode, stated, v) ? Match::undecided : Match::no;
}

// L of one step (DESIGN §5), computed for its first cell that needs it.
struct Recomputation {
  std::optional<Matrix<Real>> value;
  bool done = false;
  bool proves_nothing = false;  // no value, but no proof that there is none
};

// What the stated operands a cell reads say about it.
struct OperandStatus {
  bool any_stated = false;  // some cell it reads is stated
  bool wrong = false;       // some cell it reads is an erratum or carried
  bool undecided = false;   // some cell it reads is undecided
  // Some cell it reads may or may not match its correct value: it enters L as printed, not as
  // the range a match would give it, so only a match with L is proven.
  bool uncertain_range = false;
  std::vector<std::size_t> errata;  // the errata it follows from, indices into CaseAudit::errata
  std::set<CellRef> wrong_cells;    // the erratum and carried cells it reads
};

class Auditor {
 public:
  Auditor(const Case& c, const HandRun& hand, const ExactRun& exact, const StatedValues& stated, CaseAudit& out,
          const AuditWork& work)
      : s_(c, hand, exact, out), operands_(s_, work.recomputed), given_(stated), work_(work),
        slip_budget_(work.slip_work) {}

  void run() {
    const Case& c = s_.c;
    for (std::size_t i = 0; i < c.items.size(); ++i) {
      const Item& item = c.items[i];
      const Matrix<std::optional<Literal>>* given = i < given_.size() && given_[i] ? &*given_[i] : nullptr;
      if (item.is_input || (!item.stated && !given)) continue;
      StepAudit sa;
      sa.item = i;
      sa.stated = given ? *given : place_stated(item, stated_shape(i));
      s_.step_of[i] = static_cast<long>(s_.out.steps.size());
      s_.cell_index[i] = Matrix<long>(sa.stated.shape(), -1);
      s_.out.steps.push_back(std::move(sa));
      audit_step(i);
    }
    if (work_.downstream) find_downstream(s_, operands_);
  }

 private:
  Shape stated_shape(std::size_t i) const {
    return stated_step_shape(s_.c.items[i], s_.shapes[i], walked_shape(s_.c, s_.shapes, *s_.step_expression(i)),
                             s_.run_of(i).missing[i]);
  }

  std::optional<std::vector<Slip>> slips_of(std::size_t i, const CellAudit& cell) const {
    const Item& item = s_.c.items[i];
    if (cell.stated.is_infinite()) return std::vector<Slip>{};  // no slip gives an infinity: none to search
    bool hand = item.follows == Follows::hand;
    SlipQuery q;
    q.item = &item;
    q.expression = s_.step_expression(i);
    q.other = item.same_expression ? nullptr : (hand ? item.exact : item.hand)->ast.get();
    q.row = cell.row;
    q.col = cell.col;
    q.stated = cell.stated;
    q.compare = item.compare;
    q.truth = &(*s_.run_of(i).values[i])(cell.row, cell.col);
    if (hand) q.evaluate = [this, i](const Expr& e) { return operands_.printed_range_memo(i, e); };
    q.evaluate_exact = [this, i](const Expr& e) { return operands_.printed_memo(i, e); };
    q.budget = &slip_budget_;
    try {
      return find_slips(q);
    } catch (const DomainError&) {
      return std::vector<Slip>{};  // a variant that meets an infinity explains nothing
    }
  }

  // The stated cells that cell (r, c) of step i reads, with what they say.
  OperandStatus operand_status(std::size_t i, std::size_t r, std::size_t c) const {
    OperandStatus status;
    std::set<std::size_t> errata;
    auto visit = [&](std::size_t k, std::size_t rr, std::size_t cc) {
      const CellAudit* cell = s_.audited_cell(k, rr, cc);
      if (!cell) return;
      status.any_stated = true;
      if (cell->against_correct == Match::undecided) status.uncertain_range = true;
      switch (cell->verdict) {
        case Verdict::ok: break;
        case Verdict::undecided: status.undecided = true; break;
        case Verdict::erratum:
          status.wrong = true;
          status.wrong_cells.insert({k, rr, cc});
          errata.insert(erratum_index(k, *cell));
          break;
        case Verdict::carried:
          status.wrong = true;
          status.wrong_cells.insert({k, rr, cc});
          errata.insert(cell->follows_from.begin(), cell->follows_from.end());
          break;
      }
    };
    auto reads = s_.reads(i, r, c);
    if (reads) {
      for (const CellRef& ref : *reads) visit(ref.item, ref.row, ref.col);
    } else {
      for (std::size_t k : s_.operands[i])
        if (const StepAudit* sa = s_.step_audit(k))
          for (const CellAudit& cell : sa->cells) visit(k, cell.row, cell.col);
    }
    status.errata.assign(errata.begin(), errata.end());
    return status;
  }

  std::size_t erratum_index(std::size_t k, const CellAudit& cell) const {
    auto step = static_cast<std::size_t>(s_.step_of[k]);
    auto at = static_cast<std::size_t>(&cell - s_.out.steps[step].cells.data());
    // Errata are listed in the order steps and their cells are audited: a binary search (a
    // scan per cell read made a product over a wrong 10 x 4000 operand quadratic in it).
    const auto& errata = s_.out.errata;
    auto it = std::lower_bound(errata.begin(), errata.end(), std::make_pair(step, at), [](const ErratumRef& e, auto key) {
      return std::make_pair(e.step, e.cell) < key;
    });
    if (it != errata.end() && it->step == step && it->cell == at) return static_cast<std::size_t>(it - errata.begin());
    for (std::size_t e = 0; e < errata.size(); ++e)
      if (errata[e].step == step && errata[e].cell == at) return e;
    return 0;
  }

  void audit_step(std::size_t i) {
    operands_.start_step(i);
    const Item& item = s_.c.items[i];
    const Run& run = s_.run_of(i);
    StepAudit& sa = s_.out.steps[static_cast<std::size_t>(s_.step_of[i])];
    Recomputation l;
    corrected_.clear();
    sa.cells.reserve(sa.stated.rows() * sa.stated.cols());
    for (std::size_t r = 0; r < sa.stated.rows(); ++r)
      for (std::size_t c = 0; c < sa.stated.cols(); ++c) {
        if (!sa.stated(r, c)) continue;
        CellAudit cell;
        cell.row = r;
        cell.col = c;
        if (work_.texts) {
          cell.label = item.cell_label(r, c);
          // A sheet given from outside the case file has the step's place only.
          cell.loc = i < given_.size() && given_[i] ? item.loc : stated_cell_loc(item, r, c);
        }
        cell.stated = *sa.stated(r, c);
        if (!run.values[i]) {
          // Undecided, never ok: the step needs a decision no precision up to the cap made.
          cell.verdict = Verdict::undecided;
          cell.against_correct = Match::undecided;
          cell.expected = cell.expected_printed = "not computed: " + run.missing[i];
        } else {
          judge(i, cell, l);
        }
        ++s_.out.stated;
        switch (cell.verdict) {
          case Verdict::ok: ++s_.out.ok; break;
          case Verdict::carried: ++s_.out.carried; break;
          case Verdict::erratum:
            ++s_.out.erratum;
            s_.out.errata.push_back({static_cast<std::size_t>(s_.step_of[i]), sa.cells.size()});
            break;
          case Verdict::undecided: ++s_.out.undecided; break;
        }
        s_.cell_index[i](r, c) = static_cast<long>(sa.cells.size());
        sa.cells.push_back(std::move(cell));
      }
  }

  // DESIGN §5: ok when the stated value matches the correct one, or matches the step
  // recomputed from its stated operands (L) while every operand it reads is ok; carried when
  // it matches L and an operand it reads is wrong; else an erratum; undecided where the
  // precision cannot tell, never ok.
  void judge(std::size_t i, CellAudit& cell, Recomputation& l) {
    const Item& item = s_.c.items[i];
    const Real& truth = (*s_.run_of(i).values[i])(cell.row, cell.col);
    cell.against_correct = matches(item.compare, cell.stated, truth);
    if (work_.texts) {
      cell.expected = describe(truth, item.digits);
      cell.expected_printed = printed_like(item.compare, cell.stated, truth, item.digits);
    }
    if (cell.against_correct == Match::yes) {
      cell.verdict = Verdict::ok;
      return;
    }
    if (work_.texts && !settles_printed_like(item.compare, cell.stated, truth)) ++s_.out.unsettled_texts;
    OperandStatus operands = operand_status(i, cell.row, cell.col);
    // Without a stated operand, L is the correct value itself: nothing more to learn.
    Match recomputed = Match::no;
    if (operands.any_stated) {
      if (!l.done) {
        l.value = operands_.recompute_shared(i);
        l.done = true;
        // Computed where needed only: a step with a value (most) never asks.
        l.proves_nothing = !l.value && !operands_.has_no_value(i);
      }
      if (l.value || l.proves_nothing) recomputed = operands_.matches_recomputed(i, cell, l.value ? &*l.value : nullptr);
      if (!l.value)
        if (auto v = operands_.recompute_cell(i, cell.row, cell.col)) recomputed = match_over(item.compare, cell.stated, *v);
    }
    // Not an undecided of the box: a higher precision may decide the operand's match.
    if (recomputed == Match::undecided && cell.against_correct == Match::no) ++s_.out.undecided_over_box;
    if (recomputed == Match::no && operands.uncertain_range) recomputed = Match::undecided;
    cell.against_recomputed = recomputed;
    bool consistent = recomputed == Match::yes;
    if (consistent && !operands.wrong && !operands.undecided) {
      cell.verdict = Verdict::ok;
    } else if (cell.against_correct == Match::undecided || recomputed == Match::undecided ||
               (consistent && (!operands.wrong || operands.undecided))) {
      // An undecided operand stands for a range it may not have: L does not prove "carried".
      cell.verdict = Verdict::undecided;
    } else if (consistent && follows_with_operands_corrected(i, cell, operands)) {
      cell.verdict = Verdict::ok;
    } else if (consistent) {
      cell.verdict = Verdict::carried;
      cell.follows_from = operands.errata;
      cell.root = cell.follows_from.empty() ? -1 : static_cast<long>(cell.follows_from.front());
    } else {
      cell.verdict = Verdict::erratum;
      std::optional<std::vector<Slip>> slips;
      if (s_.out.erratum - s_.out.slips_unsearched < work_.slip_cells) slips = slips_of(i, cell);
      else ++s_.out.slips_unsearched;
      cell.slips_searched = slips.has_value();
      if (slips) cell.slips = std::move(*slips);
    }
  }

  // Whether the stated value also follows with every wrong cell it reads put back to its correct
  // value (the follow-through's "good" side): then no mistake reaches it (a masked score, an
  // entry below its column's largest, a zero weight) and it is ok, not carried. Proven over the
  // operand box as a match with L is; wrong cells of several steps are not put back together.
  bool follows_with_operands_corrected(std::size_t i, const CellAudit& cell, const OperandStatus& operands) {
    if (operands.wrong_cells.empty()) return false;
    Substitution subst{operands.wrong_cells.begin()->item, {}};
    for (const CellRef& ref : operands.wrong_cells) {
      if (ref.item != subst.item) return false;
      subst.cells.emplace_back(ref.row, ref.col);
    }
    auto key = std::make_pair(subst.item, subst.cells);
    auto it = corrected_.find(key);
    if (it == corrected_.end()) {
      it = corrected_.emplace(std::move(key), operands_.recompute_shared(i, &subst)).first;
    }
    return it->second && operands_.matches_recomputed(i, cell, &*it->second, &subst) == Match::yes;
  }

  AuditState s_;
  StatedOperands operands_;
  // Step i recomputed with wrong operand cells put back, by (item, cells), for the step audited.
  std::map<std::pair<std::size_t, std::vector<std::pair<std::size_t, std::size_t>>>, std::optional<Matrix<Real>>> corrected_;
  const StatedValues& given_;
  AuditWork work_;
  mutable SlipBudget slip_budget_;
};

}  // namespace

void audit_cells(const Case& c, const HandRun& hand, const ExactRun& exact, const StatedValues& stated, CaseAudit& out,
                 const AuditWork& work) {
  Auditor(c, hand, exact, stated, out, work).run();
}

}  // namespace handcheck
