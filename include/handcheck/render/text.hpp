// The plain-text report of `check`: what a careful reviewer would write, root causes first.
#pragma once

#include <string>
#include <vector>

#include "handcheck/audit/audit.hpp"

namespace handcheck {

struct TextOptions {
  bool values = true;  // show the exact and hand values of probability and final steps
};

std::string render_text(const std::vector<CaseAudit>& cases, const TextOptions& options = {});

// One line per erratum group: "Q: q2 should be [1, 1, 2], not [1, 1, 1]". Shared by renderers.
struct ErratumGroup {
  std::size_t step;                 // index into CaseAudit::steps
  std::vector<std::size_t> errata;  // indices into CaseAudit::errata
  std::string headline;             // "Q: q2 should be [1, 1, 2], not [1, 1, 1]"
  std::string consequence;          // "a typo: later steps use [1, 1, 2]" or ""
  std::vector<std::string> carried; // "S: q2[1], q2[2]" lines of carried cells
};
std::vector<ErratumGroup> group_errata(const CaseAudit& a);

}  // namespace handcheck
