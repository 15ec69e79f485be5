// How one cell of a step comes from the cells it reads, in one pipeline, line by line: the
// products and the sum of a matrix product, the terms of a sum, the two operands of an
// operator, the argument of a function of one cell, else the cells it reads with their values.
// `explain` and the key's "how" both show these lines, so that they say the same.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "handcheck/expr/ast.hpp"
#include "handcheck/model/case.hpp"
#include "handcheck/numbers/real.hpp"

namespace handcheck {

class CellWorking {
 public:
  using Show = std::function<std::string(const Real&)>;

  // `values`: one pipeline's value of every item (nullopt where it has none); `show` writes a
  // value; a product or a sum of more than `max_terms` terms is summarised in one line. Values
  // of subexpressions are kept: one CellWorking serves every cell of a step.
  CellWorking(const Case& c, const std::vector<std::optional<Matrix<Real>>>& values, Show show,
              std::size_t max_terms);

  // The lines for cell (r, col) of e; EvalError, Undecided or DomainError where e cannot be
  // evaluated over these values.
  std::vector<std::string> lines(const Expr& e, std::size_t r, std::size_t col);

 private:
  const Matrix<Real>& value(const Expr& e);
  std::string cell_text(const Expr& e, std::size_t r, std::size_t col);
  std::vector<std::string> product_lines(const Expr& e, std::size_t r, std::size_t col);
  std::vector<std::string> sum_lines(const Expr& e, std::size_t r, std::size_t col);
  std::vector<std::string> reads_lines(const Expr& e, std::size_t r, std::size_t col);

  const Case& c_;
  const std::vector<std::optional<Matrix<Real>>>& values_;
  Show show_;
  std::size_t max_terms_;
  std::vector<Shape> shapes_;
  std::map<const Expr*, Matrix<Real>> memo_;
};

}  // namespace handcheck
