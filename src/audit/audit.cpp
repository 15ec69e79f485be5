#include "handcheck/audit/audit.hpp"

#include <fmt/format.h>
#include <map>
#include <set>

#include "handcheck/audit/compare.hpp"
#include "handcheck/linalg/products.hpp"
#include "handcheck/parallel.hpp"
#include "handcheck/ops/scalar.hpp"

namespace handcheck {

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::ok: return "ok";
    case Verdict::carried: return "carried";
    case Verdict::erratum: return "erratum";
    case Verdict::undecided: return "undecided";
  }
  return "";
}

std::string_view to_string(Downstream d) {
  switch (d) {
    case Downstream::none: return "none";
    case Downstream::correct: return "correct";
    case Downstream::stated: return "stated";
    case Downstream::mixed: return "mixed";
  }
  return "";
}

std::string_view to_string(DownstreamScope s) {
  switch (s) {
    case DownstreamScope::cell: return "cell";
    case DownstreamScope::column: return "column";
    case DownstreamScope::step: return "step";
  }
  return "";
}

namespace {

// Cells of one item put back to their correct values (corrected errata, for `downstream`).
struct Substitution {
  std::size_t item;
  std::vector<std::pair<std::size_t, std::size_t>> cells;
};

// Work allowed for `downstream`, in reader cells recomputed. Judging each erratum alone costs
// errata × reader cells; past this budget errata are judged per column, then per step.
constexpr std::size_t kFollowThroughBudget = 1'000'000;

Real to_real(const Range& r) {
  if (r.is_point()) return r.lo;
  Interval i;
  mpfi_interv_q(i.backend().data(), r.lo.backend().data(), r.hi.backend().data());
  return Real(i);
}

bool meets(const Range& stated, const Range& l) { return stated.meets(l); }
bool meets(const Range& stated, const Real& l) { return stated.lo <= l.upper() && l.lower() <= stated.hi; }

class Auditor {
 public:
  Auditor(const Case& c, const HandRun& hand, const ExactRun& exact, const StatedValues& stated, CaseAudit& out,
          std::size_t slip_work)
      : c_(c), hand_(hand), exact_(exact), given_(stated), out_(out), step_of_(c.items.size(), -1),
        slip_budget_(slip_work) {
    for (std::size_t i = 0; i < c.items.size(); ++i) {
      std::vector<std::size_t> ops;
      if (!c.items[i].is_input)
        for (const auto& n : referenced_names(*step_expression(i))) ops.push_back(static_cast<std::size_t>(c.find(n)));
      operands_.push_back(std::move(ops));
    }
  }

  void run() {
    for (std::size_t i = 0; i < c_.items.size(); ++i) {
      const Item& item = c_.items[i];
      const Matrix<std::optional<Literal>>* given = i < given_.size() && given_[i] ? &*given_[i] : nullptr;
      if (item.is_input || (!item.stated && !given)) continue;
      auto shape = shape_of(i);
      if (!shape) continue;  // the pipeline this step follows stopped before it
      StepAudit sa;
      sa.item = i;
      sa.stated = given ? *given : resolve(item, *shape);
      step_of_[i] = static_cast<long>(out_.steps.size());
      out_.steps.push_back(std::move(sa));
      audit_step(i);
    }
    find_downstream();
    attribute_carried();
  }

 private:
  std::optional<Shape> shape_of(std::size_t i) const {
    const Item& item = c_.items[i];
    if (item.follows == Follows::hand && hand_.values[i]) return hand_.values[i]->shape();
    if (exact_.values[i]) return exact_.values[i]->shape();
    return std::nullopt;
  }

  Matrix<std::optional<Literal>> resolve(const Item& item, Shape s) const {
    Matrix<std::optional<Literal>> m(s);
    const Stated& st = *item.stated;
    auto step = [&](const std::string& what) { return fmt::format("step {}: {}", item.name, what); };
    switch (st.form) {
      case Stated::Form::matrix:
        if (st.rows.size() != s.rows || st.rows[0].size() != s.cols)
          throw Error(st.loc, step(fmt::format("stated is {}x{}, but {} is {}", st.rows.size(), st.rows[0].size(),
                                               item.name, s.to_string())));
        for (std::size_t r = 0; r < s.rows; ++r)
          for (std::size_t c = 0; c < s.cols; ++c) m(r, c) = st.rows[r][c].value;
        break;
      case Stated::Form::vectors:
        for (const auto& v : st.vectors) {
          long col = item.columns.find(v.label, s.cols), row = item.rows.find(v.label, s.rows);
          if (col < 0 && row < 0)
            throw Error(v.loc, step(fmt::format("no column or row of {} is named '{}'", item.name, v.label)));
          std::size_t len = col >= 0 ? s.rows : s.cols;
          if (v.cells.size() != len)
            throw Error(v.loc, step(fmt::format("stated {} has {} entries, but it has {}", v.label, v.cells.size(), len)));
          for (std::size_t k = 0; k < len; ++k) {
            auto& cell = col >= 0 ? m(k, static_cast<std::size_t>(col)) : m(static_cast<std::size_t>(row), k);
            cell = v.cells[k].value;
          }
        }
        break;
      case Stated::Form::cells:
        for (const auto& cell : st.cells) {
          if (cell.row > s.rows || cell.col > s.cols)
            throw Error(cell.loc, step(fmt::format("stated cell \"{},{}\" is outside {}, which is {}", cell.row,
                                                   cell.col, item.name, s.to_string())));
          m(cell.row - 1, cell.col - 1) = cell.cell.value;
        }
        break;
    }
    return m;
  }

  SourceLoc cell_loc(std::size_t i, std::size_t r, std::size_t c) const {
    const Item& item = c_.items[i];
    if (i < given_.size() && given_[i]) return item.loc;  // given from outside the case file
    const Stated& st = *item.stated;
    switch (st.form) {
      case Stated::Form::matrix: return st.rows[r][c].loc;
      case Stated::Form::vectors:
        for (const auto& v : st.vectors) {
          if (item.columns.at(c) == v.label && r < v.cells.size()) return v.cells[r].loc;
          if (item.rows.at(r) == v.label && c < v.cells.size()) return v.cells[c].loc;
        }
        break;
      case Stated::Form::cells:
        for (const auto& cell : st.cells)
          if (cell.row == r + 1 && cell.col == c + 1) return cell.cell.loc;
        break;
    }
    return st.loc;
  }

  // The values later steps see for item k: stated ranges, correct values where blank. Built
  // once per item and number type: every erratum's follow-through reads the same operands.
  template <class T>
  const Matrix<T>& operand(std::size_t k) const {
    auto& cache = operands_cache<T>();
    if (cache.size() < c_.items.size()) cache.resize(c_.items.size());
    if (cache[k]) return *cache[k];
    const Item& item = c_.items[k];
    Matrix<T> m = correct<T>(k);
    long s = step_of_[k];
    if (s >= 0) {
      const auto& stated = out_.steps[static_cast<std::size_t>(s)].stated;
      for (std::size_t r = 0; r < m.rows(); ++r)
        for (std::size_t c = 0; c < m.cols(); ++c) {
          if (!stated(r, c)) continue;
          Range range = stated_range(item.compare, *stated(r, c));
          if constexpr (std::is_same_v<T, Range>) m(r, c) = range;
          else m(r, c) = to_real(range);
        }
    }
    cache[k] = std::move(m);
    return *cache[k];
  }

  template <class T>
  std::vector<std::optional<Matrix<T>>>& operands_cache() const {
    if constexpr (std::is_same_v<T, Range>) return range_operands_;
    else return real_operands_;
  }

  template <class T>
  Matrix<T> correct(std::size_t k) const {
    if constexpr (std::is_same_v<T, Range>) {
      return map_cells(*hand_.values[k], [](const Rational& q) { return Range(q); });
    } else {
      return *exact_.values[k];
    }
  }

  template <class T>
  T correct_cell(std::size_t k, std::size_t r, std::size_t c) const {
    if constexpr (std::is_same_v<T, Range>) return Range((*hand_.values[k])(r, c));
    else return (*exact_.values[k])(r, c);
  }

  // L: the step recomputed from the stated values of its operands, or nullopt when that
  // cannot be done (a range that contains a zero divisor, say).
  template <class T>
  std::optional<Matrix<T>> recompute(std::size_t i, const std::optional<Substitution>& subst) const {
    return recompute_expr<T>(*step_expression(i), subst);
  }

  // Any expression over the stated values of the items it reads; `subst` puts one cell back
  // to its correct value.
  template <class T>
  std::optional<Matrix<T>> recompute_expr(const Expr& e, const std::optional<Substitution>& subst) const {
    std::optional<Matrix<T>> substituted;
    Lookup<T> lookup = [&](const std::string& name) -> const Matrix<T>& {
      auto k = static_cast<std::size_t>(c_.find(name));
      if (!subst || subst->item != k) return operand<T>(k);
      if (!substituted) {
        substituted = operand<T>(k);
        for (auto [r, c] : subst->cells) (*substituted)(r, c) = correct_cell<T>(k, r, c);
      }
      return *substituted;
    };
    try {
      return evaluate<T>(e, lookup);
    } catch (const EvalError&) {
      return std::nullopt;
    } catch (const Undecided&) {
      return std::nullopt;
    } catch (const DomainError&) {
      return std::nullopt;
    }
  }

  // The slip variants of one step are the same expressions for every cell: evaluate each once.
  template <class T>
  const Matrix<T>* recompute_memo(const Expr& e) const {
    auto& memo = [this]() -> auto& {
      if constexpr (std::is_same_v<T, Range>) return range_memo_;
      else return real_memo_;
    }();
    std::string key = to_string(e);
    auto it = memo.find(key);
    if (it == memo.end()) it = memo.emplace(std::move(key), recompute_expr<T>(e, std::nullopt)).first;
    return it->second ? &*it->second : nullptr;
  }

  // For a step that follows the exact pipeline, call with the working precision already set.
  std::optional<std::vector<Slip>> slips_of(std::size_t i, const CellAudit& cell) const {
    const Item& item = c_.items[i];
    bool hand = item.follows == Follows::hand;
    SlipQuery q;
    q.item = &item;
    q.expression = step_expression(i);
    q.other = item.same_expression ? nullptr : (hand ? item.exact : item.hand)->ast.get();
    q.row = cell.row;
    q.col = cell.col;
    q.stated = cell.stated;
    q.stated_range = stated_range(item.compare, cell.stated);
    q.budget = &slip_budget_;
    if (hand) {
      q.truth = (*hand_.values[i])(cell.row, cell.col);
      q.evaluate = [&](const Expr& e) { return recompute_memo<Range>(e); };
      q.evaluate_exact = [&](const Expr& e) {
        const Matrix<Real>* v = nullptr;
        with_precision(exact_.digits10, [&] { v = recompute_memo<Real>(e); });
        return v;
      };
    } else {
      const Real& truth = (*exact_.values[i])(cell.row, cell.col);
      if (truth.is_exact()) q.truth = truth.exact();
      q.evaluate_exact = [&](const Expr& e) { return recompute_memo<Real>(e); };
    }
    return find_slips(q);
  }

  bool operands_all_ok(std::size_t i) const {
    for (std::size_t k : operands_[i]) {
      long s = step_of_[k];
      if (s < 0) continue;
      for (const auto& cell : out_.steps[static_cast<std::size_t>(s)].cells)
        if (cell.verdict != Verdict::ok) return false;
    }
    return true;
  }

  void audit_step(std::size_t i) {
    range_memo_.clear();
    real_memo_.clear();
    if (c_.items[i].follows == Follows::hand) audit_step_as<Range>(i);
    else with_precision(exact_.digits10, [&] { audit_step_as<Real>(i); });
  }

  template <class T>
  void audit_step_as(std::size_t i) {
    const Item& item = c_.items[i];
    StepAudit& sa = out_.steps[static_cast<std::size_t>(step_of_[i])];
    std::optional<Matrix<T>> l;
    bool l_done = false;
    bool operands_ok = operands_all_ok(i);
    for (std::size_t r = 0; r < sa.stated.rows(); ++r)
      for (std::size_t c = 0; c < sa.stated.cols(); ++c) {
        if (!sa.stated(r, c)) continue;
        CellAudit cell;
        cell.row = r;
        cell.col = c;
        cell.label = item.cell_label(r, c);
        cell.stated = *sa.stated(r, c);
        cell.loc = cell_loc(i, r, c);
        Match m;
        if constexpr (std::is_same_v<T, Range>) {
          const Rational& truth = (*hand_.values[i])(r, c);
          m = matches(item.compare, cell.stated, truth) ? Match::yes : Match::no;
          cell.expected = to_fraction_string(truth);
          cell.expected_printed = printed_like(cell.stated, truth);
        } else {
          const Real& truth = (*exact_.values[i])(r, c);
          m = matches(item.compare, cell.stated, truth);
          cell.expected = describe(truth, item.digits);
          cell.expected_printed = printed_like(cell.stated, truth, item.digits);
        }
        if (m == Match::yes) {
          cell.verdict = Verdict::ok;
        } else if (m == Match::undecided) {
          cell.verdict = Verdict::undecided;
        } else {
          if (!l_done) {
            l = recompute<T>(i, std::nullopt);
            l_done = true;
          }
          bool consistent = l && meets(stated_range(item.compare, cell.stated), (*l)(r, c));
          // Consistent with its stated operands: follow-through when an operand was wrong;
          // when every operand is right, the difference is rounding carried forward.
          cell.verdict = !consistent ? Verdict::erratum : operands_ok ? Verdict::ok : Verdict::carried;
          if (cell.verdict == Verdict::erratum) {
            auto slips = slips_of(i, cell);
            cell.slips_searched = slips.has_value();
            if (slips) cell.slips = std::move(*slips);
          }
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
        sa.cells.push_back(std::move(cell));
      }
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

  Downstream downstream_of(const Substitution& subst) const {
    int good = 0, bad = 0;
    for (std::size_t t : readers(subst.item)) {
      if (step_of_[t] < 0) continue;
      if (c_.items[t].follows == Follows::hand)
        tally<Range>(t, subst, good, bad);
      else
        with_precision(exact_.digits10, [&] { tally<Real>(t, subst, good, bad); });
    }
    return good && bad ? Downstream::mixed
           : good     ? Downstream::correct
           : bad      ? Downstream::stated
                      : Downstream::none;
  }

  template <class T>
  static bool disjoint(const T& a, const T& b) {
    if constexpr (std::is_same_v<T, Range>) return !a.meets(b);
    else return a.upper() < b.lower() || b.upper() < a.lower();
  }

  template <class T>
  void tally(std::size_t t, const Substitution& subst, int& good, int& bad) const {
    const Matrix<T>* with_bad = recompute_memo<T>(*step_expression(t));
    auto with_good = recompute<T>(t, subst);
    if (!with_bad || !with_good) return;
    const auto& cells = out_.steps[static_cast<std::size_t>(step_of_[t])].cells;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const CellAudit& cell = cells[i];
      const T& b = (*with_bad)(cell.row, cell.col);
      const T& g = (*with_good)(cell.row, cell.col);
      if (!disjoint(b, g)) continue;
      const Range& s = stated_ranges(t)[i];
      if (meets(s, g)) ++good;
      else if (meets(s, b)) ++bad;
    }
  }

  // Each carried cell is listed under the first erratum upstream of its step.
  void attribute_carried() {
    std::vector<std::set<std::size_t>> reach;
    for (const auto& ref : out_.errata) {
      std::set<std::size_t> r{out_.steps[ref.step].item};
      for (std::size_t t = 0; t < c_.items.size(); ++t)
        for (std::size_t k : operands_[t])
          if (r.count(k)) {
            r.insert(t);
            break;
          }
      reach.push_back(std::move(r));
    }
    for (auto& sa : out_.steps)
      for (auto& cell : sa.cells) {
        if (cell.verdict != Verdict::carried) continue;
        for (std::size_t e = 0; e < out_.errata.size(); ++e)
          if (reach[e].count(sa.item) && out_.steps[out_.errata[e].step].item != sa.item) {
            cell.root = static_cast<long>(e);
            break;
          }
      }
  }

  // The range each stated cell of item t stands for, in the order of its cells.
  const std::vector<Range>& stated_ranges(std::size_t t) const {
    auto& ranges = stated_ranges_[t];
    if (ranges.empty())
      for (const auto& cell : out_.steps[static_cast<std::size_t>(step_of_[t])].cells)
        ranges.push_back(stated_range(c_.items[t].compare, cell.stated));
    return ranges;
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
  std::vector<long> step_of_;                      // item -> index in out_.steps, or -1
  std::vector<std::vector<std::size_t>> operands_; // item -> items its expression reads
  mutable std::map<std::size_t, std::vector<Range>> stated_ranges_;
  mutable std::vector<std::optional<Matrix<Range>>> range_operands_;
  mutable std::vector<std::optional<Matrix<Real>>> real_operands_;
  // Expression text -> value over the stated operands, for the step being audited.
  mutable std::map<std::string, std::optional<Matrix<Range>>> range_memo_;
  mutable std::map<std::string, std::optional<Matrix<Real>>> real_memo_;
  mutable SlipBudget slip_budget_;
};

// --- hand versus exact ----------------------------------------------------------------------

// A difference (never negative) to 6 certified digits; when the cap leaves its digits
// undecided (a total variation of 1e-3000, say), a certified bound: the upper end raised by a
// part in 10^5 before rounding to 6 digits, so that the printed number is above it.
std::string certified6(const Real& x) {
  if (x.is_exact() || certified_significant(x, 6)) return describe(x, 6);
  Rational above = x.upper() * Rational(100001, 100000);
  return "< " + to_significant_string(above, 6);
}

std::optional<Approximation> compare_pipelines(const Case& c, const HandRun& hand, const ExactRun& exact,
                                               std::size_t i) {
  const Item& item = c.items[i];
  if (item.is_input || !hand.values[i] || !exact.values[i]) return std::nullopt;
  const auto& h = *hand.values[i];
  const auto& e = *exact.values[i];
  if (h.shape() != e.shape()) return std::nullopt;
  bool differs = false;
  for (std::size_t k = 0; k < h.size() && !differs; ++k) {
    const Real& x = e.cells()[k];
    differs = !x.is_exact() || x.exact() != h.cells()[k];
  }
  if (!differs) return std::nullopt;

  Approximation a;
  a.item = i;
  std::optional<Real> best_abs, best_rel;
  Rational best_abs_hi = -1, best_rel_hi = -1;
  for (std::size_t r = 0; r < h.rows(); ++r)
    for (std::size_t col = 0; col < h.cols(); ++col) {
      Real d = scalar::abs(Real(h(r, col)) - e(r, col));
      if (d.upper() > best_abs_hi) {
        best_abs_hi = d.upper();
        best_abs = d;
        a.abs_row = r;
        a.abs_col = col;
      }
      auto s = certain_sign(e(r, col));
      if (s && *s != 0) {
        Real rel = d / scalar::abs(e(r, col));
        if (rel.upper() > best_rel_hi) {
          best_rel_hi = rel.upper();
          best_rel = rel;
          a.rel_row = r;
          a.rel_col = col;
        }
      }
    }
  a.max_abs_diff = certified6(*best_abs);
  a.max_rel_diff = best_rel ? certified6(*best_rel) : "n/a";

  // Probability lines: every column (or row) sums to 1 in both pipelines.
  auto sums_to_one = [&](bool by_cols) {
    std::size_t lines = by_cols ? h.cols() : h.rows(), len = by_cols ? h.rows() : h.cols();
    std::vector<const Rational*> terms(len);
    for (std::size_t l = 0; l < lines; ++l) {
      Real es = Rational(0);
      for (std::size_t k = 0; k < len; ++k) {
        terms[k] = by_cols ? &h(k, l) : &h(l, k);
        if (*terms[k] < 0) return false;
        es = es + (by_cols ? e(k, l) : e(l, k));
      }
      // The enclosure first: it rules most lines out for little.
      if (es.lower() > 1 || es.upper() < 1 || sum_exact(terms) != 1) return false;
    }
    return true;
  };
  bool by_cols = sums_to_one(true);
  if (!by_cols && !sums_to_one(false)) return a;
  a.by_columns = by_cols;
  std::size_t lines = by_cols ? h.cols() : h.rows(), len = by_cols ? h.rows() : h.cols();
  const Labels& across = by_cols ? item.rows : item.columns;  // names of the entries of a line
  const Labels& line_names = by_cols ? item.columns : item.rows;
  auto entry_name = [&](std::size_t k) {
    std::string n = across.at(k);
    return n.empty() ? fmt::format("{} {}", by_cols ? "row" : "column", k + 1) : n;
  };
  for (std::size_t l = 0; l < lines; ++l) {
    ProbabilityLine p;
    p.label = line_names.at(l).empty() ? fmt::format("{} {}", by_cols ? "column" : "row", l + 1) : line_names.at(l);
    auto hv = [&](std::size_t k) -> const Rational& { return by_cols ? h(k, l) : h(l, k); };
    auto ev = [&](std::size_t k) -> const Real& { return by_cols ? e(k, l) : e(l, k); };
    Rational hmax = hv(0);
    for (std::size_t k = 1; k < len; ++k) hmax = hv(k) > hmax ? hv(k) : hmax;
    for (std::size_t k = 0; k < len; ++k)
      if (hv(k) == hmax) p.hand_argmax.push_back(entry_name(k));
    // Exact: the entries that may be the largest (overlap the top enclosure).
    Rational top_lo = ev(0).lower();
    for (std::size_t k = 1; k < len; ++k) top_lo = ev(k).lower() > top_lo ? ev(k).lower() : top_lo;
    std::vector<std::size_t> cand;
    for (std::size_t k = 0; k < len; ++k)
      if (ev(k).upper() >= top_lo) cand.push_back(k);
    bool all_exact = true;
    for (std::size_t k : cand) all_exact = all_exact && ev(k).is_exact();
    p.exact_undecided = cand.size() > 1 && !all_exact;
    for (std::size_t k : cand) p.exact_argmax.push_back(entry_name(k));
    Real tv = Rational(0);
    for (std::size_t k = 0; k < len; ++k) tv = tv + scalar::abs(Real(hv(k)) - ev(k));
    p.total_variation = certified6(tv / Real(Rational(2)));
    a.probability.push_back(std::move(p));
  }
  return a;
}

}  // namespace

CaseAudit audit_stated(const Case& c, const HandRun& hand, const ExactRun& exact, const StatedValues& stated,
                       const PipelineOptions& options, std::optional<ExactRun>* raised, std::size_t slip_work) {
  const unsigned cap = precision_cap(c, options);
  PipelineOptions po = options;
  const ExactRun* run = &exact;
  std::optional<ExactRun> higher;
  for (;;) {
    CaseAudit out;
    out.file = c.file;
    out.title = c.title;
    Auditor(c, hand, *run, stated, out, slip_work).run();
    // Raise the precision until every comparison with the exact pipeline is decided.
    if (out.undecided == 0 || run->digits10 >= cap) {
      out.status = out.erratum + out.carried > 0 ? CaseAudit::Status::errata : CaseAudit::Status::clean;
      if (raised) *raised = std::move(higher);
      return out;
    }
    po.start_precision = std::min(cap, run->digits10 * 2);
    higher = run_exact(c, po);
    run = &*higher;
  }
}

namespace {

// Below this many input cells another thread costs more than the work it would overlap.
constexpr std::size_t kSideBySideCells = 1024;

std::size_t input_cells(const Case& c) {
  std::size_t n = 0;
  for (const Item& item : c.items)
    if (item.is_input) n += item.value.size();
  return n;
}

}  // namespace

CaseAudit audit_case(std::shared_ptr<const Case> kase, const AuditOptions& options) {
  CaseAudit out;
  out.kase = kase;
  const Case& c = *kase;
  out.file = c.file;
  out.title = c.title;
  try {
    // The pipelines are independent: a large case runs them side by side.
    const unsigned threads = input_cells(c) >= kSideBySideCells ? 0 : 1;
    std::optional<ExactRun> exact;
    parallel_for(2, [&](std::size_t k) {
      if (k == 0) out.hand = run_hand(c, options.pipeline);
      else exact = run_exact(c, options.pipeline);
    }, threads);
    ExactRun& first = *exact;
    std::optional<ExactRun> raised;
    CaseAudit audited = audit_stated(c, *out.hand, first, {}, options.pipeline, &raised, options.max_slip_work);
    audited.kase = std::move(out.kase);
    audited.hand = std::move(out.hand);
    audited.exact = raised ? std::move(*raised) : std::move(first);
    out = std::move(audited);
    if (out.hand && out.exact) {
      // Step by step, on several threads for a large case; kept in step order.
      std::vector<std::optional<Approximation>> found(c.items.size());
      parallel_for(c.items.size(), [&](std::size_t i) {
        with_precision(out.exact->digits10, [&] { found[i] = compare_pipelines(c, *out.hand, *out.exact, i); });
      }, threads);
      for (auto& a : found)
        if (a) out.approximation.push_back(std::move(*a));
    }
  } catch (const Error& e) {
    out.status = CaseAudit::Status::error;
    out.error = e;
  }
  return out;
}

CaseAudit audit_file(const std::string& path, const AuditOptions& options) {
  try {
    auto c = std::make_shared<Case>(load_case_file(path, options.load));
    if (options.digits > 0) c->set_digits(options.digits);
    return audit_case(std::move(c), options);
  } catch (const Error& e) {
    CaseAudit out;
    out.file = path;
    out.status = CaseAudit::Status::error;
    out.error = e;
    return out;
  }
}

}  // namespace handcheck
