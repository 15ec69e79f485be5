// Runs the two pipelines over a case: the hand pipeline in exact rationals, the exact
// pipeline in certified precision, raising the precision until every printed digit and
// every decision is certain (Ziv's strategy) or a cap is reached.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "handcheck/eval/expression_eval.hpp"
#include "handcheck/model/case.hpp"
#include "handcheck/numbers/real.hpp"

namespace handcheck {

struct HandRun {
  std::vector<std::optional<Matrix<Rational>>> values;  // per item; empty after a stop
  std::optional<Error> stopped;                         // why the hand pipeline stopped early
};

struct ExactRun {
  std::vector<std::optional<Matrix<Real>>> values;  // per item; empty after an undecided stop
  unsigned digits10 = 0;                            // the working precision that was enough
  std::optional<Error> undecided;                   // a decision no precision up to the cap made
  bool certified = true;                            // every printed digit and decision is certain
};

struct PipelineOptions {
  EvalLimits eval;
  std::size_t max_bits = 1u << 20;  // size of a rational made by ^
  unsigned max_precision = 0;       // working-precision cap in digits; 0: max(10 x digits, 2000)
  unsigned start_precision = 0;     // first working precision; 0: digits + 20
};

// Throws Error for a case that cannot be evaluated. A hand value that is not rational stops
// the hand pipeline quietly only where no later stated number follows it.
HandRun run_hand(const Case& c, const PipelineOptions& options = {});

// The precision is doubled from `start_precision` until every interval cell prints at its
// step's digits, certified, or the cap is reached.
ExactRun run_exact(const Case& c, const PipelineOptions& options = {});

// The working-precision cap for a case under these options, in digits.
unsigned precision_cap(const Case& c, const PipelineOptions& options);

// The exact pipeline at one fixed precision; throws Undecided.
ExactRun evaluate_exact_at(const Case& c, unsigned digits10, const PipelineOptions& options = {});

// Evaluates one step over any number type from the values of earlier items.
template <class T>
Matrix<T> evaluate_step(const Case& c, std::size_t item, bool hand_expression, const Lookup<T>& lookup,
                        const EvalLimits& limits = {});

// The error for an EvalError raised in a step's expression.
Error step_error(const Item& item, const Expression& e, const EvalError& err);

}  // namespace handcheck

namespace handcheck {

// Runs f with the working precision set to digits10, serialised with every other use of
// the process-wide interval precision.
void with_precision(unsigned digits10, const std::function<void()>& f);

}  // namespace handcheck
