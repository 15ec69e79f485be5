// Whether a stated number matches a step recomputed from its stated operands (L of DESIGN §5):
// some value the cell takes over the box of operand ranges, proven by a point of the box, not by
// the enclosure of the whole box, which interval arithmetic overestimates where an operand
// enters twice (a softmax reads each score in its exponential and in the sum).
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "handcheck/audit/compare.hpp"
#include "handcheck/expr/ast.hpp"
#include "handcheck/numbers/range.hpp"

namespace handcheck {

// Whether e is built from functions the registry marks continuous (and the operators):
// such a step takes every value between two of its values over a box of operands.
bool continuous(const Expr& e);

// One cell of a step over the box of the stated operand cells it reads: `box` holds each varied
// cell's range, enclosing the range between its printed and its correct value; `inner` lies
// within that range (they differ by the enclosure of an irrational correct value). `value_over`
// gives the cell with each varied cell set to its range in a part of the box (a point where
// lo == hi), or nullopt when it cannot be computed there. A match is proven inside `inner`
// only; a mismatch over all of `box`.
struct CellOverBox {
  std::vector<Range> box, inner;
  std::function<std::optional<Real>(const std::vector<Range>&)> value_over;
  bool continuous = false;
  std::size_t step_cells = 1;  // cells computed by one call of value_over
};

// The cell over its box, built only when the enclosure decides nothing.
using CellOverBoxOf = std::function<CellOverBox()>;

// Values of the cell at some points of its box (e.g. every operand as printed), asked for only
// when the enclosure decides nothing: computing them costs whole steps. Where the box is empty
// (and value_over given), each is the cell's one value.
using KnownValues = std::function<std::vector<Real>()>;

// Whether `stated` matches some value of the cell over its box, given the cell's enclosure over
// the whole box (nullptr when none could be computed) and its values at some points of it
// (`known`, may be empty):
// no when the enclosure, or every part of a split of the box, misses the stated range; yes when
// a point or a part matches whole, or, for a continuous step, values lie on both sides of the
// stated range; undecided when the splitting runs out of work.
Match match_over_box(const CompareMode& mode, const Literal& stated, const Real* enclosure, const KnownValues& known,
                     const CellOverBoxOf& cell_of);

}  // namespace handcheck
