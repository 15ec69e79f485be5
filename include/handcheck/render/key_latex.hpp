// The answer key as a standalone LaTeX document (article, amsmath): a bmatrix per step,
// hand values as \frac{p}{q}, exact values as certified decimals. Compiles with pdflatex.
#pragma once

#include <string>

#include "handcheck/audit/audit.hpp"
#include "handcheck/audit/key_view.hpp"

namespace handcheck {

// Throws the audit's Error when the case could not be read or evaluated.
std::string render_key_latex(const CaseAudit& a, const KeyOptions& options = {});

}  // namespace handcheck
