// A step's expression ('do', 'hand' or 'exact'): parsed, then checked against the case read so
// far: names defined before use, functions known, each called with its number of arguments.
#pragma once

#include <map>

#include "node_reader.hpp"

namespace handcheck::case_yaml {

// The expression of entry `key` of the step at `self` in `c`. `pending` holds the steps not
// yet read, with their lines, to tell a forward reference from an unknown name.
Expression read_expression(const NodeReader& in, const YAML::Node& n, const std::string& key, const Case& c,
                           std::size_t self, const std::map<std::string, std::size_t>& pending);

}  // namespace handcheck::case_yaml
