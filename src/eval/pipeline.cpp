#include "handcheck/eval/pipeline.hpp"

#include <fmt/format.h>
#include <condition_variable>
#include <mutex>
#include <string_view>
#include <unordered_map>

#include "handcheck/expr/parser.hpp"
#include "handcheck/parallel.hpp"

#include "handcheck/ops/scalar.hpp"

namespace handcheck {

namespace {

// A step's result must fit its declared labels.
void check_labels(const Item& item, Shape s, const Expression& e) {
  if (!item.columns.names.empty() && item.columns.names.size() != s.cols)
    throw Error(ErrorId::eval_labels, item.columns.loc, fmt::format("step {}: {} column names for a result with {} columns ({})", item.name,
                                              item.columns.names.size(), s.cols, to_string(*e.ast)));
  if (!item.rows.names.empty() && item.rows.names.size() != s.rows)
    throw Error(ErrorId::eval_labels, item.rows.loc, fmt::format("step {}: {} row names for a result with {} rows ({})", item.name,
                                           item.rows.names.size(), s.rows, to_string(*e.ast)));
}

// The results of all steps together stay within the cell limit, so that many steps of
// allowed size cannot exhaust memory between them.
class CellBudget {
 public:
  explicit CellBudget(const PipelineOptions& o) : limit_(o.eval.max_cells) {}
  std::size_t used() const { return used_; }
  void add(const Item& item, const Expression& e, std::size_t cells) {
    used_ += cells;
    if (used_ > limit_)
      throw Error(ErrorId::limit_cells, e.loc, fmt::format("step {}: the results of the steps up to this one have {} cells together, more "
                                     "than the limit of {} (raise it with --max-cells)", item.name, used_, limit_));
  }

 private:
  std::size_t limit_, used_ = 0;
};

// The working precision is process-wide (Boost.Multiprecision's default precision of new
// intervals): threads that work at the same precision share it; one that needs another
// waits until nobody holds the current one.
class PrecisionLease {
 public:
  explicit PrecisionLease(unsigned digits10) {
    std::unique_lock<std::mutex> lock(state().mutex);
    state().released.wait(lock, [&] { return state().holders == 0 || state().digits10 == digits10; });
    if (state().holders == 0) {
      Interval::default_precision(digits10);
      state().digits10 = digits10;
    }
    ++state().holders;
  }
  ~PrecisionLease() {
    std::lock_guard<std::mutex> lock(state().mutex);
    if (--state().holders == 0) state().released.notify_all();
  }
  PrecisionLease(const PrecisionLease&) = delete;
  PrecisionLease& operator=(const PrecisionLease&) = delete;

 private:
  struct State {
    std::mutex mutex;
    std::condition_variable released;
    unsigned digits10 = 0;
    std::size_t holders = 0;
  };
  static State& state() {
    static State s;
    return s;
  }
};

}  // namespace

Error step_error(const Item& item, const Expression& e, const EvalError& err) {
  std::string where;
  if (err.has_cell) {
    bool whole = err.pos == e.ast->pos && err.node == to_string(*e.ast);
    where = whole ? fmt::format(", cell {}", item.cell_label(err.row, err.col))
                  : fmt::format(", cell [{},{}] of {}", err.row + 1, err.col + 1, err.node);
  } else if (err.node != to_string(*e.ast)) {
    where = fmt::format(", in {}", err.node);
  }
  return Error(err.id(), e.at(err.pos), fmt::format("step {}{}: {}", item.name, where, err.what()));
}

namespace {

const Expression& expression_of(const Item& item, bool hand) { return hand ? *item.hand : *item.exact; }

// Every interval cell prints at its step's digits, and nothing is missing.
bool decided(const Case& c, const Run& run) {
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    if (!run.missing[i].empty()) return false;
    if (!run.values[i]) continue;
    for (const Real& x : *run.values[i])
      if (x.is_interval() && !certified_significant(x, c.items[i].digits)) return false;
  }
  return true;
}

int max_digits(const Case& c) {
  int digits = c.digits;
  for (const auto& item : c.items) digits = std::max(digits, item.digits);
  return digits;
}

unsigned start_of(const Case& c, const PipelineOptions& options) {
  return std::min(precision_cap(c, options),
                  options.start_precision ? options.start_precision : static_cast<unsigned>(max_digits(c)) + 20);
}

// The reason a run stays uncertified at the cap, for reports. `certified`: decided(c, run),
// known already (it prints every interval cell of the run: not done twice).
void close_run(const Case& c, Run& run, bool certified) {
  run.certified = certified;
  if (run.certified || run.undecided) return;
  for (std::size_t i = 0; i < c.items.size() && !run.undecided; ++i) {
    if (!run.values[i]) continue;
    const auto& m = *run.values[i];
    for (std::size_t r = 0; r < m.rows() && !run.undecided; ++r)
      for (std::size_t col = 0; col < m.cols(); ++col)
        if (m(r, col).is_interval() && !certified_significant(m(r, col), c.items[i].digits)) {
          run.undecided = Error(ErrorId::eval_undecided, c.items[i].loc, fmt::format("step {}, cell {}: undecided at {} digits of working "
                                                            "precision (the cap): {}", c.items[i].name,
                                                            c.items[i].cell_label(r, col), run.digits10,
                                                            describe(m(r, col), 6)));
          break;
        }
  }
}

}  // namespace

Run evaluate_at(const Case& c, bool hand, unsigned digits10, const PipelineOptions& options) {
  ScopedLimits scoped(options);
  CellBudget budget(options);
  IdentityScope identities;
  Run run;
  run.digits10 = digits10;
  run.values.resize(c.items.size());
  run.missing.resize(c.items.size());
  // Names are looked up once per reading: a scan of the case each time made a run of n steps
  // take n^2 (20 000 one-cell steps: 23 s).
  std::unordered_map<std::string_view, std::size_t> index;
  index.reserve(c.items.size());
  for (std::size_t i = 0; i < c.items.size(); ++i) index.emplace(c.items[i].name, i);
  auto find = [&](const std::string& name) -> std::size_t {
    auto it = index.find(name);
    return it != index.end() ? it->second : static_cast<std::size_t>(c.find(name));
  };
  Lookup<Real> lookup = [&](const std::string& name) -> const Matrix<Real>& { return *run.values[find(name)]; };
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    const Item& item = c.items[i];
    if (item.is_input) {
      run.values[i] = map_cells(item.value, [](const Literal& l) { return real_of(l); });
      continue;
    }
    const Expression& e = expression_of(item, hand);
    for (const auto& name : referenced_names(*e.ast)) {
      std::size_t k = find(name);
      if (!run.values[k]) {
        run.missing[i] = fmt::format("it reads {}, which could not be computed", name);
        break;
      }
    }
    if (!run.missing[i].empty()) continue;
    try {
      EvalLimits limits = options.eval;
      limits.held_cells = budget.used();  // a result past the total is refused from its shape
      run.values[i] = evaluate<Real>(*e.ast, lookup, limits);
    } catch (const EvalError& err) {
      throw step_error(item, e, err);
    } catch (const Undecided& u) {
      run.missing[i] = fmt::format("undecided: {}", u.what());
      if (!run.undecided) run.undecided = Error(ErrorId::eval_undecided, e.loc, fmt::format("step {}: undecided: {}", item.name, u.what()));
      continue;
    }
    try {
      // Each interval cell is certified to its step's digits after the run (decided): a decimal
      // conversion at the working precision, counted as an operation of it. Uncounted, 90 000
      // cells of sqrt(2) at 10 000 digits took minutes past --max-precision-work.
      std::size_t intervals = 0;
      for (const Real& x : *run.values[i]) intervals += x.is_interval() ? 1 : 0;
      if (intervals > 0) charge_precision_work(intervals);
    } catch (const DomainError& err) {
      throw step_error(item, e, EvalError(e.ast->pos, to_string(*e.ast), err, false, 0, 0));
    }
    budget.add(item, e, run.values[i]->size());
    check_labels(item, run.values[i]->shape(), e);
  }
  return run;
}

unsigned precision_cap(const Case& c, const PipelineOptions& options) {
  return options.max_precision ? options.max_precision : std::max(10u * static_cast<unsigned>(max_digits(c)), 2000u);
}

std::pair<HandRun, ExactRun> run_pipelines(const Case& c, const PipelineOptions& options, unsigned threads) {
  const unsigned cap = precision_cap(c, options);
  std::optional<Run> runs[2];
  bool done[2] = {false, false}, certified[2] = {false, false};
  for (unsigned prec = start_of(c, options);; prec = std::min(cap, prec * 2)) {
    PrecisionLease lease(prec);
    std::optional<Run> next[2];
    bool next_certified[2] = {false, false};
    parallel_for(2, [&](std::size_t k) {
      if (done[k]) return;
      try {
        next[k] = evaluate_at(c, k == 0, prec, options);
      } catch (const Error&) {
        if (!runs[k]) throw;  // a raised run past a limit keeps the last one
      }
      // On the run's own thread, beside the other pipeline.
      if (next[k]) next_certified[k] = decided(c, *next[k]);
    }, threads);
    for (int k = 0; k < 2; ++k) {
      if (done[k]) continue;
      if (next[k]) {
        runs[k] = std::move(next[k]);
        certified[k] = next_certified[k];
      }
      done[k] = !next[k] || prec >= cap || certified[k];
    }
    if (done[0] && done[1]) break;
  }
  for (int k = 0; k < 2; ++k) close_run(c, *runs[k], certified[k]);
  return {std::move(*runs[0]), std::move(*runs[1])};
}

static Run run_one(const Case& c, const PipelineOptions& options, bool hand) {
  const unsigned cap = precision_cap(c, options);
  std::optional<Run> last;
  bool certified = false;
  for (unsigned prec = start_of(c, options);; prec = std::min(cap, prec * 2)) {
    PrecisionLease lease(prec);
    std::optional<Run> next;
    try {
      next = evaluate_at(c, hand, prec, options);
    } catch (const Error&) {
      if (!last) throw;  // a raised run past a limit keeps the last one
    }
    if (next) {
      last = std::move(next);
      certified = decided(c, *last);
    }
    if (!next || prec >= cap || certified) {
      close_run(c, *last, certified);
      return std::move(*last);
    }
  }
}

HandRun run_hand(const Case& c, const PipelineOptions& options) { return run_one(c, options, true); }
ExactRun run_exact(const Case& c, const PipelineOptions& options) { return run_one(c, options, false); }

}  // namespace handcheck

namespace handcheck {

void with_precision(unsigned digits10, const std::function<void()>& f) {
  PrecisionLease lease(digits10);
  f();
}

}  // namespace handcheck
