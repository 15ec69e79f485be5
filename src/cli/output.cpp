#include "output.hpp"

#include "output_stream.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "handcheck/error.hpp"
#include "handcheck/printable.hpp"

namespace handcheck::cli {

bool take_metadata(int fd, const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    mode_t mask = ::umask(0);
    ::umask(mask);
    return ::fchmod(fd, 0666 & ~mask) == 0;
  }
  // Only a privileged process may give a file away; others make it their own, as an editor
  // does. Before the mode: a change of owner clears set-id bits.
  if (st.st_uid != ::geteuid() || st.st_gid != ::getegid()) {
    [[maybe_unused]] int given_away = ::fchown(fd, st.st_uid, st.st_gid);
  }
  return ::fchmod(fd, st.st_mode & 07777) == 0;
}

// The file a path finally names: its symbolic links followed, a dangling last one included
// (the file is then created where it points). Empty with errno set when there are too many.
std::string final_target(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path p(path);
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p.string();
    std::error_code ec;
    fs::path to = fs::read_symlink(p, ec);
    if (ec) return p.string();
    p = to.is_absolute() ? to : p.parent_path() / to;
  }
  errno = ELOOP;
  return {};
}

bool write_output(const std::string& path, const std::string& text) {
  OutputStream out(path);
  return out.write(text) && out.commit();
}

bool output_spares_inputs(const std::string& output, const std::vector<std::string>& inputs) {
  if (output.empty() || output == "-") return true;
  struct stat out {};
  if (::stat(output.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) return true;
  for (const auto& in : inputs) {
    struct stat st {};
    // "-" is standard input: the file the shell redirected it from, when it is one.
    if (in == "-" ? ::fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode) : ::stat(in.c_str(), &st) != 0) continue;
    if (st.st_dev == out.st_dev && st.st_ino == out.st_ino) {
      eprint("{}\n", error_line("handcheck", ErrorId::io_output_is_input,
                                           fmt::format("-o {} would overwrite the input {}: write the output elsewhere",
                                                       printable(output, false),
                                                       in == "-" ? "on standard input" : printable(in, false))));
      return false;
    }
  }
  return true;
}

}  // namespace handcheck::cli
