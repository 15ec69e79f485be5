// Numbers as they are printed: parsed from their source text, never through a double.
#pragma once

#include <string>
#include <string_view>

#include "handcheck/numbers/rational.hpp"

namespace handcheck {

// A number read from text. `decimals` is how many decimals it was printed with
// (1.60 -> 2, 1.5e-3 -> 4), or -1 for an integer or a fraction, which stand for themselves.
struct Literal {
  Rational value;    // 0 for an infinity
  int decimals = -1;
  std::string text;  // as written, for reports
  int infinity = 0;  // -1 for -inf, 1 for inf: the extended reals of a causal mask

  bool is_decimal() const { return decimals >= 0; }
  bool is_infinite() const { return infinity != 0; }
};

struct LiteralLimits {
  std::size_t max_length = 1000;  // characters of one literal
  long max_exponent = 1000;       // |e| in 1e-3
};

// Parses `2`, `-0.375`, `+1.5`, `.5`, `1e-3`, `2.5E+2`, `3/10`, `-3/10`, and the infinities
// `-inf`, `inf`, `+inf`, `-infinity`, `-∞`, `∞`, `-.inf` (YAML's spelling; any letter case).
// Surrounding blanks are ignored. Throws DomainError with a message saying what is wrong.
Literal parse_literal(std::string_view text, const LiteralLimits& limits = {});

// The same, refusing infinities: for settings such as a tolerance or a credit.
Literal parse_finite_literal(std::string_view text, const LiteralLimits& limits = {});

}  // namespace handcheck
