// Where each erratum went (DESIGN §5): whether the steps that read it carried the printed value,
// the correct one, or some of each.
#pragma once

#include "audit_state.hpp"
#include "stated_operands.hpp"

namespace handcheck {

// Sets `downstream` (and each step's `downstream_scope`) on every erratum in state.out. Work
// allowed, in reader cells recomputed: judging each erratum alone costs errata × reader cells;
// past this budget errata are judged per column, then per step.
inline constexpr std::size_t kFollowThroughBudget = 1'000'000;
void find_downstream(AuditState& state, StatedOperands& operands);

}  // namespace handcheck
