// Where a step's stated numbers go: the form a case writes them in (a whole matrix, named
// vectors, single cells) placed into the step's shape, and each cell's place in the case file.
#pragma once

#include <optional>

#include "handcheck/linalg/matrix.hpp"
#include "handcheck/model/case.hpp"

namespace handcheck {

// The shape a step's stated numbers are placed in: the step's value's (`known`, when it has
// cells), else the shape its expression has (`walked`), else the stated matrix's own. Throws
// Error at the stated entry, with `missing` (why the step has no value), when none is known.
Shape stated_step_shape(const Item& item, Shape known, std::optional<Shape> walked, const std::string& missing);

// The stated numbers of a step with a `stated:` entry, in a matrix of shape `s`; nullopt where
// the case states nothing or a blank. Throws Error, at the stated entry, when they do not fit.
Matrix<std::optional<Literal>> place_stated(const Item& item, Shape s);

// Where cell (r, c) of a step's stated numbers is written (0-based), else the stated entry.
SourceLoc stated_cell_loc(const Item& item, std::size_t r, std::size_t c);

}  // namespace handcheck
