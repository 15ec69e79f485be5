// A recursive-descent parser for the expression grammar of DESIGN §2.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "handcheck/error.hpp"
#include "handcheck/expr/ast.hpp"

namespace handcheck {

class ParseError : public Exception {
 public:
  ParseError(ErrorId id, std::size_t pos, const std::string& message) : Exception(id, message), pos(pos) {}
  std::size_t pos;  // offset into the expression text
};

struct ParseLimits {
  std::size_t max_depth = 200;     // nesting of parentheses, calls and unary operators
  std::size_t max_length = 10000;  // characters of one expression
};

ExprPtr parse_expression(std::string_view text, const ParseLimits& limits = {});

}  // namespace handcheck
