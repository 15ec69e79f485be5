#include "stated_operands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "stated_cells.hpp"

namespace handcheck {

namespace {

Range range_of(const Real& x) { return Range(x.lower(), x.upper()); }

// Evaluates e over `lookup`; nullopt where the operands allow no value (an operand without a
// value, a range of divisors holding zero, an infinity).
std::optional<Matrix<Real>> evaluate_or_nothing(const Expr& e, const Lookup<Real>& lookup) {
  try {
    return evaluate<Real>(e, lookup);
  } catch (const EvalError&) {
  } catch (const Undecided&) {
  } catch (const DomainError&) {
  }
  return std::nullopt;
}

}  // namespace

// A step recomputed from its stated operands has the step's shape, unless a stated operand
// decides the shape (repeat_rows(x, k) with k stated wrong): such a recomputation says nothing
// of the stated cells, which are placed by the correct shape.
std::optional<Matrix<Real>> StatedOperands::shaped(std::size_t i, std::optional<Matrix<Real>> m) const {
  if (m && m->shape() != s_.shapes[i]) m.reset();
  return m;
}

void StatedOperands::start_step(std::size_t i) {
  memo_.clear();
  range_memo_.clear();
  corners_.reset();
  step_ = i;
  continuous_ = continuous(*s_.step_expression(i));
}

// Built once per item and pipeline: every recomputation reads the same operands. A blank cell
// stands for its correct value. nullptr when k has no value in that pipeline.
const Matrix<Real>* StatedOperands::operand(std::size_t k, const Run& pipeline) const {
  auto& cache = &pipeline == &s_.hand ? hand_operands_ : exact_operands_;
  if (cache.size() < s_.c.items.size()) cache.resize(s_.c.items.size());
  if (cache[k]) return &*cache[k];
  if (!pipeline.values[k]) return nullptr;
  Matrix<Real> m = *pipeline.values[k];
  if (const StepAudit* sa = s_.step_audit(k)) {
    const Run& own = s_.run_of(k);
    for (const CellAudit& cell : sa->cells) {
      Real printed = real_of(cell.stated);
      Real& slot = m(cell.row, cell.col);
      slot = printed;
      // Only a proven match stands for a range (an undecided one: see OperandStatus).
      if (cell.against_correct != Match::yes || !own.values[k]) continue;
      try {
        slot = hull(printed, (*own.values[k])(cell.row, cell.col));
      } catch (const DomainError&) {
        slot = printed;  // an infinity and a finite number: no range holds both
      }
    }
  }
  cache[k] = std::move(m);
  return &*cache[k];
}

// m with the cells of `subst` at their correct values: those of the pipeline the erratum
// follows, which the report names.
Matrix<Real> StatedOperands::corrected(const Matrix<Real>& m, const Substitution& subst) const {
  const Run& own = s_.run_of(subst.item);
  if (!own.values[subst.item]) throw Undecided(fmt::format("{} has no value", s_.c.items[subst.item].name));
  Matrix<Real> out = m;
  for (auto [r, c] : subst.cells) out(r, c) = (*own.values[subst.item])(r, c);
  return out;
}

std::optional<Matrix<Real>> StatedOperands::recompute(std::size_t i, const Expr& e,
                                                      const std::optional<Substitution>& subst) const {
  const Run& pipeline = s_.run_of(i);
  std::optional<Matrix<Real>> substituted;
  Lookup<Real> lookup = [&](const std::string& name) -> const Matrix<Real>& {
    auto k = static_cast<std::size_t>(s_.c.find(name));
    const Matrix<Real>* m = operand(k, pipeline);
    if (!m) throw Undecided(fmt::format("{} has no value", name));
    if (!subst || subst->item != k) return *m;
    if (!substituted) substituted = corrected(*m, *subst);
    return *substituted;
  };
  return evaluate_or_nothing(e, lookup);
}

std::optional<Matrix<Real>> StatedOperands::recompute_shared(std::size_t i, const Substitution* subst) const {
  auto compute = [&] {
    return shaped(i, subst ? recompute(i, *s_.step_expression(i), *subst) : recompute(i, *s_.step_expression(i)));
  };
  std::string key = shared_ ? shared_->key(i) : std::string();
  if (key.empty()) return compute();
  // The store's key of step i is complete in itself (it lists every operand cell), so a key
  // with the substitution after it is never another step's.
  if (subst) {
    key += fmt::format("|{}:{}", subst->item, subst->cells.size());
    for (auto [r, c] : subst->cells) key += fmt::format(":{},{}", r, c);
  }
  if (auto found = shared_->find(key)) return *found;
  auto l = std::make_shared<const std::optional<Matrix<Real>>>(compute());
  shared_->add(std::move(key), l);
  return *l;
}

const Matrix<Real>* StatedOperands::printed_memo(std::size_t i, const Expr& e) const {
  std::string key = to_string(e);
  auto it = memo_.find(key);
  if (it == memo_.end()) {
    const Run& pipeline = s_.run_of(i);
    Lookup<Real> lookup = [&](const std::string& name) -> const Matrix<Real>& {
      auto k = static_cast<std::size_t>(s_.c.find(name));
      const Matrix<Real>* m = s_.step_of[k] >= 0 ? operand_at(k, pipeline, false) : operand(k, pipeline);
      if (!m) throw Undecided(fmt::format("{} has no value", name));
      return *m;
    };
    it = memo_.emplace(std::move(key), evaluate_or_nothing(e, lookup)).first;
  }
  return it->second ? &*it->second : nullptr;
}

const Matrix<Range>* StatedOperands::printed_range_memo(std::size_t i, const Expr& e) const {
  std::string key = to_string(e);
  auto it = range_memo_.find(key);
  if (it == range_memo_.end()) {
    std::optional<Matrix<Range>> ranges;
    const Matrix<Real>* m = printed_memo(i, e);
    if (m && std::none_of(m->begin(), m->end(), [](const Real& x) { return x.is_infinite(); }))
      ranges = map_cells(*m, range_of);
    it = range_memo_.emplace(std::move(key), std::move(ranges)).first;
  }
  return it->second ? &*it->second : nullptr;
}

bool StatedOperands::has_no_value(std::size_t i, const std::optional<Substitution>& subst) const {
  const Run& pipeline = s_.run_of(i);
  std::optional<Matrix<Real>> substituted;
  bool ranges = false;  // an operand read holds an interval
  Lookup<Real> lookup = [&](const std::string& name) -> const Matrix<Real>& {
    auto k = static_cast<std::size_t>(s_.c.find(name));
    const Matrix<Real>* m = operand(k, pipeline);
    if (!m) throw Undecided(fmt::format("{} has no value", name));
    if (subst && subst->item == k) {
      if (!substituted) substituted = corrected(*m, *subst);
      m = &*substituted;
    }
    ranges = ranges || std::any_of(m->begin(), m->end(), [](const Real& x) { return x.is_interval(); });
    return *m;
  };
  try {
    evaluate<Real>(*s_.step_expression(i), lookup);
  } catch (const Exception& e) {
    // Operands are read as the evaluation goes: a failure before any interval is read is one of
    // exact values.
    return e.kind() == ErrorKind::input && !ranges;
  }
  return false;
}

std::optional<Real> StatedOperands::recompute_cell(std::size_t i, std::size_t r, std::size_t c,
                                                   const std::optional<Substitution>& subst) const {
  if (cell_recomputations_left_ == 0) return std::nullopt;
  auto reads = s_.reads(i, r, c);
  if (!reads) return std::nullopt;
  --cell_recomputations_left_;
  const Run& pipeline = s_.run_of(i);
  std::map<std::size_t, Matrix<Real>> operands;  // item -> its stated cells outside reads put back
  Lookup<Real> lookup = [&](const std::string& name) -> const Matrix<Real>& {
    auto k = static_cast<std::size_t>(s_.c.find(name));
    if (auto it = operands.find(k); it != operands.end()) return it->second;
    const Matrix<Real>* m = operand(k, pipeline);
    if (!m || !pipeline.values[k]) throw Undecided(fmt::format("{} has no value", name));
    Matrix<Real> own = subst && subst->item == k ? corrected(*m, *subst) : *m;
    for (std::size_t rr = 0; rr < own.rows(); ++rr)
      for (std::size_t cc = 0; cc < own.cols(); ++cc)
        if (!reads->count({k, rr, cc})) own(rr, cc) = (*pipeline.values[k])(rr, cc);
    return operands.emplace(k, std::move(own)).first->second;
  };
  auto m = shaped(i, evaluate_or_nothing(*s_.step_expression(i), lookup));
  if (!m) return std::nullopt;
  return (*m)(r, c);
}

Match StatedOperands::matches_recomputed(std::size_t i, const CellAudit& cell, const Matrix<Real>* l,
                                         const Substitution* subst) const {
  KnownValues known = [&] {
    std::vector<Real> values;
    auto take = [&](const std::vector<Matrix<Real>>& corners) {
      for (const Matrix<Real>& corner : corners) values.push_back(corner(cell.row, cell.col));
    };
    take(corners(i, subst));
    return values;
  };
  return match_over_box(s_.c.items[i].compare, cell.stated, l ? &(*l)(cell.row, cell.col) : nullptr, known,
                        [&] { return cell_over_box(i, cell, subst); });
}

// The stated cells that cell reads and that stand for a range, between the printed value p
// and the correct c, with those ranges put in out.box and out.inner; nullopt when the cell
// reads too many cells to list.
std::optional<std::vector<CellRef>> StatedOperands::varied_cells(std::size_t i, const CellAudit& cell,
                                                                 CellOverBox& out) const {
  const Run& pipeline = s_.run_of(i);
  auto reads = s_.reads(i, cell.row, cell.col);
  if (!reads) return std::nullopt;
  std::vector<CellRef> varied;
  for (const CellRef& ref : *reads) {
    const CellAudit* stated = s_.audited_cell(ref.item, ref.row, ref.col);
    const Run& own = s_.run_of(ref.item);
    if (!stated || stated->against_correct != Match::yes || stated->stated.is_infinite() || !own.values[ref.item] ||
        !operand(ref.item, pipeline))
      continue;
    const Real& c = (*own.values[ref.item])(ref.row, ref.col);
    if (c.is_infinite()) continue;
    const Rational& p = stated->stated.value;
    Range box(std::min(p, c.lower()), std::max(p, c.upper()));
    if (box.is_point()) continue;
    varied.push_back(ref);
    out.box.push_back(box);
    out.inner.push_back(c.is_exact()       ? box
                        : p <= c.lower() ? Range(p, c.lower())
                        : p >= c.upper() ? Range(c.upper(), p)
                                         : Range(p));
  }
  return varied;
}

// The cell over the ranges of the stated operand cells it reads.
CellOverBox StatedOperands::cell_over_box(std::size_t i, const CellAudit& cell, const Substitution* subst) const {
  CellOverBox out;
  out.continuous = subst || i != step_ ? continuous(*s_.step_expression(i)) : continuous_;
  out.step_cells = std::max<std::size_t>(1, s_.shapes[i].cells());
  const Run& pipeline = s_.run_of(i);
  auto varied = varied_cells(i, cell, out);
  if (!varied) return out;
  // The erratum put back to its correct value, for the follow-through: it is never varied.
  std::shared_ptr<const Matrix<Real>> fixed;
  if (subst) {
    const Matrix<Real>* m = operand(subst->item, pipeline);
    if (!m) return out;
    try {
      fixed = std::make_shared<const Matrix<Real>>(corrected(*m, *subst));
    } catch (const Undecided&) {
      return out;
    }
  }
  auto operand_or_fixed = [this, &pipeline, fixed, item = subst ? subst->item : s_.c.items.size()](std::size_t k) {
    return k == item ? fixed.get() : operand(k, pipeline);
  };
  out.value_over = [this, i, operand_or_fixed, varied = std::move(*varied), r = cell.row, c = cell.col,
                    cells = out.step_cells](const std::vector<Range>& part) -> std::optional<Real> {
    std::map<std::size_t, Matrix<Real>> changed;
    for (std::size_t v = 0; v < varied.size(); ++v) {
      auto [it, fresh] = changed.try_emplace(varied[v].item);
      if (fresh) it->second = *operand_or_fixed(varied[v].item);
      it->second(varied[v].row, varied[v].col) =
          part[v].is_point() ? Real(part[v].lo) : hull(Real(part[v].lo), Real(part[v].hi));
    }
    Lookup<Real> lookup = [&](const std::string& name) -> const Matrix<Real>& {
      auto k = static_cast<std::size_t>(s_.c.find(name));
      if (auto it = changed.find(k); it != changed.end()) return it->second;
      const Matrix<Real>* m = operand_or_fixed(k);
      if (!m) throw Undecided(fmt::format("{} has no value", name));
      return *m;
    };
    // Each call computes the whole step: the audit's share of such work is bounded.
    if (box_work_left_ < cells) return std::nullopt;
    box_work_left_ -= cells;
    auto step = shaped(i, evaluate_or_nothing(*s_.step_expression(i), lookup));
    if (!step || (*step)(r, c).is_infinite()) return std::nullopt;
    return (*step)(r, c);
  };
  return out;
}

// Step i at the corners of the box its stated operands span, built once per step; with a
// substitution, once per reader step and substitution (the follow-through asks for each cell).
// Keyed by step: the follow-through asks about reader steps after the last one audited.
const std::vector<Matrix<Real>>& StatedOperands::corners(std::size_t i, const Substitution* subst) const {
  if (!subst) {
    if (!corners_ || corners_->step != i) corners_ = StepCorners{i, corners_of(i, nullptr)};
    return corners_->corners;
  }
  auto& c = substituted_corners_;
  if (!c || c->step != i || c->subst.item != subst->item || c->subst.cells != subst->cells)
    c = SubstitutedCorners{i, *subst, corners_of(i, subst)};
  return c->corners;
}

// The same, with the cells of `subst` at their correct values.
std::vector<Matrix<Real>> StatedOperands::corners_of(std::size_t i, const Substitution* subst) const {
  std::vector<Matrix<Real>> out;
  const Run& pipeline = s_.run_of(i);
  std::vector<std::size_t> items;
  for (std::size_t k : s_.operands[i])
    if (s_.step_of[k] >= 0 && std::find(items.begin(), items.end(), k) == items.end()) items.push_back(k);
  bool every = items.size() <= kCornerItems;
  std::size_t count = every ? std::size_t{1} << items.size() : 2;
  for (std::size_t corner = 0; corner < count; ++corner) {
    std::optional<Matrix<Real>> fixed;
    Lookup<Real> lookup = [&](const std::string& name) -> const Matrix<Real>& {
      auto k = static_cast<std::size_t>(s_.c.find(name));
      auto at = static_cast<std::size_t>(std::find(items.begin(), items.end(), k) - items.begin());
      const Matrix<Real>* m = at == items.size() ? operand(k, pipeline)
                                                 : operand_at(k, pipeline, every ? (corner >> at) & 1 : corner);
      if (!m) throw Undecided(fmt::format("{} has no value", name));
      if (!subst || k != subst->item) return *m;
      // Made once per corner: an expression may read the item again while holding the first.
      if (!fixed) fixed = corrected(*m, *subst);
      return *fixed;
    };
    if (auto value = shaped(i, evaluate_or_nothing(*s_.step_expression(i), lookup))) out.push_back(std::move(*value));
  }
  return out;
}

// Item k's stated values at one end of their ranges: every stated cell at its printed value,
// or, where it matches its correct value, at that value; blank cells correct.
const Matrix<Real>* StatedOperands::operand_at(std::size_t k, const Run& pipeline, bool correct) const {
  auto key = std::make_tuple(k, &pipeline == &s_.hand, correct);
  auto it = corner_operands_.find(key);
  if (it != corner_operands_.end()) return it->second ? &*it->second : nullptr;
  std::optional<Matrix<Real>> m;
  if (pipeline.values[k]) {
    m = *pipeline.values[k];
    const Run& own = s_.run_of(k);
    for (const CellAudit& cell : s_.step_audit(k)->cells) {
      bool keep = correct && cell.against_correct == Match::yes && own.values[k];
      (*m)(cell.row, cell.col) = keep ? (*own.values[k])(cell.row, cell.col) : real_of(cell.stated);
    }
  }
  it = corner_operands_.emplace(key, std::move(m)).first;
  return it->second ? &*it->second : nullptr;
}

}  // namespace handcheck
