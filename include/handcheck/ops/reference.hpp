// What the registry says about itself, for the documents derived from it: the index of
// functions in docs/operations.md and the function tokens of the fuzzers' dictionary
// (fuzz/expr.dict). Tests compare both files with these, so neither can drift from the registry.
#pragma once

#include <string>
#include <string_view>

namespace handcheck {

// A Markdown table, one row per function in registry order: signature, argument count, the
// cells a result cell reads, summary.
std::string operations_index_markdown();

// One libFuzzer dictionary line per function: "name(".
std::string function_dictionary();

// The text of `document` between the lines "<begin>" and "<end>" replaced by `generated`;
// `document` unchanged when the markers are missing.
std::string replace_generated(std::string_view document, std::string_view begin, std::string_view end,
                              std::string_view generated);

}  // namespace handcheck
