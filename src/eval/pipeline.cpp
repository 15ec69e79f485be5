#include "handcheck/eval/pipeline.hpp"

#include <fmt/format.h>
#include <mutex>

#include "handcheck/ops/scalar.hpp"

namespace handcheck {

namespace {

template <class T>
Matrix<T> input_matrix(const Item& item) {
  return map_cells(item.value, [](const Literal& l) { return T(l.value); });
}

// A step's result must fit its declared labels.
void check_labels(const Item& item, Shape s, const Expression& e) {
  if (!item.columns.names.empty() && item.columns.names.size() != s.cols)
    throw Error(item.columns.loc, fmt::format("step {}: {} column names for a result with {} columns ({})", item.name,
                                              item.columns.names.size(), s.cols, to_string(*e.ast)));
  if (!item.rows.names.empty() && item.rows.names.size() != s.rows)
    throw Error(item.rows.loc, fmt::format("step {}: {} row names for a result with {} rows ({})", item.name,
                                           item.rows.names.size(), s.rows, to_string(*e.ast)));
}

class ScopedLimits {
 public:
  explicit ScopedLimits(const PipelineOptions& o)
      : saved_(scalar::limits()), exponent_(max_interval_exponent()), cells_(max_broadcast_cells()) {
    scalar::limits().max_bits = o.max_bits;
    max_interval_exponent() = o.max_bits;
    max_broadcast_cells() = o.eval.max_cells;
  }
  ~ScopedLimits() {
    scalar::limits() = saved_;
    max_interval_exponent() = exponent_;
    max_broadcast_cells() = cells_;
  }

 private:
  scalar::Limits saved_;
  std::size_t exponent_, cells_;
};

// The results of all steps together stay within the cell limit, so that many steps of
// allowed size cannot exhaust memory between them.
class CellBudget {
 public:
  explicit CellBudget(const PipelineOptions& o) : limit_(o.eval.max_cells) {}
  void add(const Item& item, const Expression& e, std::size_t cells) {
    used_ += cells;
    if (used_ > limit_)
      throw Error(e.loc, fmt::format("step {}: the results of the steps up to this one have {} cells together, more "
                                     "than the limit of {} (raise it with --max-cells)", item.name, used_, limit_));
  }

 private:
  std::size_t limit_, used_ = 0;
};

std::mutex& precision_mutex() {
  static std::mutex m;
  return m;
}

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
  return Error(e.at(err.pos), fmt::format("step {}{}: {}", item.name, where, err.what()));
}

template <class T>
Matrix<T> evaluate_step(const Case& c, std::size_t index, bool hand_expression, const Lookup<T>& lookup,
                        const EvalLimits& limits) {
  const Item& item = c.items[index];
  if (item.is_input) return input_matrix<T>(item);
  const Expression& e = hand_expression ? *item.hand : *item.exact;
  try {
    return evaluate<T>(*e.ast, lookup, limits);
  } catch (const EvalError& err) {
    throw step_error(item, e, err);
  }
}

template Matrix<Rational> evaluate_step(const Case&, std::size_t, bool, const Lookup<Rational>&, const EvalLimits&);
template Matrix<Real> evaluate_step(const Case&, std::size_t, bool, const Lookup<Real>&, const EvalLimits&);
template Matrix<Range> evaluate_step(const Case&, std::size_t, bool, const Lookup<Range>&, const EvalLimits&);

HandRun run_hand(const Case& c, const PipelineOptions& options) {
  ScopedLimits scoped(options);
  CellBudget budget(options);
  HandRun run;
  run.values.resize(c.items.size());
  Lookup<Rational> lookup = [&](const std::string& name) -> const Matrix<Rational>& {
    return *run.values[static_cast<std::size_t>(c.find(name))];
  };
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    const Item& item = c.items[i];
    if (item.is_input) {
      run.values[i] = input_matrix<Rational>(item);
      continue;
    }
    try {
      run.values[i] = evaluate<Rational>(*item.hand->ast, lookup, options.eval);
      budget.add(item, *item.hand, run.values[i]->size());
      check_labels(item, run.values[i]->shape(), *item.hand);
    } catch (const EvalError& err) {
      Error error = step_error(item, *item.hand, err);
      bool needed = false;
      for (std::size_t j = i; j < c.items.size(); ++j)
        needed = needed || (c.items[j].follows == Follows::hand && c.items[j].stated);
      if (!err.not_rational || needed) throw error;
      run.stopped = error;
      break;
    }
  }
  return run;
}

ExactRun evaluate_exact_at(const Case& c, unsigned digits10, const PipelineOptions& options) {
  ScopedLimits scoped(options);
  CellBudget budget(options);
  WorkingPrecision precision(digits10);
  ExactRun run;
  run.digits10 = digits10;
  run.values.resize(c.items.size());
  Lookup<Real> lookup = [&](const std::string& name) -> const Matrix<Real>& {
    return *run.values[static_cast<std::size_t>(c.find(name))];
  };
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    const Item& item = c.items[i];
    if (item.is_input) {
      run.values[i] = input_matrix<Real>(item);
      continue;
    }
    try {
      run.values[i] = evaluate<Real>(*item.exact->ast, lookup, options.eval);
    } catch (const EvalError& err) {
      throw step_error(item, *item.exact, err);
    } catch (const Undecided& u) {
      run.undecided = Error(item.exact->loc, fmt::format("step {}: undecided: {}", item.name, u.what()));
      run.values.resize(i);
      run.values.resize(c.items.size());
      run.certified = false;
      return run;
    }
    budget.add(item, *item.exact, run.values[i]->size());
    check_labels(item, run.values[i]->shape(), *item.exact);
  }
  return run;
}

static int max_digits(const Case& c) {
  int digits = c.digits;
  for (const auto& item : c.items) digits = std::max(digits, item.digits);
  return digits;
}

unsigned precision_cap(const Case& c, const PipelineOptions& options) {
  return options.max_precision ? options.max_precision : std::max(10u * static_cast<unsigned>(max_digits(c)), 2000u);
}

ExactRun run_exact(const Case& c, const PipelineOptions& options) {
  std::lock_guard<std::mutex> lock(precision_mutex());
  unsigned cap = precision_cap(c, options);
  unsigned prec = std::min(cap, options.start_precision ? options.start_precision
                                                        : static_cast<unsigned>(max_digits(c)) + 20);
  for (;;) {
    ExactRun run = evaluate_exact_at(c, prec, options);
    bool printable = true;
    for (std::size_t i = 0; i < c.items.size() && printable; ++i) {
      if (!run.values[i]) continue;
      for (const Real& x : *run.values[i])
        if (!x.is_exact() && !certified_significant(x, c.items[i].digits)) {
          printable = false;
          break;
        }
    }
    bool decided = !run.undecided && printable;
    if (decided || prec >= cap) {
      run.certified = decided;
      if (!decided && !run.undecided)
        run.undecided = Error({c.file, 0, 0}, fmt::format("some digits or decisions stay undecided at {} digits of "
                                                          "working precision (the cap)", prec));
      return run;
    }
    prec = std::min(cap, prec * 2);
  }
}

}  // namespace handcheck

namespace handcheck {

void with_precision(unsigned digits10, const std::function<void()>& f) {
  std::lock_guard<std::mutex> lock(precision_mutex());
  WorkingPrecision precision(digits10);
  f();
}

}  // namespace handcheck
