#include "auditor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "handcheck/audit/compare.hpp"
#include "handcheck/audit/reads.hpp"
#include "handcheck/linalg/products.hpp"
#include "handcheck/ops/scalar.hpp"
#include "operand_box.hpp"
#include "stated_cells.hpp"

namespace handcheck {

namespace {

// Cells of one item put back to their correct values (corrected errata, for `downstream`).
struct Substitution {
  std::size_t item;
  std::vector<std::pair<std::size_t, std::size_t>> cells;
};

// Work allowed for `downstream`, in reader cells recomputed. Judging each erratum alone costs
// errata × reader cells; past this budget errata are judged per column, then per step.
constexpr std::size_t kFollowThroughBudget = 1'000'000;
// Step cells computed, over the whole audit, to prove that stated operands in their ranges give
// a stated value (a few seconds of interval work); past it such cells are undecided.
constexpr std::size_t kBoxWork = 500'000;
// Beyond this many operand cells, a cell is taken to read every cell of its operands.
constexpr std::size_t kMaxCellReads = 4096;
// Up to this many stated operand items, L is tried at every corner (each item at its printed
// or its correct values); beyond, at the two extremes only.
constexpr std::size_t kCornerItems = 4;
Range range_of(const Real& x) { return Range(x.lower(), x.upper()); }

// No value lies in both.
bool disjoint(const Real& a, const Real& b) {
  if (a.is_infinite() || b.is_infinite()) return a.infinity_sign() != b.infinity_sign();
  return a.upper() < b.lower() || b.upper() < a.lower();
}

// What the stated operands a cell reads say about it.
struct OperandStatus {
  bool any_stated = false;  // some cell it reads is stated
  bool wrong = false;       // some cell it reads is an erratum or carried
  bool undecided = false;   // some cell it reads is undecided
  std::vector<std::size_t> errata;  // the errata it follows from, indices into CaseAudit::errata
};

class Auditor {
 public:
  Auditor(const Case& c, const HandRun& hand, const ExactRun& exact, const StatedValues& stated, CaseAudit& out,
          const AuditWork& work = {})
      : c_(c), hand_(hand), exact_(exact), given_(stated), out_(out), work_(work), step_of_(c.items.size(), -1),
        cell_index_(c.items.size()), slip_budget_(work.slip_work) {
    for (std::size_t i = 0; i < c.items.size(); ++i) {
      std::vector<std::size_t> ops;
      if (!c.items[i].is_input)
        for (const auto& n : referenced_names(*step_expression(i))) ops.push_back(static_cast<std::size_t>(c.find(n)));
      operands_.push_back(std::move(ops));
      const Run& run = run_of(i);
      const Run& other = &run == &hand_ ? exact_ : hand_;
      shapes_.push_back(run.values[i] ? run.values[i]->shape() : other.values[i] ? other.values[i]->shape() : Shape{});
    }
  }

  void run() {
    for (std::size_t i = 0; i < c_.items.size(); ++i) {
      const Item& item = c_.items[i];
      const Matrix<std::optional<Literal>>* given = i < given_.size() && given_[i] ? &*given_[i] : nullptr;
      if (item.is_input || (!item.stated && !given)) continue;
      StepAudit sa;
      sa.item = i;
      sa.stated = given ? *given : place_stated(item, stated_shape(i));
      step_of_[i] = static_cast<long>(out_.steps.size());
      cell_index_[i] = Matrix<long>(sa.stated.shape(), -1);
      out_.steps.push_back(std::move(sa));
      audit_step(i);
    }
    if (work_.downstream) find_downstream();
  }

 private:
  const Run& run_of(std::size_t i) const { return c_.items[i].follows == Follows::hand ? hand_ : exact_; }

  Shape stated_shape(std::size_t i) const {
    return stated_step_shape(c_.items[i], shapes_[i], walked_shape(c_, shapes_, *step_expression(i)), run_of(i).missing[i]);
  }

  const CellAudit* audited_cell(std::size_t k, std::size_t r, std::size_t c) const {
    if (step_of_[k] < 0) return nullptr;
    long at = cell_index_[k](r, c);
    return at < 0 ? nullptr : &out_.steps[static_cast<std::size_t>(step_of_[k])].cells[static_cast<std::size_t>(at)];
  }

  // The values a step that follows `pipeline` sees for item k (DESIGN §5): a stated number
  // that matches its correct value stands for the range between the two, one that does not
  // for itself; a blank cell for its correct value. Built once per item and pipeline: every
  // recomputation reads the same operands. nullptr when k has no value in that pipeline.
  const Matrix<Real>* operand(std::size_t k, const Run& pipeline) const {
    auto& cache = &pipeline == &hand_ ? hand_operands_ : exact_operands_;
    if (cache.size() < c_.items.size()) cache.resize(c_.items.size());
    if (cache[k]) return &*cache[k];
    if (!pipeline.values[k]) return nullptr;
    Matrix<Real> m = *pipeline.values[k];
    if (step_of_[k] >= 0) {
      const Run& own = run_of(k);
      for (const CellAudit& cell : out_.steps[static_cast<std::size_t>(step_of_[k])].cells) {
        Real printed = real_of(cell.stated);
        Real& slot = m(cell.row, cell.col);
        slot = printed;
        if (cell.against_correct == Match::no || !own.values[k]) continue;
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

  // Any expression over the stated values of the items it reads, in the pipeline step i
  // follows; `subst` puts cells back to their correct values. nullopt when that cannot be
  // done (a range of divisors that contains zero, an operand without a value).
  std::optional<Matrix<Real>> recompute_expr(std::size_t i, const Expr& e,
                                             const std::optional<Substitution>& subst) const {
    const Run& pipeline = run_of(i);
    std::optional<Matrix<Real>> substituted;
    Lookup<Real> lookup = [&](const std::string& name) -> const Matrix<Real>& {
      auto k = static_cast<std::size_t>(c_.find(name));
      const Matrix<Real>* m = operand(k, pipeline);
      if (!m) throw Undecided(fmt::format("{} has no value", name));
      if (!subst || subst->item != k) return *m;
      if (!substituted) {
        substituted = *m;
        for (auto [r, c] : subst->cells) (*substituted)(r, c) = (*pipeline.values[k])(r, c);
      }
      return *substituted;
    };
    try {
      return evaluate<Real>(e, lookup);
    } catch (const EvalError&) {
      return std::nullopt;
    } catch (const Undecided&) {
      return std::nullopt;
    } catch (const DomainError&) {
      return std::nullopt;
    }
  }

  // The step recomputed from its stated operands, through the caller's store when it has one.
  std::optional<Matrix<Real>> recompute_shared(std::size_t i) const {
    std::string key = work_.recomputed ? work_.recomputed->key(i) : std::string();
    if (key.empty()) return recompute_expr(i, *step_expression(i), std::nullopt);
    if (auto found = work_.recomputed->find(key)) return *found;
    auto l = std::make_shared<const std::optional<Matrix<Real>>>(recompute_expr(i, *step_expression(i), std::nullopt));
    work_.recomputed->add(std::move(key), l);
    return *l;
  }

  // The slip variants of one step are the same expressions for every cell: evaluate each once.
  const Matrix<Real>* recompute_memo(std::size_t i, const Expr& e) const {
    std::string key = to_string(e);
    auto it = memo_.find(key);
    if (it == memo_.end()) it = memo_.emplace(std::move(key), recompute_expr(i, e, std::nullopt)).first;
    return it->second ? &*it->second : nullptr;
  }
  const Matrix<Range>* recompute_range_memo(std::size_t i, const Expr& e) const {
    std::string key = to_string(e);
    auto it = range_memo_.find(key);
    if (it == range_memo_.end()) {
      std::optional<Matrix<Range>> ranges;
      const Matrix<Real>* m = recompute_memo(i, e);
      if (m && std::none_of(m->begin(), m->end(), [](const Real& x) { return x.is_infinite(); }))
        ranges = map_cells(*m, range_of);
      it = range_memo_.emplace(std::move(key), std::move(ranges)).first;
    }
    return it->second ? &*it->second : nullptr;
  }

  std::optional<std::vector<Slip>> slips_of(std::size_t i, const CellAudit& cell) const {
    const Item& item = c_.items[i];
    if (cell.stated.is_infinite()) return {};
    bool hand = item.follows == Follows::hand;
    SlipQuery q;
    q.item = &item;
    q.expression = step_expression(i);
    q.other = item.same_expression ? nullptr : (hand ? item.exact : item.hand)->ast.get();
    q.row = cell.row;
    q.col = cell.col;
    q.stated = cell.stated;
    q.stated_range = stated_range(item.compare, cell.stated);
    const Real& truth = (*run_of(i).values[i])(cell.row, cell.col);
    if (truth.is_exact()) q.truth = truth.exact();
    if (hand) q.evaluate = [this, i](const Expr& e) { return recompute_range_memo(i, e); };
    q.evaluate_exact = [this, i](const Expr& e) { return recompute_memo(i, e); };
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
      const CellAudit* cell = audited_cell(k, rr, cc);
      if (!cell) return;
      status.any_stated = true;
      switch (cell->verdict) {
        case Verdict::ok: break;
        case Verdict::undecided: status.undecided = true; break;
        case Verdict::erratum:
          status.wrong = true;
          errata.insert(erratum_index(k, *cell));
          break;
        case Verdict::carried:
          status.wrong = true;
          errata.insert(cell->follows_from.begin(), cell->follows_from.end());
          break;
      }
    };
    auto reads = cell_reads(c_, shapes_, *step_expression(i), r, c, kMaxCellReads);
    if (reads) {
      for (const CellRef& ref : *reads) visit(ref.item, ref.row, ref.col);
    } else {
      for (std::size_t k : operands_[i])
        if (step_of_[k] >= 0)
          for (const CellAudit& cell : out_.steps[static_cast<std::size_t>(step_of_[k])].cells)
            visit(k, cell.row, cell.col);
    }
    status.errata.assign(errata.begin(), errata.end());
    return status;
  }

  std::size_t erratum_index(std::size_t k, const CellAudit& cell) const {
    auto step = static_cast<std::size_t>(step_of_[k]);
    auto at = static_cast<std::size_t>(&cell - out_.steps[step].cells.data());
    for (std::size_t e = 0; e < out_.errata.size(); ++e)
      if (out_.errata[e].step == step && out_.errata[e].cell == at) return e;
    return 0;
  }

  void audit_step(std::size_t i) {
    memo_.clear();
    range_memo_.clear();
    corners_.reset();
    continuous_ = continuous(*step_expression(i));
    const Item& item = c_.items[i];
    const Run& run = run_of(i);
    StepAudit& sa = out_.steps[static_cast<std::size_t>(step_of_[i])];
    std::optional<Matrix<Real>> l;
    bool l_done = false;
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
          judge(i, cell, l, l_done);
        }
        ++out_.stated;
        switch (cell.verdict) {
          case Verdict::ok: ++out_.ok; break;
          case Verdict::carried: ++out_.carried; break;
          case Verdict::erratum:
            ++out_.erratum;
            out_.errata.push_back({static_cast<std::size_t>(step_of_[i]), sa.cells.size()});
            break;
          case Verdict::undecided: ++out_.undecided; break;
        }
        cell_index_[i](r, c) = static_cast<long>(sa.cells.size());
        sa.cells.push_back(std::move(cell));
      }
  }

  // DESIGN §5: ok when the stated value matches the correct one, or matches the step
  // recomputed from its stated operands (L) while every operand it reads is ok; carried when
  // it matches L and an operand it reads is wrong; else an erratum; undecided where the
  // precision cannot tell, never ok.
  void judge(std::size_t i, CellAudit& cell, std::optional<Matrix<Real>>& l, bool& l_done) {
    const Item& item = c_.items[i];
    const Real& truth = (*run_of(i).values[i])(cell.row, cell.col);
    cell.against_correct = matches(item.compare, cell.stated, truth);
    if (work_.texts) {
      cell.expected = describe(truth, item.digits);
      cell.expected_printed = printed_like(item.compare, cell.stated, truth, item.digits);
    }
    if (cell.against_correct == Match::yes) {
      cell.verdict = Verdict::ok;
      return;
    }
    OperandStatus operands = operand_status(i, cell.row, cell.col);
    // Without a stated operand, L is the correct value itself: nothing more to learn.
    Match recomputed = Match::no;
    if (operands.any_stated) {
      if (!l_done) {
        l = recompute_shared(i);
        l_done = true;
      }
      if (l) recomputed = matches_recomputed(i, cell, *l);
    }
    cell.against_recomputed = recomputed;
    if (recomputed == Match::undecided && cell.against_correct == Match::no) ++out_.undecided_over_box;
    bool consistent = recomputed == Match::yes;
    if (consistent && !operands.wrong && !operands.undecided) {
      cell.verdict = Verdict::ok;
    } else if (cell.against_correct == Match::undecided || recomputed == Match::undecided ||
               (consistent && !operands.wrong)) {
      cell.verdict = Verdict::undecided;
    } else if (consistent) {
      cell.verdict = Verdict::carried;
      cell.follows_from = operands.errata;
      cell.root = cell.follows_from.empty() ? -1 : static_cast<long>(cell.follows_from.front());
    } else {
      cell.verdict = Verdict::erratum;
      std::optional<std::vector<Slip>> slips;
      if (out_.erratum - out_.slips_unsearched < work_.slip_cells) slips = slips_of(i, cell);
      else ++out_.slips_unsearched;
      cell.slips_searched = slips.has_value();
      if (slips) cell.slips = std::move(*slips);
    }
  }

  // Whether the stated value matches L, the step over the box its stated operands span
  // (DESIGN §5): proven by points of the box, since the enclosure `l` overestimates it.
  Match matches_recomputed(std::size_t i, const CellAudit& cell, const Matrix<Real>& l) const {
    std::vector<Real> known;
    for (const Matrix<Real>& corner : corners(i)) known.push_back(corner(cell.row, cell.col));
    return match_over_box(c_.items[i].compare, cell.stated, l(cell.row, cell.col), known, cell_over_box(i, cell));
  }

  // The cell over the ranges of the stated operand cells it reads.
  CellOverBox cell_over_box(std::size_t i, const CellAudit& cell) const {
    CellOverBox out;
    out.continuous = continuous_;
    out.step_cells = std::max<std::size_t>(1, shapes_[i].cells());
    const Run& pipeline = run_of(i);
    auto reads = cell_reads(c_, shapes_, *step_expression(i), cell.row, cell.col, kMaxCellReads);
    if (!reads) return out;
    // The stated cells that stand for a range: between the printed value p and the correct c.
    std::vector<CellRef> varied;
    for (const CellRef& ref : *reads) {
      const CellAudit* stated = audited_cell(ref.item, ref.row, ref.col);
      const Run& own = run_of(ref.item);
      if (!stated || stated->against_correct == Match::no || stated->stated.is_infinite() || !own.values[ref.item] ||
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
    out.value_over = [this, i, &pipeline, varied, r = cell.row, c = cell.col,
                      cells = out.step_cells](const std::vector<Range>& part) {
      std::map<std::size_t, Matrix<Real>> changed;
      for (std::size_t v = 0; v < varied.size(); ++v) {
        auto [it, fresh] = changed.try_emplace(varied[v].item);
        if (fresh) it->second = *operand(varied[v].item, pipeline);
        it->second(varied[v].row, varied[v].col) =
            part[v].is_point() ? Real(part[v].lo) : hull(Real(part[v].lo), Real(part[v].hi));
      }
      Lookup<Real> lookup = [&](const std::string& name) -> const Matrix<Real>& {
        auto k = static_cast<std::size_t>(c_.find(name));
        if (auto it = changed.find(k); it != changed.end()) return it->second;
        const Matrix<Real>* m = operand(k, pipeline);
        if (!m) throw Undecided(fmt::format("{} has no value", name));
        return *m;
      };
      std::optional<Real> value;
      try {
        // Each call computes the whole step: the audit's share of such work is bounded.
        if (box_work_left_ < cells) throw Undecided("the work for operand ranges ran out");
        box_work_left_ -= cells;
        value = evaluate<Real>(*step_expression(i), lookup)(r, c);
      } catch (const EvalError&) {
      } catch (const Undecided&) {
      } catch (const DomainError&) {
      }
      if (value && value->is_infinite()) value.reset();
      return value;
    };
    return out;
  }

  // Step i at the corners of the box its stated operands span, built once per step.
  const std::vector<Matrix<Real>>& corners(std::size_t i) const {
    if (corners_) return *corners_;
    corners_.emplace();
    const Run& pipeline = run_of(i);
    std::vector<std::size_t> items;
    for (std::size_t k : operands_[i])
      if (step_of_[k] >= 0 && std::find(items.begin(), items.end(), k) == items.end()) items.push_back(k);
    bool every = items.size() <= kCornerItems;
    std::size_t count = every ? std::size_t{1} << items.size() : 2;
    for (std::size_t corner = 0; corner < count; ++corner) {
      Lookup<Real> lookup = [&](const std::string& name) -> const Matrix<Real>& {
        auto k = static_cast<std::size_t>(c_.find(name));
        auto at = static_cast<std::size_t>(std::find(items.begin(), items.end(), k) - items.begin());
        const Matrix<Real>* m = at == items.size() ? operand(k, pipeline)
                                                   : operand_at(k, pipeline, every ? (corner >> at) & 1 : corner);
        if (!m) throw Undecided(fmt::format("{} has no value", name));
        return *m;
      };
      try {
        corners_->push_back(evaluate<Real>(*step_expression(i), lookup));
      } catch (const EvalError&) {
      } catch (const Undecided&) {
      } catch (const DomainError&) {
      }
    }
    return *corners_;
  }

  // Item k's stated values at one end of their ranges: every stated cell at its printed
  // value, or, where it matches its correct value, at that value; blank cells correct.
  const Matrix<Real>* operand_at(std::size_t k, const Run& pipeline, bool correct) const {
    auto key = std::make_tuple(k, &pipeline == &hand_, correct);
    auto it = corner_operands_.find(key);
    if (it != corner_operands_.end()) return it->second ? &*it->second : nullptr;
    std::optional<Matrix<Real>> m;
    if (pipeline.values[k]) {
      m = *pipeline.values[k];
      const Run& own = run_of(k);
      for (const CellAudit& cell : out_.steps[static_cast<std::size_t>(step_of_[k])].cells) {
        bool keep = correct && cell.against_correct != Match::no && own.values[k];
        (*m)(cell.row, cell.col) = keep ? (*own.values[k])(cell.row, cell.col) : real_of(cell.stated);
      }
    }
    it = corner_operands_.emplace(key, std::move(m)).first;
    return it->second ? &*it->second : nullptr;
  }

  std::vector<std::size_t> readers(std::size_t j) const {
    std::vector<std::size_t> out;
    for (std::size_t t = j + 1; t < c_.items.size(); ++t)
      for (std::size_t k : operands_[t])
        if (k == j) {
          out.push_back(t);
          break;
        }
    return out;
  }

  // Errata are judged one by one while the budget allows, else together with the errata of
  // their column, else with every erratum of their step; the step records which.
  void find_downstream() {
    std::map<std::size_t, std::vector<std::size_t>> by_step;  // step -> indices into errata
    for (std::size_t e = 0; e < out_.errata.size(); ++e) by_step[out_.errata[e].step].push_back(e);
    std::size_t left = kFollowThroughBudget;
    for (const auto& [step, errata] : by_step) {
      StepAudit& sa = out_.steps[step];
      std::size_t reader_cells = 0;
      for (std::size_t t : readers(sa.item))
        if (step_of_[t] >= 0) reader_cells += out_.steps[static_cast<std::size_t>(step_of_[t])].cells.size();
      // The finest grouping the budget allows; a whole step is judged whatever it costs.
      std::map<std::size_t, std::vector<std::size_t>> groups;  // group key -> indices into errata
      for (DownstreamScope scope : {DownstreamScope::cell, DownstreamScope::column, DownstreamScope::step}) {
        groups.clear();
        for (std::size_t e : errata) {
          std::size_t key = scope == DownstreamScope::cell     ? e
                            : scope == DownstreamScope::column ? sa.cells[out_.errata[e].cell].col
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
          const CellAudit& cell = sa.cells[out_.errata[e].cell];
          subst.cells.emplace_back(cell.row, cell.col);
        }
        Downstream d = downstream_of(subst);
        for (std::size_t e : group.second) sa.cells[out_.errata[e].cell].downstream = d;
      }
    }
  }

  // Over the stated cells of the steps that read the corrected cells (and read them), which
  // value did the writer carry: the correct one, the printed one, or some of each.
  Downstream downstream_of(const Substitution& subst) const {
    int good = 0, bad = 0;
    for (std::size_t t : readers(subst.item)) {
      if (step_of_[t] < 0) continue;
      memo_.clear();
      range_memo_.clear();
      const Matrix<Real>* with_bad = recompute_memo(t, *step_expression(t));
      auto with_good = recompute_expr(t, *step_expression(t), subst);
      if (!with_bad || !with_good) continue;
      for (const CellAudit& cell : out_.steps[static_cast<std::size_t>(step_of_[t])].cells) {
        if (!reads_any(t, cell, subst)) continue;
        const Real& b = (*with_bad)(cell.row, cell.col);
        const Real& g = (*with_good)(cell.row, cell.col);
        if (!disjoint(b, g)) continue;
        const CompareMode& mode = c_.items[t].compare;
        // A cell that matches both values (or neither) says nothing of which one was carried.
        // An enclosure over operand ranges holds more than the values it encloses, so a fit is
        // proven (the whole enclosure matches, or operand values give the stated one) and a
        // miss is a miss of the whole enclosure.
        bool fits_good = matches(mode, cell.stated, g) == Match::yes;
        bool fits_bad = cell.against_recomputed == Match::yes || matches(mode, cell.stated, b) == Match::yes;
        if (fits_good && !may_match(mode, cell.stated, b)) ++good;
        if (fits_bad && !may_match(mode, cell.stated, g)) ++bad;
      }
    }
    memo_.clear();
    range_memo_.clear();
    return good && bad ? Downstream::mixed
           : good     ? Downstream::correct
           : bad      ? Downstream::stated
                      : Downstream::none;
  }

  bool reads_any(std::size_t t, const CellAudit& cell, const Substitution& subst) const {
    auto reads = cell_reads(c_, shapes_, *step_expression(t), cell.row, cell.col, kMaxCellReads);
    if (!reads) return true;
    for (auto [r, c] : subst.cells)
      if (reads->count({subst.item, r, c})) return true;
    return false;
  }

  const Expr* step_expression(std::size_t i) const {
    const Item& item = c_.items[i];
    return (item.follows == Follows::hand ? item.hand : item.exact)->ast.get();
  }

  const Case& c_;
  const HandRun& hand_;
  const ExactRun& exact_;
  const StatedValues& given_;
  CaseAudit& out_;
  AuditWork work_;
  std::vector<long> step_of_;                      // item -> index in out_.steps, or -1
  std::vector<Matrix<long>> cell_index_;           // item -> (r, c) -> index in its cells, or -1
  std::vector<std::vector<std::size_t>> operands_; // item -> items its expression reads
  std::vector<Shape> shapes_;                      // item -> its shape, where known
  mutable std::vector<std::optional<Matrix<Real>>> hand_operands_, exact_operands_;
  // Expression text -> value over the stated operands, for the step being audited.
  mutable std::map<std::string, std::optional<Matrix<Real>>> memo_;
  mutable std::map<std::string, std::optional<Matrix<Range>>> range_memo_;
  mutable SlipBudget slip_budget_;
  // Step cells the proofs over operand boxes may still compute (value_over), for the whole audit.
  mutable std::size_t box_work_left_ = kBoxWork;
  // The step being audited at the corners of its operand box; operands at one end of their ranges.
  mutable std::optional<std::vector<Matrix<Real>>> corners_;
  bool continuous_ = false;  // the step being audited is built from continuous functions
  mutable std::map<std::tuple<std::size_t, bool, bool>, std::optional<Matrix<Real>>> corner_operands_;
};

}  // namespace

void audit_cells(const Case& c, const HandRun& hand, const ExactRun& exact, const StatedValues& stated, CaseAudit& out,
                 const AuditWork& work) {
  Auditor(c, hand, exact, stated, out, work).run();
}

}  // namespace handcheck
