#include "output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

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

// The mode of the file being replaced, else what a new file gets under the umask.
mode_t target_mode(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) return st.st_mode & 07777;
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

bool write_output(const std::string& path, const std::string& text) {
  auto fail = [&](int err) {
    fmt::print(stderr, "handcheck: cannot write {}: {}\n", path.empty() || path == "-" ? "the output" : path,
               std::strerror(err));
    return false;
  };
  if (path.empty() || path == "-") {
    // A full disk or a closed pipe must not pass for a complete report.
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
      return fail(errno);
    return true;
  }
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
  if (fd < 0) return fail(errno);
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
  return fail(err);
}

}  // namespace handcheck::cli
