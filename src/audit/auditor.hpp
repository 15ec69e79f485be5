// The verdicts of one set of stated values against pipelines already run, at their precision
// (DESIGN §5): each stated cell ok, carried, erratum or undecided, with the errata it follows
// from, its slips and, when `work` asks, where each erratum went. audit_stated (audit.hpp)
// calls it again at a higher precision while a comparison stays undecided.
#pragma once

#include "handcheck/audit/audit.hpp"

namespace handcheck {

void audit_cells(const Case& c, const HandRun& hand, const ExactRun& exact, const StatedValues& stated, CaseAudit& out,
                 const AuditWork& work);

}  // namespace handcheck
