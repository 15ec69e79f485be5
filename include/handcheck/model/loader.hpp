// Reads a handcheck/1 case file (YAML) into a Case, checking everything that can be checked
// without evaluating: keys, names and their order, expressions, functions and their arity,
// numbers. Errors are handcheck::Error with file:line:col.
#pragma once

#include <string>
#include <string_view>

#include "handcheck/expr/parser.hpp"
#include "handcheck/model/case.hpp"
#include "handcheck/numbers/literal.hpp"

namespace handcheck {

// Limits of what a case may ask for (docs/limits.md); each has a clear error and an option.
struct LoadLimits {
  std::size_t max_file_bytes = 1u << 20;
  std::size_t max_cells = 100000;  // of one input or stated matrix, and of all of them together
  int max_digits = 100000;
  ParseLimits expression;          // max_depth also bounds the nesting of YAML brackets
  LiteralLimits number;
};

Case load_case_file(const std::string& path, const LoadLimits& limits = {});
// A case file's text, read to at most max_bytes (a pipe or a device may not end); a directory
// is refused with `directory_message`.
std::string read_case_text(const std::string& path, std::size_t max_bytes, std::string_view directory_message);
// `name` is used in messages as the file name.
Case load_case_text(const std::string& text, const std::string& name, const LoadLimits& limits = {});

// Parses a compare mode: printed, exact, abs:EPS, rel:EPS, sigfig:N. Throws DomainError.
CompareMode parse_compare_mode(const std::string& text);

}  // namespace handcheck
