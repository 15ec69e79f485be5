// Case paths on the command line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "handcheck/error.hpp"

namespace handcheck::cli {

struct CasePath {
  std::string path;
  // What keeps it from being checked, an error to report in its place: a directory with no
  // case file below it, one that cannot be read, a case name that is no readable file.
  std::optional<Error> problem;
};

// Files as given; a directory stands for every *.yaml (*.yml) below it, in a stable order,
// with an entry with a problem for what below it cannot be read, or for itself, with a
// problem, when it has no case file.
std::vector<CasePath> expand_case_paths(const std::vector<std::string>& paths);

// The message for an empty directory.
inline constexpr const char* kNoCaseFiles = "no case file (*.yaml or *.yml) in this directory or below it";

}  // namespace handcheck::cli
