// Numbers as they are printed: parsed from their source text, never through a double.
#pragma once

#include <string>
#include <string_view>

#include "handcheck/numbers/rational.hpp"

namespace handcheck {

// A number read from text. `decimals` is how many decimals it was printed with
// (1.60 -> 2, 1.5e-3 -> 4), or -1 for an integer or a fraction, which stand for themselves.
struct Literal {
  Rational value;
  int decimals = -1;
  std::string text;  // as written, for reports

  bool is_decimal() const { return decimals >= 0; }
};

struct LiteralLimits {
  std::size_t max_length = 1000;  // characters of one literal
  long max_exponent = 1000;       // |e| in 1e-3
};

// Parses `2`, `-0.375`, `+1.5`, `.5`, `1e-3`, `2.5E+2`, `3/10`, `-3/10`. Surrounding blanks are
// ignored. Throws DomainError with a message saying what is wrong.
Literal parse_literal(std::string_view text, const LiteralLimits& limits = {});

}  // namespace handcheck
