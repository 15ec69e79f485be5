// Runs the two pipelines over a case. Both evaluate the same functions over the same number
// type (DESIGN §3); the hand pipeline differs only in its expressions. The precision is raised
// until every printed digit and every decision is certain (Ziv's strategy) or a cap is reached.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "handcheck/eval/expression_eval.hpp"
#include "handcheck/model/case.hpp"
#include "handcheck/numbers/real.hpp"
#include "handcheck/ops/scalar.hpp"

namespace handcheck {

// One pipeline's values. A step is missing only when a decision it needs (an index, the sign
// of a divisor) stays undecided at the cap, or when it reads a missing step: every other step
// is computed. Cells that stay intervals too wide to print are values all the same.
struct Run {
  std::vector<std::optional<Matrix<Real>>> values;  // per item
  std::vector<std::string> missing;                 // per item: why it has no value, or ""
  unsigned digits10 = 0;                            // the working precision that was enough
  bool certified = true;                            // every printed digit and decision is certain
  std::optional<Error> undecided;                   // the first step or digit left undecided
};
using HandRun = Run;
using ExactRun = Run;

struct PipelineOptions {
  EvalLimits eval;
  std::size_t max_bits = 1u << 20;  // size of a rational made by any operation
  std::size_t max_total_bits = std::size_t{1} << 32;  // bits held by a run's exact values together
  // Work of the interval operations of one run (see PrecisionWork): a run past it at the first
  // precision is an error; the precision is not raised into it (the cells stay undecided).
  std::size_t max_precision_work = std::size_t{1} << 27;
  // Multiplications of the products, convolutions and poolings (and comparisons of argmax) of
  // one run (see EvalWork): each is refused before it starts when it would pass the limit.
  std::size_t max_work = 100000000;
  // Exact arithmetic on large numbers in one run (see RationalWork), counted before each
  // operation: past it the run stops naming the step.
  std::size_t max_rational_work = std::size_t{1} << 27;
  unsigned max_precision = 0;       // working-precision cap in digits; 0: max(10 x digits, 2000)
  unsigned start_precision = 0;     // first working precision; 0: digits + 20
};

// Throws Error for a case that cannot be evaluated (a division by zero, a shape mismatch).
HandRun run_hand(const Case& c, const PipelineOptions& options = {});
ExactRun run_exact(const Case& c, const PipelineOptions& options = {});
// Both, side by side on two threads when `threads` is 0 (one per core) or 2.
std::pair<HandRun, ExactRun> run_pipelines(const Case& c, const PipelineOptions& options = {},
                                           unsigned threads = 1);

// The working-precision cap for a case under these options, in digits.
unsigned precision_cap(const Case& c, const PipelineOptions& options);


// The limits of `options` on the current thread, for its lifetime: the bits of one number, the
// bits of all (a fresh budget), the cells of a broadcast, the work of products (a fresh budget). Pipelines and audits run under it.
class ScopedLimits {
 public:
  explicit ScopedLimits(const PipelineOptions& o)
      : saved_(scalar::limits()), exponent_(max_interval_exponent()), cells_(max_broadcast_cells()),
        bits_(max_rational_bits()), budget_(bit_budget()), work_(precision_work()),
        eval_work_(eval_work()), rational_work_(rational_work()) {
    scalar::limits().max_bits = o.max_bits;
    max_interval_exponent() = o.max_bits;
    max_broadcast_cells() = o.eval.max_cells;
    max_rational_bits() = o.max_bits;
    bit_budget() = BitBudget{o.max_total_bits, 0};
    precision_work() = PrecisionWork{o.max_precision_work, 0};
    eval_work() = EvalWork{o.max_work, 0,
                           o.eval.max_cells > static_cast<std::size_t>(-1) / kRunCellsFactor
                               ? static_cast<std::size_t>(-1)
                               : kRunCellsFactor * o.eval.max_cells,
                           0};
    rational_work() = RationalWork{o.max_rational_work, 0};
  }
  ScopedLimits(const ScopedLimits&) = delete;
  ScopedLimits& operator=(const ScopedLimits&) = delete;
  ~ScopedLimits() {
    scalar::limits() = saved_;
    max_interval_exponent() = exponent_;
    max_broadcast_cells() = cells_;
    max_rational_bits() = bits_;
    bit_budget() = budget_;
    precision_work() = work_;
    eval_work() = eval_work_;
    rational_work() = rational_work_;
  }

 private:
  scalar::Limits saved_;
  std::size_t exponent_, cells_, bits_;
  BitBudget budget_;
  PrecisionWork work_;
  EvalWork eval_work_;
  RationalWork rational_work_;
};


// One pipeline at one fixed precision.
Run evaluate_at(const Case& c, bool hand, unsigned digits10, const PipelineOptions& options = {});

// The error for an EvalError raised in a step's expression.
Error step_error(const Item& item, const Expression& e, const EvalError& err);

// Runs f with the working precision set to digits10. Threads at the same precision run at
// once; a thread at another waits. Not to be nested at two different precisions.
void with_precision(unsigned digits10, const std::function<void()>& f);

}  // namespace handcheck
