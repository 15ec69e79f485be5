// The JSON report of `check` (DESIGN §6, "handcheck": "report/1").
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "handcheck/audit/audit.hpp"

namespace handcheck {

nlohmann::ordered_json report_json(const std::vector<CaseAudit>& cases);
std::string render_json(const std::vector<CaseAudit>& cases);

}  // namespace handcheck
