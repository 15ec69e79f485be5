// Hand versus exact (DESIGN §5, the approximation report): for each step whose two pipelines
// differ, the largest absolute and relative difference, and for a probability step (entries at
// least 0, lines summing to 1) each line's largest entry in both pipelines and the total
// variation between them. Every number printed is certified.
#pragma once

#include <vector>

#include "handcheck/audit/audit.hpp"

namespace handcheck {

// One entry per step whose values differ, in step order. A step written once (`do:`) over steps
// that are all the same in both pipelines is one value in both, whatever its enclosures say,
// and is left out. `threads`: 0 for one per core.
std::vector<Approximation> compare_pipelines(const Case& c, const HandRun& hand, const ExactRun& exact,
                                             unsigned threads = 1);

}  // namespace handcheck
