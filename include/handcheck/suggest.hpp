// "Did you mean …?" for a misspelt key, name or function.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace handcheck {

// Levenshtein distance: insertions, deletions and substitutions of single bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The first candidate nearest to `name` and at most `within` edits away, or "" if none is.
std::string closest(std::string_view name, const std::vector<std::string>& candidates, std::size_t within);

}  // namespace handcheck

namespace handcheck {

// What to write instead of a function name brought from NumPy or PyTorch that handcheck
// spells differently (softmax, argmax, transpose, ...): a message for "unknown function", or ""
// for any other name. None of these names is a function of handcheck.
std::string function_hint(std::string_view name);

}  // namespace handcheck
