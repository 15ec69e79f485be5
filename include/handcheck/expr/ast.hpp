// Expression trees of DESIGN §2. The parser knows nothing of YAML: positions are offsets
// into the expression text, which the loader maps to file:line:col.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "handcheck/numbers/literal.hpp"

namespace handcheck {

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct Expr {
  enum class Kind {
    number,     // literal
    name,       // reference to an input or earlier step
    call,       // name(args...)
    negate,     // -args[0]
    binary,     // args[0] op args[1]; op is one of + - * / @ ^
    transpose,  // args[0]^T
  };
  Kind kind;
  std::size_t pos = 0;  // offset of the token that names this node
  char op = 0;
  std::string name;
  Literal number;
  std::vector<ExprPtr> args;
};

// The names an expression reads, functions excluded, in order of appearance.
std::vector<std::string> referenced_names(const Expr& e);
// Canonical text of an expression (fully spaced), for reports.
std::string to_string(const Expr& e);

}  // namespace handcheck
