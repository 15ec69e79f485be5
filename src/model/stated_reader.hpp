// A step's `stated:` entry: the numbers a worksheet prints, as a whole matrix, as named
// vectors (columns or rows) or as single cells "r,c"; "?" and null are blanks.
#pragma once

#include "node_reader.hpp"

namespace handcheck::case_yaml {

Stated read_stated(const NodeReader& in, const YAML::Node& n);

// A stated column and a stated row meet in one cell, which both would give: the last would
// silently win. Throws Error at the row.
void check_crossing_vectors(const Item& item);

}  // namespace handcheck::case_yaml
