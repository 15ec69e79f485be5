#include "output.hpp"

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

namespace {

bool write_all(int fd, const std::string& text) {
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}



// Written through, not replaced: a FIFO, a device, a socket.
bool write_through(const std::string& path, const std::string& text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return false;
  bool ok = write_all(fd, text);
  int err = errno;
  if (::close(fd) != 0 && ok) return false;
  errno = err;
  return ok;
}

// A regular file replaced whole: a temporary file beside it, then a rename.
bool replace_file(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  // An unnamed file (O_TMPFILE) leaves nothing behind if the process is killed while writing;
  // it is linked to a temporary name only once complete, just before the rename. Where that
  // cannot be done, a named temporary file does the same, but for a kill.
  int fd = ::access("/proc/self/fd", X_OK) == 0 ? ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600) : -1;
  bool unnamed = fd >= 0;
  if (!unnamed) fd = ::mkstemp(tmp.data());
  if (fd < 0) return false;
  bool ok = write_all(fd, text) && ::fchmod(fd, target_mode(path)) == 0 && ::fsync(fd) == 0;
  int err = errno;
  bool linked = !unnamed;
  if (ok && unnamed) {
    // mkstemp picks a free name; the finished file then takes it.
    int name_fd = ::mkstemp(tmp.data());
    ok = name_fd >= 0 && ::close(name_fd) == 0 && ::unlink(tmp.c_str()) == 0 &&
         ::linkat(AT_FDCWD, fmt::format("/proc/self/fd/{}", fd).c_str(), AT_FDCWD, tmp.c_str(), AT_SYMLINK_FOLLOW) == 0;
    err = errno;
    linked = ok;
  }
  if (::close(fd) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (ok && std::rename(tmp.c_str(), path.c_str()) == 0) return true;
  if (ok) err = errno;
  if (linked) std::remove(tmp.c_str());
  errno = err;
  return false;
}

}  // namespace

// The mode of the file being replaced, else what a new file gets under the umask.
mode_t target_mode(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return st.st_mode & 07777;
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
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
  auto fail = [&](int err) {
    fmt::print(stderr, "{}\n", error_line("handcheck", ErrorId::io_write,
                                         fmt::format("cannot write {}: {}", path.empty() || path == "-" ? "the output"
                                                     : printable(path, false), std::strerror(err))));
    return false;
  };
  if (path.empty() || path == "-") {
    // A full disk or a closed pipe must not pass for a complete report.
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
      return fail(errno);
    return true;
  }
  // Renaming over a symbolic link would replace the link, and over a FIFO or a device
  // (-o /dev/null as root) the special file itself.
  std::string target = final_target(path);
  if (target.empty()) return fail(errno);
  struct stat st {};
  if (::stat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) return fail(EISDIR);
    return write_through(target, text) || fail(errno);
  }
  return replace_file(target, text) || fail(errno);
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
      fmt::print(stderr, "{}\n", error_line("handcheck", ErrorId::io_output_is_input,
                                           fmt::format("-o {} would overwrite the input {}: write the output elsewhere",
                                                       printable(output, false),
                                                       in == "-" ? "on standard input" : printable(in, false))));
      return false;
    }
  }
  return true;
}

}  // namespace handcheck::cli
