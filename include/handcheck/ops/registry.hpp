// The functions of the expression language, one row each. Both pipelines and the
// recomputation from stated values evaluate the same functions over Real (DESIGN §3); the
// hand pipeline differs only in the expressions it evaluates.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "handcheck/linalg/matrix.hpp"
#include "handcheck/numbers/real.hpp"

namespace handcheck {

template <class T>
using OpFn = Matrix<T> (*)(const std::vector<Matrix<T>>& args);
// The multiplications (or comparisons) a function will make on these arguments, known from
// their shapes and size arguments before it runs; 0 when the arguments are invalid (the
// function itself says why).
using WorkFn = std::size_t (*)(const std::vector<Matrix<Real>>& args);

// Which cells of its arguments a cell of a function's result reads: the same cell (broadcast),
// its whole column or row (the result as large as the argument, or folded to one row or
// column), the cells it picks (concat, col, row, block, a copy, a window: audit/reads.cpp
// follows each by name), or every cell.
enum class Reads { cell, column, row, column_fold, row_fold, picked, all };

// Whether a function is continuous in its data wherever it is defined (its size and index
// arguments are whole numbers given exactly). A step built from continuous functions and the
// operators takes every value between two of its values over a box of operands, which is how
// the audit proves that some operands in their printed ranges give a stated value.
enum class Continuity { continuous, jumps };

struct OpSpec {
  std::string_view name;
  std::size_t min_args;
  std::size_t max_args;  // kVariadic for any number
  std::string_view signature;
  std::string_view summary;
  OpFn<Real> fn;
  Reads reads;
  Continuity continuity;
  // nullptr: the function's work is linear in the cells of its arguments and result.
  WorkFn work;

  static constexpr std::size_t kVariadic = static_cast<std::size_t>(-1);
};

// nullptr when there is no such function.
const OpSpec* find_op(std::string_view name);
const std::vector<OpSpec>& all_ops();
// The closest known function name, or "" when none is close.
std::string closest_op(std::string_view name);

// Most cells a matrix made by a function (zeros, identity...) may have.
inline constexpr std::size_t kDefaultMaxCells = 1000000;

}  // namespace handcheck
