// Which cells of the items an expression names each cell of its result reads, from the shape
// of the expression and the registry's Reads of each function: the dependencies that carry an
// erratum forward (DESIGN §5) and that answer keys show.
#pragma once

#include <compare>
#include <cstddef>
#include <optional>
#include <set>
#include <vector>

#include "handcheck/expr/ast.hpp"
#include "handcheck/linalg/matrix.hpp"
#include "handcheck/model/case.hpp"

namespace handcheck {

// A cell of an item (0-based).
struct CellRef {
  std::size_t item = 0, row = 0, col = 0;
  friend auto operator<=>(const CellRef&, const CellRef&) = default;
};

// The cells that cell (r, c) of e's result reads, given the shapes of the case's items, or
// nullopt when e cannot be followed cell by cell (a convolution, a function of the whole
// matrix) or reads more than max_reads cells: it then reads every cell of the items it names.
std::optional<std::set<CellRef>> cell_reads(const Case& c, const std::vector<Shape>& shapes, const Expr& e,
                                            std::size_t r, std::size_t col, std::size_t max_reads);

// The shape e's result has, when the walk can tell.
std::optional<Shape> walked_shape(const Case& c, const std::vector<Shape>& shapes, const Expr& e);

}  // namespace handcheck
