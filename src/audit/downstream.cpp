#include "downstream.hpp"

#include <algorithm>
#include <map>

#include "handcheck/audit/compare.hpp"

namespace handcheck {

namespace {

// No value lies in both.
bool disjoint(const Real& a, const Real& b) {
  if (a.is_infinite() || b.is_infinite()) return a.infinity_sign() != b.infinity_sign();
  return a.upper() < b.lower() || b.upper() < a.lower();
}

std::vector<std::size_t> readers(const AuditState& s, std::size_t j) {
  std::vector<std::size_t> out;
  for (std::size_t t = j + 1; t < s.c.items.size(); ++t)
    if (std::find(s.operands[t].begin(), s.operands[t].end(), j) != s.operands[t].end()) out.push_back(t);
  return out;
}

bool reads_any(const AuditState& s, std::size_t t, const CellAudit& cell, const Substitution& subst) {
  auto reads = s.reads(t, cell.row, cell.col);
  if (!reads) return true;
  for (auto [r, c] : subst.cells)
    if (reads->count({subst.item, r, c})) return true;
  return false;
}

// Over the stated cells of the steps that read the corrected cells (and read them), which
// value did the writer carry: the correct one, the printed one, or some of each.
// `as_stated` keeps each reader recomputed from the stated values: it is the same for every
// substitution.
Downstream downstream_of(const AuditState& s, const StatedOperands& operands, const Substitution& subst,
                         std::map<std::size_t, std::optional<Matrix<Real>>>& as_stated) {
  int good = 0, bad = 0;
  for (std::size_t t : readers(s, subst.item)) {
    const StepAudit* reader = s.step_audit(t);
    if (!reader) continue;
    auto [at, fresh] = as_stated.try_emplace(t);
    if (fresh) at->second = operands.recompute(t, *s.step_expression(t));
    const Matrix<Real>* with_bad = at->second ? &*at->second : nullptr;
    auto with_good = operands.shaped(t, operands.recompute(t, *s.step_expression(t), subst));
    if (!with_bad || !with_good || with_bad->shape() != with_good->shape()) continue;
    for (const CellAudit& cell : reader->cells) {
      if (!reads_any(s, t, cell, subst)) continue;
      const Real& b = (*with_bad)(cell.row, cell.col);
      const Real& g = (*with_good)(cell.row, cell.col);
      if (!disjoint(b, g)) continue;
      const CompareMode& mode = s.c.items[t].compare;
      // A cell that matches both values (or neither) says nothing of which one was carried.
      // An enclosure over operand ranges holds more than the values it encloses, so a fit is
      // proven (the whole enclosure matches, or operand values give the stated one, on either
      // side alike) and a miss is a miss of the whole enclosure.
      bool fits_good = operands.matches_recomputed(t, cell, &*with_good, &subst) == Match::yes;
      bool fits_bad = cell.against_recomputed == Match::yes || matches(mode, cell.stated, b) == Match::yes;
      if (fits_good && !may_match(mode, cell.stated, b)) ++good;
      if (fits_bad && !may_match(mode, cell.stated, g)) ++bad;
    }
  }
  return good && bad ? Downstream::mixed
         : good     ? Downstream::correct
         : bad      ? Downstream::stated
                    : Downstream::none;
}

}  // namespace

// Errata are judged one by one while the budget allows, else together with the errata of
// their column, else with every erratum of their step; the step records which.
void find_downstream(AuditState& s, StatedOperands& operands) {
  std::map<std::size_t, std::vector<std::size_t>> by_step;  // step -> indices into errata
  for (std::size_t e = 0; e < s.out.errata.size(); ++e) by_step[s.out.errata[e].step].push_back(e);
  std::size_t left = kFollowThroughBudget;
  std::map<std::size_t, std::optional<Matrix<Real>>> as_stated;
  for (const auto& [step, errata] : by_step) {
    StepAudit& sa = s.out.steps[step];
    std::size_t reader_cells = 0;
    for (std::size_t t : readers(s, sa.item))
      if (const StepAudit* reader = s.step_audit(t)) reader_cells += reader->cells.size();
    // The finest grouping the budget allows; a whole step is judged whatever it costs.
    std::map<std::size_t, std::vector<std::size_t>> groups;  // group key -> indices into errata
    for (DownstreamScope scope : {DownstreamScope::cell, DownstreamScope::column, DownstreamScope::step}) {
      groups.clear();
      for (std::size_t e : errata) {
        std::size_t key = scope == DownstreamScope::cell     ? e
                          : scope == DownstreamScope::column ? sa.cells[s.out.errata[e].cell].col
                                                             : 0;
        groups[key].push_back(e);
      }
      sa.downstream_scope = scope;
      if (groups.size() * reader_cells <= left) break;
    }
    left -= std::min(left, groups.size() * reader_cells);
    for (const auto& group : groups) {
      Substitution subst{sa.item, {}};
      for (std::size_t e : group.second) {
        const CellAudit& cell = sa.cells[s.out.errata[e].cell];
        subst.cells.emplace_back(cell.row, cell.col);
      }
      Downstream d = downstream_of(s, operands, subst, as_stated);
      for (std::size_t e : group.second) sa.cells[s.out.errata[e].cell].downstream = d;
    }
  }
}

}  // namespace handcheck
