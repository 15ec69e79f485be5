// The plain-text report of `check`: what a careful reviewer would write, root causes first.
#pragma once

#include <string>
#include <vector>

#include "handcheck/audit/audit.hpp"
#include "handcheck/audit/errata.hpp"

namespace handcheck {

struct TextOptions {
  bool values = true;  // show the exact and hand values of probability and final steps
};

std::string render_text(const std::vector<CaseAudit>& cases, const TextOptions& options = {});

// An erratum group in words, shared by every renderer.
struct ErratumWords {
  std::string headline;              // "Q: q2 should be [1, 1, 2], not [1, 1, 1]"
  std::string consequence;           // "a typo: later steps use [1, 1, 2]" or ""
  std::vector<std::string> carried;  // "S: q2[1], q2[2]", one line per step of carried cells
};
ErratumWords erratum_words(const CaseAudit& a, const ErratumGroup& g);

}  // namespace handcheck
