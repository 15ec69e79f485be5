// Writing a command's output: to stdout, or to a file written whole or not at all.
#pragma once

#include <string>

namespace handcheck::cli {

// Writes `text` to `path` through a temporary file in the same folder and a rename, so an
// interrupted or failing run leaves any previous file intact. "" or "-" means stdout.
// Returns false (after a message on stderr) when the file cannot be written.
bool write_output(const std::string& path, const std::string& text);

}  // namespace handcheck::cli
