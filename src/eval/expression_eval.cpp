#include "handcheck/eval/expression_eval.hpp"

#include <fmt/format.h>

#include "handcheck/linalg/products.hpp"  // the fast products of exact numbers for @
#include "handcheck/ops/cellwise.hpp"
#include "handcheck/ops/registry.hpp"
#include "handcheck/ops/scalar.hpp"

namespace handcheck {

namespace {

template <class T>
class Evaluator {
 public:
  Evaluator(const Lookup<T>& lookup, const EvalLimits& limits) : lookup_(lookup), limits_(limits) {}

  Matrix<T> eval(const Expr& e) {
    try {
      Matrix<T> m = eval_node(e);
      if (m.size() > limits_.max_cells)
        throw LimitError(ErrorId::limit_cells, fmt::format("a {} result is larger than the limit of {} cells (raise it with --max-cells)",
                                     m.shape().to_string(), limits_.max_cells));
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

 private:
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
      case Expr::Kind::binary:
        return binary(e.op, eval(*e.args[0]), eval(*e.args[1]));
      case Expr::Kind::call: {
        const OpSpec* op = find_op(e.name);
        if (!op) throw DomainError(ErrorId::internal_unreachable, fmt::format("unknown function '{}'", e.name));
        std::vector<Matrix<T>> args;
        args.reserve(e.args.size());
        for (const auto& a : e.args) args.push_back(eval(*a));
        return op->fn(args);
      }
    }
    throw DomainError(ErrorId::internal_unreachable, "unknown expression");
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
        return matmul(a, b);  // within --max-total-bits, bounded before it is made
    }
    throw DomainError(ErrorId::internal_unreachable, fmt::format("unknown operator '{}'", op));
  }

  const Lookup<T>& lookup_;
  const EvalLimits& limits_;
};

}  // namespace

template <class T>
Matrix<T> evaluate(const Expr& e, const Lookup<T>& lookup, const EvalLimits& limits) {
  return Evaluator<T>(lookup, limits).eval(e);
}

template Matrix<Real> evaluate(const Expr&, const Lookup<Real>&, const EvalLimits&);

}  // namespace handcheck
