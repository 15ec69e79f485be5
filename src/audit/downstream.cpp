#include "downstream.hpp"

#include <algorithm>
#include <map>
#include <set>

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

// A stated cell of a reader step that tells the two values of an erratum apart: it fits the
// one (good: the correct value, bad: the printed one) and misses the other.
struct Evidence {
  std::size_t step;
  const CellAudit* cell;
  bool good;
};

// The errata of one substitution and what the reader cells say of them.
struct Judged {
  std::vector<std::size_t> errata;  // indices into the audit's errata
  Substitution subst;
  std::vector<Evidence> evidence;
};

// Over the stated cells of the steps that read the corrected cells (and read them), which
// value did the writer carry: the correct one or the printed one, cell by cell.
// `as_stated` keeps each reader recomputed from the stated values: it is the same for every
// substitution.
std::vector<Evidence> evidence_of(const AuditState& s, const StatedOperands& operands, const Substitution& subst,
                                  std::map<std::size_t, std::optional<Matrix<Real>>>& as_stated) {
  std::vector<Evidence> out;
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
      if (fits_good && !may_match(mode, cell.stated, b)) out.push_back({t, &cell, true});
      if (fits_bad && !may_match(mode, cell.stated, g)) out.push_back({t, &cell, false});
    }
  }
  return out;
}

// Each substitution is judged with every other erratum as printed. A reader cell that fits the
// correct value of one erratum so, and that of another erratum so, says that one of them was
// corrected, not that both were (d = q1 + q2 printed 5, with q1 = 1 printed 2 and q2 = 3 printed
// 4: 1 + 4 and 2 + 3 give 5, 1 + 3 does not): it is evidence for neither, unless it fits with all
// of them corrected at once (one item's errata, corrected together).
std::set<const CellAudit*> ambiguous_cells(const AuditState& s, const StatedOperands& operands,
                                           const std::vector<Judged>& judged) {
  std::map<const CellAudit*, std::pair<std::size_t, std::vector<std::size_t>>> good_for;  // -> step, judged
  for (std::size_t j = 0; j < judged.size(); ++j)
    for (const Evidence& ev : judged[j].evidence)
      if (ev.good) {
        auto& [step, which] = good_for[ev.cell];
        step = ev.step;
        if (which.empty() || which.back() != j) which.push_back(j);
      }
  std::set<const CellAudit*> out;
  for (const auto& [cell, at] : good_for) {
    const auto& [t, which] = at;
    if (which.size() < 2) continue;
    Substitution together{judged[which.front()].subst.item, {}};
    bool one_item = true;
    for (std::size_t j : which) {
      one_item = one_item && judged[j].subst.item == together.item;
      together.cells.insert(together.cells.end(), judged[j].subst.cells.begin(), judged[j].subst.cells.end());
    }
    auto with_all = one_item ? operands.shaped(t, operands.recompute(t, *s.step_expression(t), together)) : std::nullopt;
    if (!with_all || operands.matches_recomputed(t, *cell, &*with_all, &together) != Match::yes) out.insert(cell);
  }
  return out;
}

Downstream downstream_from(const std::vector<Evidence>& evidence, const std::set<const CellAudit*>& ambiguous) {
  int good = 0, bad = 0;
  for (const Evidence& ev : evidence)
    if (!ev.good) ++bad;
    else if (!ambiguous.count(ev.cell)) ++good;
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
  std::vector<Judged> judged;
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
      Judged j{group.second, Substitution{sa.item, {}}, {}};
      for (std::size_t e : group.second) {
        const CellAudit& cell = sa.cells[s.out.errata[e].cell];
        j.subst.cells.emplace_back(cell.row, cell.col);
      }
      j.evidence = evidence_of(s, operands, j.subst, as_stated);
      judged.push_back(std::move(j));
    }
  }
  const std::set<const CellAudit*> ambiguous = ambiguous_cells(s, operands, judged);
  for (const Judged& j : judged) {
    Downstream d = downstream_from(j.evidence, ambiguous);
    for (std::size_t e : j.errata) {
      const ErratumRef& ref = s.out.errata[e];
      s.out.steps[ref.step].cells[ref.cell].downstream = d;
    }
  }
}

}  // namespace handcheck
