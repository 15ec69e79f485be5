// Case paths on the command line.
#pragma once

#include <string>
#include <vector>

namespace handcheck::cli {

// Files as given; a directory stands for every *.yaml (*.yml) below it, in a stable order.
std::vector<std::string> expand_case_paths(const std::vector<std::string>& paths);

}  // namespace handcheck::cli
