// The Markdown report of `check`: a table of the cases, then each case's errata with where they
// are and what follows from them, for a pull request comment or a CI job summary.
#pragma once

#include <string>
#include <vector>

#include "handcheck/audit/audit.hpp"
#include "handcheck/render/text.hpp"

namespace handcheck {

std::string render_report_markdown(const std::vector<CaseAudit>& cases, const TextOptions& options = {});

}  // namespace handcheck
