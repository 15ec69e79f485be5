#include "operand_box.hpp"

#include <algorithm>
#include <deque>
#include <string>

#include "handcheck/ops/registry.hpp"

namespace handcheck {

namespace {

// Evaluations of a step allowed to decide one cell by splitting its operand box.
constexpr std::size_t kBisections = 128;
// Cells computed, over all corners, when trying each varied cell at either end of its range.
constexpr std::size_t kCornerWork = 1 << 16;

// Where values of the cell lie against the stated range: below it, above it, or inside it.
struct Sides {
  bool below = false, above = false;
  // Records v; true when v lies wholly outside the stated range.
  bool outside(const Real& v, const Range& accepted) {
    bool lower = v.upper() < accepted.lo, higher = accepted.hi < v.lower();
    below = below || lower;
    above = above || higher;
    return lower || higher;
  }
};

// Each varied cell at either end of its range, while the corners are few: a writer who carried
// some cells as printed and others at their correct values.
Match try_corners(const CompareMode& mode, const Literal& stated, const Range& accepted, const CellOverBox& cell,
                  Sides& sides) {
  std::size_t n = cell.box.size();
  if (n >= 16 || (std::size_t{1} << n) * cell.step_cells > kCornerWork) return Match::undecided;
  for (std::size_t corner = 0; corner < (std::size_t{1} << n); ++corner) {
    std::vector<Range> point;
    for (std::size_t v = 0; v < n; ++v) point.emplace_back((corner >> v) & 1 ? cell.inner[v].hi : cell.inner[v].lo);
    auto value = cell.value_over(point);
    if (!value) continue;
    if (matches(mode, stated, *value) == Match::yes) return Match::yes;
    sides.outside(*value, accepted);
    if (sides.below && sides.above && cell.continuous) return Match::yes;
  }
  return Match::undecided;
}

// Whether a part of the box holds a point of the inner box, where its values are the cell's.
bool meets_inner(const std::vector<Range>& part, const CellOverBox& cell) {
  for (std::size_t v = 0; v < part.size(); ++v)
    if (!part[v].meets(cell.inner[v])) return false;
  return true;
}

// Branch and bound, breadth first: drop a part whose enclosure misses the stated range; else try
// its midpoint (moved into the inner box), and split its widest range in two.
Match split(const CompareMode& mode, const Literal& stated, const Range& accepted, const CellOverBox& cell, Sides& sides) {
  std::deque<std::vector<Range>> work{cell.box};
  std::size_t evaluations = 0;
  while (!work.empty()) {
    if (evaluations + 2 > kBisections) return Match::undecided;
    std::vector<Range> part = std::move(work.front());
    work.pop_front();
    auto value = cell.value_over(part);
    ++evaluations;
    if (!value) return Match::undecided;
    bool inside = meets_inner(part, cell);
    Sides seen;
    if (seen.outside(*value, accepted)) {
      if (inside) {
        sides.below = sides.below || seen.below;
        sides.above = sides.above || seen.above;
      }
      if (sides.below && sides.above && cell.continuous) return Match::yes;
      continue;
    }
    if (inside && matches(mode, stated, *value) == Match::yes) return Match::yes;
    std::vector<Range> middle;
    for (std::size_t v = 0; v < part.size(); ++v) {
      Rational m = (part[v].lo + part[v].hi) / 2;
      middle.emplace_back(std::clamp(m, cell.inner[v].lo, cell.inner[v].hi));
    }
    auto at_middle = cell.value_over(middle);
    ++evaluations;
    if (at_middle) {
      if (matches(mode, stated, *at_middle) == Match::yes) return Match::yes;
      sides.outside(*at_middle, accepted);
      if (sides.below && sides.above && cell.continuous) return Match::yes;
    }
    std::size_t widest = 0;
    for (std::size_t v = 1; v < part.size(); ++v)
      if (part[v].hi - part[v].lo > part[widest].hi - part[widest].lo) widest = v;
    Rational cut = (part[widest].lo + part[widest].hi) / 2;
    std::vector<Range> upper = part;
    part[widest].hi = cut;
    upper[widest].lo = cut;
    work.push_back(std::move(part));
    work.push_back(std::move(upper));
  }
  return Match::no;
}

}  // namespace

bool continuous(const Expr& e) {
  if (e.kind == Expr::Kind::call) {
    const OpSpec* op = find_op(e.name);
    if (!op || op->continuity != Continuity::continuous) return false;
  }
  return std::all_of(e.args.begin(), e.args.end(), [](const ExprPtr& a) { return continuous(*a); });
}

Match match_over_box(const CompareMode& mode, const Literal& stated, const Real* enclosure, const KnownValues& known,
                     const CellOverBoxOf& cell_of) {
  if (enclosure && !may_match(mode, stated, *enclosure)) return Match::no;
  if (enclosure && matches(mode, stated, *enclosure) == Match::yes) return Match::yes;
  // Values on both sides of the stated range prove a match only if some number matches at all.
  // A stated number that matches anything matches itself; at two significant figures 1.23 and
  // "4/3" match nothing, though stated_range gives them a range.
  if (matches(mode, stated, Real(stated.value)) == Match::no) return Match::no;
  Range accepted = stated_range(mode, stated);
  CellOverBox cell = cell_of();
  // Values on both sides prove one between them only where the step is continuous on the whole
  // box: its enclosure there was computed, every operation defined on all of it. Without one a
  // pole or a gap may lie between (1 / w, w in [-0.003, 0.004], is never 5).
  cell.continuous = cell.continuous && enclosure;
  Sides sides;
  const std::vector<Real> values = known ? known() : std::vector<Real>{};
  for (const Real& v : values) {
    if (matches(mode, stated, v) == Match::yes) return Match::yes;
    if (!v.is_infinite()) sides.outside(v, accepted);
  }
  if (sides.below && sides.above && cell.continuous) return Match::yes;
  // Nothing the cell reads varies (its reads are known, none is a range): a value at any point of
  // the box is the cell's one value, wherever else the step fails (a pole in another cell).
  if (cell.box.empty() && cell.value_over && !values.empty() && !values.front().is_infinite())
    return !may_match(mode, stated, values.front()) || matches(mode, stated, values.front()) == Match::no
               ? Match::no
               : Match::undecided;
  if (cell.box.empty() || !cell.value_over) return Match::undecided;
  if (try_corners(mode, stated, accepted, cell, sides) == Match::yes) return Match::yes;
  return split(mode, stated, accepted, cell, sides);
}

}  // namespace handcheck
