// The settings a case gives once for all its steps, and a step may give again for itself:
// which pipeline a stated number follows, how it is compared, and the digits of the exact one.
#pragma once

#include "node_reader.hpp"

namespace handcheck::case_yaml {

int read_digits(const NodeReader& in, const YAML::Node& n);
Follows read_follows(const NodeReader& in, const YAML::Node& n);
CompareMode read_compare(const NodeReader& in, const YAML::Node& n);

}  // namespace handcheck::case_yaml
