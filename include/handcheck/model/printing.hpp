// How a worksheet prints the numbers of a step, read from its stated values.
#pragma once

#include "handcheck/model/case.hpp"

namespace handcheck {

// The most decimals among the step's stated decimals (0.25 -> 2), or -1 when it states none
// (only integers and fractions, or nothing).
int printed_decimals(const Item& item);

}  // namespace handcheck
