// The answer key as Markdown for a code-hosting site: one section per input and step, a
// table per matrix, fractions with their decimals, the stated cells with their verdicts.
#pragma once

#include <string>

#include "handcheck/audit/audit.hpp"
#include "handcheck/audit/key_view.hpp"

namespace handcheck {

// Throws the audit's Error when the case could not be read or evaluated.
std::string render_key_markdown(const CaseAudit& a, const KeyOptions& options = {});

}  // namespace handcheck
