#include "downstream.hpp"

#include <algorithm>
#include <map>

#include "handcheck/audit/compare.hpp"

namespace handcheck {

namespace {

std::vector<std::size_t> readers(const AuditState& s, std::size_t j) {
  std::vector<std::size_t> out;
  for (std::size_t t = j + 1; t < s.c.items.size(); ++t)
    if (std::find(s.operands[t].begin(), s.operands[t].end(), j) != s.operands[t].end()) out.push_back(t);
  return out;
}

// The errata of one substitution, judged together (one cell, a column or a step of errata).
struct Judged {
  std::vector<std::size_t> errata;  // indices into the audit's errata
  Substitution subst;
  int good = 0, bad = 0;            // reader cells that say correct, printed
};

// Which groups of errata a stated reader cell reads, and the step it is in.
struct ReaderCell {
  std::size_t step = 0;
  std::vector<std::size_t> groups;  // indices into the judged groups
};

// Readers that read several groups of errata: every choice of corrected and printed groups is
// tried, up to this many groups a cell (2^3 recomputations of its step, shared by its cells).
constexpr std::size_t kJointGroups = 3;

// What the stated reader cells say of each group of errata. A cell judges the groups it reads
// over every choice of which of them the writer corrected: where some choice is proven to give
// its stated value, a group corrected in every choice that may give it counts as correct there,
// one printed in all of them as printed, any other says nothing. Judging one erratum with the
// others as printed claimed too much: with q = [1, 3] printed [2, 4], d = q1 + q2 printed 5 fits
// 1 + 4 and 2 + 3, so the writer corrected one of them, not which; d1 = q1 + 2 q2 printed 9 and
// d2 printed 8 each correct one and print the other (both "mixed", neither a typo). A cell that
// reads more groups than that, or groups of several steps, which cannot be corrected together,
// says nothing of them.
class FollowThrough {
 public:
  FollowThrough(const AuditState& s, const StatedOperands& operands, std::vector<Judged>& judged)
      : s_(s), operands_(operands), judged_(judged) {}

  // Each stated reader cell's reads are walked once, and each cell read looked up among the
  // errata: a walk per group and reader cell cost errata x reader cells x reads (a product of
  // 10 x 400 and 400 x 10 with every cell of the first wrong took minutes).
  void run() {
    std::map<CellRef, std::vector<std::size_t>> groups_of;  // erratum cell -> its groups
    std::map<std::size_t, std::vector<std::size_t>> by_reader;  // reader step -> groups its operands hold
    for (std::size_t j = 0; j < judged_.size(); ++j) {
      const Substitution& subst = judged_[j].subst;
      for (auto [r, c] : subst.cells) groups_of[{subst.item, r, c}].push_back(j);
      for (std::size_t t : readers(s_, subst.item)) by_reader[t].push_back(j);
    }
    for (const auto& [t, candidates] : by_reader) {
      const StepAudit* reader = s_.step_audit(t);
      if (!reader) continue;
      for (const CellAudit& cell : reader->cells) {
        std::vector<std::size_t> groups;
        if (auto reads = s_.reads(t, cell.row, cell.col)) {
          for (const CellRef& ref : *reads)
            if (auto it = groups_of.find(ref); it != groups_of.end())
              groups.insert(groups.end(), it->second.begin(), it->second.end());
          std::sort(groups.begin(), groups.end());
          groups.erase(std::unique(groups.begin(), groups.end()), groups.end());
        } else {
          groups = candidates;  // reads not known: every erratum of its operands
        }
        if (!groups.empty()) judge(cell, ReaderCell{t, std::move(groups)});
      }
    }
  }

 private:
  void judge(const CellAudit& cell, const ReaderCell& rc) {
    const std::vector<std::size_t>& groups = rc.groups;
    if (groups.size() > kJointGroups) return;
    for (std::size_t j : groups)
      if (judged_[j].subst.item != judged_[groups.front()].subst.item) return;
    const std::size_t choices = std::size_t{1} << groups.size();
    std::vector<bool> may(choices);
    bool any = false;
    for (std::size_t chosen = 0; chosen < choices; ++chosen) {
      auto [fit, possible] = fit_of(cell, rc.step, groups, chosen);
      may[chosen] = possible || fit;
      any = any || fit;
    }
    if (!any) return;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      bool always = true, never = true;
      for (std::size_t chosen = 0; chosen < choices; ++chosen)
        if (may[chosen]) {
          bool corrected = (chosen >> g) & 1;
          always = always && corrected;
          never = never && !corrected;
        }
      if (always) ++judged_[groups[g]].good;
      if (never) ++judged_[groups[g]].bad;
    }
  }

  // Whether the cell's stated value is proven to follow with the chosen groups corrected (the
  // rest printed), and whether it may.
  std::pair<bool, bool> fit_of(const CellAudit& cell, std::size_t t, const std::vector<std::size_t>& groups,
                               std::size_t chosen) {
    const CompareMode& mode = s_.c.items[t].compare;
    std::vector<std::size_t> corrected;
    for (std::size_t g = 0; g < groups.size(); ++g)
      if ((chosen >> g) & 1) corrected.push_back(groups[g]);
    const Recomputed& r = recomputed(t, groups.front(), corrected);
    // A choice with no value at all gives no stated value (DESIGN §5); one not computed proves
    // nothing either way.
    if (!r.values) {
      // The step fails as a whole there; the cell may not (a zero column sum elsewhere).
      auto v = operands_.recompute_cell(t, cell.row, cell.col, corrected.empty() ? std::nullopt : std::optional(r.subst));
      if (!v) return {false, !r.no_value};
      return {matches(mode, cell.stated, *v) == Match::yes, may_match(mode, cell.stated, *v)};
    }
    const Real& v = (*r.values)(cell.row, cell.col);
    // An enclosure over operand ranges holds more than the values it encloses (an operand read
    // twice, as a softmax reads each score), so a fit is proven by operand values that give the
    // stated one, and a miss by the enclosure or by every part of a split of the operand box:
    // a miss of the enclosure alone let a choice the stated value does not fit say nothing.
    if (!may_match(mode, cell.stated, v)) return {false, false};
    Match over_box = operands_.matches_recomputed(t, cell, &*r.values, corrected.empty() ? nullptr : &r.subst);
    bool fit = over_box == Match::yes ||
               (corrected.empty() && (cell.against_recomputed == Match::yes || matches(mode, cell.stated, v) == Match::yes));
    return {fit, fit || over_box != Match::no};
  }

  struct Recomputed {
    Substitution subst;  // the corrected cells
    std::optional<Matrix<Real>> values;
    bool no_value = false;  // the step fails over these operands, all exact
  };

  // Reader step t from the stated values with the cells of the `corrected` groups put back,
  // kept for its other cells.
  const Recomputed& recomputed(std::size_t t, std::size_t any_group, const std::vector<std::size_t>& corrected) {
    auto key = std::make_pair(t, corrected);
    auto it = recomputed_.find(key);
    if (it != recomputed_.end()) return it->second;
    Recomputed r{Substitution{judged_[any_group].subst.item, {}}, std::nullopt};
    for (std::size_t j : corrected) {
      const auto& more = judged_[j].subst.cells;
      r.subst.cells.insert(r.subst.cells.end(), more.begin(), more.end());
    }
    r.values = corrected.empty() ? operands_.recompute(t, *s_.step_expression(t))
                                 : operands_.shaped(t, operands_.recompute(t, *s_.step_expression(t), r.subst));
    if (r.values && r.values->shape() != s_.shapes[t]) r.values.reset();
    if (!r.values) r.no_value = operands_.has_no_value(t, corrected.empty() ? std::nullopt : std::optional(r.subst));
    return recomputed_.emplace(std::move(key), std::move(r)).first->second;
  }

  const AuditState& s_;
  const StatedOperands& operands_;
  std::vector<Judged>& judged_;
  std::map<std::pair<std::size_t, std::vector<std::size_t>>, Recomputed> recomputed_;  // (step, groups)
};

Downstream downstream_from(const Judged& j) {
  return j.good && j.bad ? Downstream::mixed
         : j.good        ? Downstream::correct
         : j.bad         ? Downstream::stated
                         : Downstream::none;
}

}  // namespace

// Errata are judged one by one while the budget allows, else together with the errata of
// their column, else with every erratum of their step; the step records which.
void find_downstream(AuditState& s, StatedOperands& operands) {
  std::map<std::size_t, std::vector<std::size_t>> by_step;  // step -> indices into errata
  for (std::size_t e = 0; e < s.out.errata.size(); ++e) by_step[s.out.errata[e].step].push_back(e);
  std::size_t left = kFollowThroughBudget;
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
      Judged j{group.second, Substitution{sa.item, {}}};
      for (std::size_t e : group.second) {
        const CellAudit& cell = sa.cells[s.out.errata[e].cell];
        j.subst.cells.emplace_back(cell.row, cell.col);
      }
      judged.push_back(std::move(j));
    }
  }
  FollowThrough(s, operands, judged).run();
  for (const Judged& j : judged) {
    Downstream d = downstream_from(j);
    for (std::size_t e : j.errata) {
      const ErratumRef& ref = s.out.errata[e];
      s.out.steps[ref.step].cells[ref.cell].downstream = d;
    }
  }
}

}  // namespace handcheck
