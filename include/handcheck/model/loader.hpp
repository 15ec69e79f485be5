// Reads a handcheck/1 case file (YAML) into a Case, checking everything that can be checked
// without evaluating: keys, names and their order, expressions, functions and their arity,
// numbers. Errors are handcheck::Error with file:line:col.
#pragma once

#include <string>

#include "handcheck/model/case.hpp"

namespace handcheck {

struct LoadLimits {
  std::size_t max_file_bytes = 16u << 20;
  std::size_t max_cells = 1000000;  // of one input or stated matrix
  int max_digits = 100000;
};

Case load_case_file(const std::string& path, const LoadLimits& limits = {});
// `name` is used in messages as the file name.
Case load_case_text(const std::string& text, const std::string& name, const LoadLimits& limits = {});

// Parses a compare mode: printed, exact, abs:EPS, rel:EPS, sigfig:N. Throws DomainError.
CompareMode parse_compare_mode(const std::string& text);

}  // namespace handcheck
