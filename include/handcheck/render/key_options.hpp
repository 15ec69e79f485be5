// What every answer-key format takes beyond the audit.
#pragma once

namespace handcheck {

struct KeyOptions {
  // Significant digits of exact values. 0: each step's printed decimals + 2, at least 6
  // significant digits (a step that prints no decimals: 6), never more than its certified digits.
  int digits = 0;
};

}  // namespace handcheck
