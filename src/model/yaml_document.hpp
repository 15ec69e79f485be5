// A case file's text as one YAML document: UTF-8 text without control characters, brackets
// nested within the limit, one document, and yaml-cpp's errors placed where they occur.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

#include "handcheck/error.hpp"
#include "handcheck/model/loader.hpp"

namespace handcheck::case_yaml {

// Line and column (1-based) of a yaml-cpp mark; 1:1 when it has none.
SourceLoc mark_loc(const std::string& file, const YAML::Mark& m);

// The document of `text` (a byte order mark already removed). Throws Error naming the place.
YAML::Node read_document(std::string_view text, const std::string& file, const LoadLimits& limits);

}  // namespace handcheck::case_yaml
