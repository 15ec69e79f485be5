// The answer key as one self-contained HTML page (inline CSS and script, nothing loaded from
// anywhere) that steps through the worksheet: the explanation beside the matrices, the cells
// a step reads highlighted with the cells it writes, how each cell is computed, errata
// marked, hand and exact values, heatmaps of probability steps.
#pragma once

#include <string>

#include "handcheck/audit/audit.hpp"
#include "handcheck/audit/key_view.hpp"

namespace handcheck {

// Throws the audit's Error when the case could not be read or evaluated.
std::string render_key_html(const CaseAudit& a, const KeyOptions& options = {});

}  // namespace handcheck
