// Writing a command's output: to stdout, or to a file written whole or not at all.
#pragma once

#include <cstdio>
#include <fmt/format.h>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace handcheck::cli {

// A diagnostic on stderr that never throws: a full or closed stderr (2>/dev/full, 2>&-) loses
// the message, never the run (fmt::print throws there, and from a handler that aborts).
template <class... Args>
void eprint(fmt::format_string<Args...> format, Args&&... args) {
  std::string text = fmt::format(format, std::forward<Args>(args)...);
  (void)std::fwrite(text.data(), 1, text.size(), stderr);
}

// Writes `text` to `path`. "" or "-" means stdout. A regular file (or a new one) is written
// through a temporary file in its folder and a rename, so an interrupted or failing run leaves
// any previous file intact; a symbolic link is followed and its final target replaced that
// way; a FIFO or a device is written through, as a shell redirection would. Returns false
// (after a message on stderr) when the output cannot be written.
bool write_output(const std::string& path, const std::string& text);

// Gives the new file `fd` the mode of the file at `path` it replaces (else what a new file gets
// under the umask) and, where this process may, its owner and group (run as root, -o must not
// take a user's file from them). False with errno set when the mode cannot be set.
bool take_metadata(int fd, const std::string& path);

// The file a path finally names: its symbolic links followed, a dangling last one included.
// Empty with errno set when there are too many.
std::string final_target(const std::string& path);

// False (after a message on stderr) when `output` is one of `inputs` (the same file, whatever
// the path, link or hard link that names it; "-" is standard input, the file it was
// redirected from): writing it would destroy an input of the run.
bool output_spares_inputs(const std::string& output, const std::vector<std::string>& inputs);

}  // namespace handcheck::cli
