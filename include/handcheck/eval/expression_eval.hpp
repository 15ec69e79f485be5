// Evaluates one expression over matrices of any number type. Knows nothing of YAML or of
// stated numbers: names are looked up through a callback.
#pragma once

#include <functional>
#include <string>

#include "handcheck/expr/ast.hpp"
#include "handcheck/linalg/matrix.hpp"

namespace handcheck {

// An operation failed at `pos` (offset into the expression text); `cell` is set when the
// failure is in one cell of the node's result.
// The cause's id and kind carry over.
class EvalError : public Exception {
 public:
  EvalError(std::size_t pos, std::string node, const DomainError& cause, bool has_cell, std::size_t row,
            std::size_t col)
      : Exception(cause.id(), cause.what()), pos(pos), node(std::move(node)), has_cell(has_cell), row(row),
        col(col) {}
  std::size_t pos;
  std::string node;  // the failing sub-expression, as text
  bool has_cell;
  std::size_t row, col;  // 0-based, in the node's result
};

template <class T>
using Lookup = std::function<const Matrix<T>&(const std::string& name)>;

struct EvalLimits {
  std::size_t max_cells = 100000;  // of any intermediate matrix; a product m x k @ k x n may
                                   // take up to 100 x max_cells multiplications (m k n), a
                                   // convolution or pooling as many window cells, an argmax as
                                   // many comparisons
  std::size_t held_cells = 0;      // cells the run's earlier results hold: the result of this
                                   // expression must fit beside them within max_cells
};

// The values an expression makes on its way to its result (every name it reads is a copy,
// every operation a new matrix) hold at most this many times max_cells cells together.
inline constexpr std::size_t kIntermediateCellsFactor = 20;

// The values all the steps of a run make on their way to their results together hold at most
// this many times max_cells cells: a step is bounded by kIntermediateCellsFactor, and many steps
// of elementwise work (each just under it) must not add up to minutes.
inline constexpr std::size_t kRunCellsFactor = 100;

// The multiplications (of products, convolutions, poolings) and comparisons (of argmax) a run
// has made and may make in all, and the values its expressions have made: the current
// thread's; unlimited outside a run (ScopedLimits sets them from PipelineOptions).
struct EvalWork {
  std::size_t limit = static_cast<std::size_t>(-1);
  std::size_t used = 0;
  std::size_t values_limit = static_cast<std::size_t>(-1);
  std::size_t values = 0;
};
EvalWork& eval_work();

// Over Real (both pipelines). Throws EvalError, or Undecided for a decision (an index, a
// divisor's sign) that the working precision cannot make.
template <class T>
Matrix<T> evaluate(const Expr& e, const Lookup<T>& lookup, const EvalLimits& limits = {});

}  // namespace handcheck
