// The JUnit XML report of `check`, for CI systems: one <testsuite> per case file, one
// <testcase> per step, a <failure> per finding (stated, expected, verdict), an <error> for a
// case that cannot be read or evaluated.
#pragma once

#include <string>
#include <vector>

#include "handcheck/audit/audit.hpp"

namespace handcheck {

std::string render_junit(const std::vector<CaseAudit>& cases);

}  // namespace handcheck
