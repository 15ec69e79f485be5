// The errata of an audit grouped the way a reviewer reports them: one group per vector (a named
// column or row) or lone cell of a step, with what the later steps make of it (DESIGN §5:
// a typo when they use the correct value, propagated when they use the stated one). Data only:
// renderers word it (render/text.hpp, erratum_words).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "handcheck/audit/audit.hpp"

namespace handcheck {

enum class ErratumReach {
  unknown,      // no later step reads it
  typo,         // later steps use the correct value
  propagated,   // later steps use the stated value
  partly,       // some use the stated value, some the correct one
};

struct CarriedCells {
  std::size_t item;                 // index into Case::items
  std::vector<std::string> labels;  // its carried cells that follow from the group
};

struct ErratumGroup {
  std::size_t step;                 // index into CaseAudit::steps
  std::vector<std::size_t> errata;  // indices into CaseAudit::errata
  std::string name;                 // the vector's name, or the lone cell's label
  // The vector (or cell) as the sheet prints it and as it should read, one text per cell.
  std::vector<std::string> stated, expected;
  // Whether the vector's other cells are right as printed: a carried or undecided cell in it
  // differs from its correct value too, and a claim about the vector would cover it.
  bool only_errata_differ = true;
  std::vector<std::string> errata_labels;  // the group's own cells, in audit order
  ErratumReach reach = ErratumReach::unknown;
  std::vector<CarriedCells> carried;  // in item order
  std::size_t carried_cells = 0;
  DownstreamScope scope = DownstreamScope::cell;  // judged cell by cell, or with its column or step
};

std::vector<ErratumGroup> group_errata(const CaseAudit& a);

}  // namespace handcheck
