// `handcheck fill`: rewrites the stated numbers of a case from the pipeline each step follows,
// in place. Each value is edited at the source position the loader recorded, so comments, key
// order and layout stay as written; the YAML is never written out again.
#pragma once

#include <string>
#include <vector>

#include "handcheck/audit/audit.hpp"
#include "handcheck/model/loader.hpp"
#include "handcheck/numbers/real.hpp"

namespace handcheck {

// How a number is written into a case.
struct NumberFormat {
  int decimals = -1;     // >= 0: fixed, this many decimals
  int significant = 0;   // > 0 (and decimals < 0): this many significant digits
  // Otherwise exact: an integer, or a fraction "p/q" (quoted, as YAML needs it).
  bool point = false;    // with 0 decimals, a decimal all the same: "42."
};

// The text of `value` in a case file under `format`: "2", "0.67", "\"3/10\"". A value that is
// not rational and has no decimals to print to gets 6 significant digits. Every number a
// case is filled with is written by this function. Undecided where the enclosure of a value
// that is not rational does not settle those digits.
std::string format_case_number(const Real& value, const NumberFormat& format);

struct FillOptions {
  bool blank_only = false;  // fill blank cells only (null or "?")
  LoadLimits load;          // the filled text must load under the limits the case was read with
};

// One stated value rewritten.
struct FillEdit {
  SourceLoc loc;
  std::string step, label;   // Q, q2[3]
  std::string before, after; // source text of the value, quotes included
  std::size_t offset = 0;    // byte offset of `before` in the source text
};

struct FillResult {
  std::string text;              // the source with every edit applied
  std::vector<FillEdit> edits;   // the values that change, in file order
};

// `source` is the text `audit` was loaded from. Throws the audit's Error when the case cannot
// be read or evaluated, and an Error at the value when a stated value cannot be found at its
// recorded place, or the filled text would not load again.
FillResult fill_case(const std::string& source, const CaseAudit& audit, const FillOptions& options = {});

// A unified diff (3 lines of context) between two texts with the same lines but for edits
// within lines, as `diff -u` writes it; "" when they are equal.
std::string unified_diff(const std::string& before, const std::string& after, const std::string& name);

}  // namespace handcheck
