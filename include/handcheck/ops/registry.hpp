// The functions of the expression language, one row each. Every function is written once,
// as a template over the number type, and instantiated for the hand pipeline (Rational),
// the exact pipeline (Real) and stated ranges (Range).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "handcheck/linalg/matrix.hpp"
#include "handcheck/numbers/range.hpp"
#include "handcheck/numbers/rational.hpp"
#include "handcheck/numbers/real.hpp"

namespace handcheck {

template <class T>
using OpFn = Matrix<T> (*)(const std::vector<Matrix<T>>& args);

struct OpSpec {
  std::string_view name;
  std::size_t min_args;
  std::size_t max_args;  // kVariadic for any number
  std::string_view signature;
  std::string_view summary;
  OpFn<Rational> hand;
  OpFn<Real> exact;
  OpFn<Range> range;

  static constexpr std::size_t kVariadic = static_cast<std::size_t>(-1);

  template <class T>
  OpFn<T> fn() const {
    if constexpr (std::is_same_v<T, Rational>) return hand;
    else if constexpr (std::is_same_v<T, Real>) return exact;
    else return range;
  }
};

// nullptr when there is no such function.
const OpSpec* find_op(std::string_view name);
const std::vector<OpSpec>& all_ops();
// The closest known function name, or "" when none is close.
std::string closest_op(std::string_view name);

// Most cells a matrix made by a function (zeros, identity...) may have.
inline constexpr std::size_t kDefaultMaxCells = 1000000;

}  // namespace handcheck
