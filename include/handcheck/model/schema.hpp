// A JSON Schema (draft 2020-12) of the case format handcheck/1, for editors (completion and
// checking through yaml-language-server) and for checking cases outside handcheck.
#pragma once

#include <string>

namespace handcheck {

// The schema as JSON text, ending with a newline.
const std::string& case_schema();

}  // namespace handcheck
