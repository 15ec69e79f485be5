// Case paths on the command line.
#pragma once

#include <string>
#include <vector>

namespace handcheck::cli {

struct CasePath {
  std::string path;
  bool empty_directory = false;  // a directory with no case file below it: an error to report
};

// Files as given; a directory stands for every *.yaml (*.yml) below it, in a stable order,
// or for itself, marked empty, when it has none.
std::vector<CasePath> expand_case_paths(const std::vector<std::string>& paths);

// The message for an empty directory.
inline constexpr const char* kNoCaseFiles = "no case file (*.yaml or *.yml) in this directory or below it";

}  // namespace handcheck::cli
