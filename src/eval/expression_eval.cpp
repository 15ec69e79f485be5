#include "handcheck/eval/expression_eval.hpp"

#include <fmt/format.h>
#include <optional>

#include "handcheck/detail/text.hpp"
#include "handcheck/linalg/products.hpp"  // the fast products of exact numbers for @
#include "handcheck/ops/cellwise.hpp"
#include "handcheck/ops/registry.hpp"
#include "handcheck/ops/scalar.hpp"

namespace handcheck {

namespace {

std::size_t saturating_sum(std::size_t a, std::size_t b) {
  return a > static_cast<std::size_t>(-1) - b ? static_cast<std::size_t>(-1) : a + b;
}
std::size_t saturating_product(std::size_t a, std::size_t b) {
  return b != 0 && a > static_cast<std::size_t>(-1) / b ? static_cast<std::size_t>(-1) : a * b;
}

template <class T>
class Evaluator {
 public:
  Evaluator(const Lookup<T>& lookup, const EvalLimits& limits) : lookup_(lookup), limits_(limits) {}

  // The whole expression: planned from its operands' shapes, then computed.
  Matrix<T> run(const Expr& e) {
    try {
      std::optional<Shape> result = plan(e);
      refuse_plan(result);
    } catch (const DomainError& err) {
      throw EvalError(leftmost(e), to_string(e), err, false, 0, 0);
    }
    return eval(e);
  }

 private:
  // Where the text of e starts (a binary node's own place is its operator's).
  static std::size_t leftmost(const Expr& e) {
    if ((e.kind == Expr::Kind::binary || e.kind == Expr::Kind::transpose) && !e.args.empty())
      return std::min(e.pos, leftmost(*e.args[0]));
    return e.pos;
  }

  std::size_t intermediate_limit() const { return saturating_product(kIntermediateCellsFactor, limits_.max_cells); }

  // --- the plan: shapes without cells ------------------------------------------------------

  // The shape of e's value from the shapes of the names it reads, adding the cells of every
  // value on the way and the multiplications of every product; nullopt where a function's
  // result shape is not known without computing it (the evaluation counts those as it goes).
  std::optional<Shape> plan(const Expr& e) {
    std::optional<Shape> s = plan_node(e);
    if (s) planned_cells_ = saturating_sum(planned_cells_, s->cells());
    return s;
  }

  static std::optional<Shape> broadcast_of(const std::vector<std::optional<Shape>>& shapes) {
    std::optional<Shape> out;
    for (const auto& s : shapes) {
      if (!s) return std::nullopt;
      try {
        out = out ? broadcast_shape(*out, *s) : *s;
      } catch (const DomainError&) {
        return std::nullopt;  // the evaluation reports it where it happens
      }
    }
    return out;
  }

  std::optional<Shape> plan_node(const Expr& e) {
    switch (e.kind) {
      case Expr::Kind::number:
        return Shape{1, 1};
      case Expr::Kind::name:
        return lookup_(e.name).shape();
      case Expr::Kind::negate:
        return plan(*e.args[0]);
      case Expr::Kind::transpose: {
        std::optional<Shape> s = plan(*e.args[0]);
        if (s) return Shape{s->cols, s->rows};
        return std::nullopt;
      }
      case Expr::Kind::binary: {
        std::optional<Shape> a = plan(*e.args[0]), b = plan(*e.args[1]);
        if (!a || !b) return std::nullopt;
        if (e.op != '@') return broadcast_of({a, b});
        if (a->cols != b->rows) return std::nullopt;
        planned_work_ = saturating_sum(planned_work_, saturating_product(a->cells(), b->cols));
        return Shape{a->rows, b->cols};
      }
      case Expr::Kind::call: {
        std::vector<std::optional<Shape>> args;
        for (const auto& a : e.args) args.push_back(plan(*a));
        const OpSpec* op = find_op(e.name);
        if (!op) return std::nullopt;
        return call_shape(*op, args);
      }
    }
    return std::nullopt;
  }

  // A function's result shape from its arguments' shapes, where they give it.
  static std::optional<Shape> call_shape(const OpSpec& op, const std::vector<std::optional<Shape>>& args) {
    if (args.empty() || !args[0]) return std::nullopt;
    Shape m = *args[0];
    switch (op.reads) {
      case Reads::cell: return broadcast_of(args);
      case Reads::column:
      case Reads::row: return m;
      case Reads::column_fold: return Shape{1, m.cols};
      case Reads::row_fold: return Shape{m.rows, 1};
      case Reads::picked:
      case Reads::all: return op.name == "sum" ? std::optional<Shape>(Shape{1, 1}) : std::nullopt;
    }
    return std::nullopt;
  }

  // Past a limit the plan already shows, nothing is computed.
  void refuse_plan(const std::optional<Shape>& result) const {
    if (planned_cells_ > intermediate_limit())
      throw LimitError(ErrorId::limit_cells,
                       fmt::format("its values on the way to the result hold {} cells together, more than {} x the cell "
                                   "limit of {} (split it into steps, or raise the limit with --max-cells)",
                                   planned_cells_, kIntermediateCellsFactor, limits_.max_cells));
    if (result && result->cells() <= limits_.max_cells &&
        saturating_sum(result->cells(), limits_.held_cells) > limits_.max_cells)
      throw LimitError(ErrorId::limit_cells,
                       fmt::format("its {} result would bring the results of the steps up to this one to {} cells "
                                   "together, more than the limit of {} (raise it with --max-cells)",
                                   result->to_string(), result->cells() + limits_.held_cells, limits_.max_cells));
    const EvalWork& w = eval_work();
    if (planned_work_ > w.limit - std::min(w.limit, w.used))
      throw LimitError(ErrorId::limit_work, work_message("its products take", planned_work_));
    if (planned_cells_ > w.values_limit - std::min(w.values_limit, w.values)) throw run_values_error();
  }

  LimitError run_values_error() const {
    return LimitError(ErrorId::limit_cells,
                      fmt::format("the values the run's expressions make on the way to their results would hold more "
                                  "than {} x the cell limit of {} cells together (raise it with --max-cells)",
                                  kRunCellsFactor, limits_.max_cells));
  }

  static std::string work_message(const std::string& what, std::size_t work) {
    const EvalWork& w = eval_work();
    return fmt::format("{} {} multiplications, more than the {} left of the run's work limit of {} (raise it with "
                       "--max-work)", what, work, w.limit - std::min(w.limit, w.used), w.limit);
  }

  // Counts work the run is about to do; refused past its limit, before it is done.
  static void charge_work(const std::string& what, std::size_t work) {
    EvalWork& w = eval_work();
    if (work > w.limit - std::min(w.limit, w.used)) throw LimitError(ErrorId::limit_work, work_message(what, work));
    w.used += work;
  }

  // --- the evaluation ----------------------------------------------------------------------

  Matrix<T> eval(const Expr& e) {
    try {
      Matrix<T> m = eval_node(e);
      if (m.size() > limits_.max_cells)
        throw LimitError(ErrorId::limit_cells, fmt::format("a {} result is larger than the limit of {} cells (raise it with --max-cells)",
                                     m.shape().to_string(), limits_.max_cells));
      // What the plan could not see (a function's result) is counted here.
      made_cells_ = saturating_sum(made_cells_, m.size());
      EvalWork& w = eval_work();
      w.values = saturating_sum(w.values, m.size());
      if (w.values > w.values_limit) throw run_values_error();
      if (made_cells_ > intermediate_limit())
        throw LimitError(ErrorId::limit_cells,
                         fmt::format("its values on the way to the result hold more than {} x the cell limit of {} "
                                     "cells together (split it into steps, or raise the limit with --max-cells)",
                                     kIntermediateCellsFactor, limits_.max_cells));
      hold_to_bit_limits(m);
      return m;
    } catch (const EvalError&) {
      throw;
    } catch (const CellError& err) {
      throw EvalError(e.pos, to_string(e), err, true, err.row, err.col);
    } catch (const DomainError& err) {
      throw EvalError(e.pos, to_string(e), err, false, 0, 0);
    }
  }

  Matrix<T> eval_node(const Expr& e) {
    switch (e.kind) {
      case Expr::Kind::number:
        return Matrix<T>::scalar(real_of(e.number));
      case Expr::Kind::name:
        return lookup_(e.name);
      case Expr::Kind::negate:
        return map_cells(eval(*e.args[0]), [](const T& x) { return -x; });
      case Expr::Kind::transpose:
        return transpose(eval(*e.args[0]));
      case Expr::Kind::binary: {
        // One operand at a time, left first: a long chain holds two values at each level, not
        // every right operand while the left one is computed.
        Matrix<T> a = eval(*e.args[0]);
        Matrix<T> b = eval(*e.args[1]);
        return binary(e.op, a, b);
      }
      case Expr::Kind::call: {
        const OpSpec* op = find_op(e.name);
        if (!op) throw DomainError(ErrorId::internal_unreachable, fmt::format("unknown function '{}'", detail::shortened(e.name)));
        std::vector<Matrix<T>> args;
        args.reserve(e.args.size());
        for (const auto& a : e.args) args.push_back(eval(*a));
        if (op->work && args.size() >= op->min_args) bound_work(*op, args);
        if (args.size() >= op->min_args) bound_copied_bits(*op, args);
        return op->fn(args);
      }
    }
    throw DomainError(ErrorId::internal_unreachable, "unknown expression");
  }

  // A convolution, a pooling or an argmax whose work grows faster than its cells: at most 100 x
  // the cell limit, as a product, and within the run's work limit, known before it runs.
  void bound_work(const OpSpec& op, const std::vector<Matrix<T>>& args) {
    std::size_t work = op.work(args);
    if (work > saturating_product(100, limits_.max_cells))
      throw LimitError(ErrorId::limit_work,
                       fmt::format("{} of {} takes {} operations, more than 100 x the cell limit of {} (raise it with "
                                   "--max-cells)", op.name, args[0].shape().to_string(), work, limits_.max_cells));
    charge_work(fmt::format("{} takes", op.name), work);
  }

  // A function may copy a number into every cell of its result (repeat, where, max over a
  // broadcast): of a huge number (or an enclosure at a huge precision), each copy holds its bits
  // again, so the result is held to --max-total-bits before it is made (90 000 copies of
  // 3^600000 are 10 GB), from its size where the arguments' shapes give it and the cell limit
  // where they do not.
  void bound_copied_bits(const OpSpec& op, const std::vector<Matrix<T>>& args) const {
    constexpr std::size_t kHugeBits = std::size_t{1} << 16;
    std::size_t big = 0;
    for (const auto& a : args)
      for (const Real& x : a.cells()) {
        if (x.is_exact()) big = std::max(big, rational_bits(x.exact()));
        // An enclosure holds two numbers at the working precision (100 000 digits: 83 kB).
        else if (x.is_interval()) big = std::max<std::size_t>(big, 2 * mpfi_get_prec(x.interval().backend().data()));
      }
    if (big <= kHugeBits) return;
    std::vector<std::optional<Shape>> shapes;
    for (const auto& a : args) shapes.push_back(a.shape());
    const std::optional<Shape> result = call_shape(op, shapes);
    const std::size_t cells = result ? result->cells() : limits_.max_cells;
    const BitBudget& b = bit_budget();
    const std::size_t left = b.limit - std::min(b.limit, b.used);
    if (saturating_product(big, cells) > left)
      throw LimitError(ErrorId::limit_bits,
                       fmt::format("{} of a number of {} bits could make up to {} cells of it, more than the {} bits "
                                   "left of the values' limit (raise it with --max-total-bits)",
                                   op.name, big, cells, left));
  }

  // Every operation's result, whatever made it: each number within --max-bits, and the run's
  // numbers together within --max-total-bits.
  static void hold_to_bit_limits(const Matrix<T>& m) {
    std::size_t total = 0;
    for (std::size_t r = 0; r < m.rows(); ++r)
      for (std::size_t c = 0; c < m.cols(); ++c) {
        const Real& x = m(r, c);
        if (!x.is_exact()) continue;
        try {
          check_bits(x.exact());
        } catch (const DomainError& err) {
          throw CellError(err, r, c);
        }
        total += rational_bits(x.exact());
      }
    charge_bits(total);
  }

  Matrix<T> binary(char op, const Matrix<T>& a, const Matrix<T>& b) {
    switch (op) {
      case '+': return zip_cells(a, b, [](const T& x, const T& y) { return x + y; });
      case '-': return zip_cells(a, b, [](const T& x, const T& y) { return x - y; });
      case '*': return zip_cells(a, b, [](const T& x, const T& y) { return x * y; });
      case '/': return divide_cells(a, b);
      case '^': return power_cells(a, b);
      case '@':
        if (a.rows() * b.cols() > limits_.max_cells)
          throw LimitError(ErrorId::limit_cells, fmt::format("a {}x{} product is larger than the limit of {} cells (raise it with "
                                       "--max-cells)", a.rows(), b.cols(), limits_.max_cells));
        // m k n, compared without overflow: m k is the size of an operand.
        if (a.cols() == b.rows() && b.cols() > 0 && a.size() > 100 * limits_.max_cells / b.cols())
          throw LimitError(ErrorId::limit_work, fmt::format("a product of {} and {} takes {} multiplications, more than 100 x the cell "
                                       "limit of {} (raise it with --max-cells)", a.shape().to_string(),
                                       b.shape().to_string(), a.rows() * a.cols() * b.cols(), limits_.max_cells));
        if (a.cols() == b.rows()) charge_work("this product takes", a.size() * b.cols());
        return matmul(a, b);  // within --max-total-bits, bounded before it is made
    }
    throw DomainError(ErrorId::internal_unreachable, fmt::format("unknown operator '{}'", op));
  }

  const Lookup<T>& lookup_;
  const EvalLimits& limits_;
  std::size_t planned_cells_ = 0, planned_work_ = 0, made_cells_ = 0;
};

}  // namespace

EvalWork& eval_work() {
  thread_local EvalWork w;
  return w;
}

template <class T>
Matrix<T> evaluate(const Expr& e, const Lookup<T>& lookup, const EvalLimits& limits) {
  return Evaluator<T>(lookup, limits).run(e);
}

template Matrix<Real> evaluate(const Expr&, const Lookup<Real>&, const EvalLimits&);

}  // namespace handcheck
