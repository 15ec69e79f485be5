#include "output_stream.hpp"

#include "output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <string_view>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include "handcheck/error.hpp"
#include "handcheck/printable.hpp"

namespace handcheck::cli {

OutputStream::OutputStream(std::string path)
    : path_(std::move(path)), given_(path_), stdout_(path_.empty() || path_ == "-") {}

OutputStream::~OutputStream() {
  if (fd_ >= 0) ::close(fd_);
  if (!unnamed_ && !tmp_.empty()) std::remove(tmp_.c_str());
}

bool OutputStream::fail(int err) {
  if (!failed_)
    eprint("{}\n", error_line("handcheck", ErrorId::io_write, fmt::format("cannot write {}: {}",
                                           stdout_ ? "the output" : printable(given_, false), std::strerror(err))));
  failed_ = true;
  return false;
}

namespace {

// The descriptor of this process a path names (/dev/stdout, /dev/fd/3, /proc/self/fd/1), if any.
std::optional<int> own_descriptor(const std::string& path) {
  if (path == "/dev/stdin") return 0;
  if (path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (path.size() <= prefix.size() || path.size() > prefix.size() + 9 || path.compare(0, prefix.size(), prefix) != 0)
      continue;
    std::string_view n = std::string_view(path).substr(prefix.size());
    if (n.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    return std::stoi(std::string(n));
  }
  return std::nullopt;
}

}  // namespace

// As write_output does (output.cpp): an unnamed file (O_TMPFILE) leaves nothing behind if the
// process is killed; a named temporary file where that cannot be made.
bool OutputStream::open() {
  opened_ = true;
  namespace fs = std::filesystem;
  // A descriptor of this process is written where the shell opened it, as `>&1` would: a file
  // appended to with >>, or between other output, is never replaced by a new one.
  if (auto n = own_descriptor(path_)) {
    fd_ = ::dup(*n);
    if (fd_ < 0) return fail(errno);
    through_ = true;
    return true;
  }
  // A FIFO, a device or a pipe is written through, never replaced by a regular file: found by
  // the path itself, which the kernel follows where a link names no path (/dev/stdout to a
  // pipe: "pipe:[1234]"). A symbolic link to a file is followed, its target replaced and the
  // link kept.
  struct stat st {};
  if (::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) return fail(EISDIR);
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd_ < 0) return fail(errno);
    through_ = true;
    return true;
  }
  std::string resolved = final_target(path_);
  if (resolved.empty()) return fail(errno);
  path_ = resolved;
  fs::path target(path_);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  tmp_ = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  fd_ = ::access("/proc/self/fd", X_OK) == 0 ? ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600) : -1;
  unnamed_ = fd_ >= 0;
  if (!unnamed_) fd_ = ::mkstemp(tmp_.data());
  if (fd_ < 0) {
    int err = errno;
    tmp_.clear();
    return fail(err);
  }
  return true;
}

bool OutputStream::write(std::string_view text) {
  if (failed_) return false;
  if (stdout_) {
    // A full disk or a closed pipe must not pass for a complete report.
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) return fail(errno);
    return true;
  }
  if (!opened_ && !open()) return false;
  while (!text.empty()) {
    ssize_t n = ::write(fd_, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail(errno);
    }
    text.remove_prefix(static_cast<std::size_t>(n));
    written_ += static_cast<std::size_t>(n);
  }
#ifdef __linux__
  // The disk starts on what is written while the rest is made, so that commit()'s fsync waits
  // for the last piece only (a key of 30 MB: 20 ms less). A hint: a failure changes nothing.
  if (!through_ && written_ - started_ >= kWritebackBytes) {
    ::sync_file_range(fd_, static_cast<off_t>(started_), static_cast<off_t>(written_ - started_), SYNC_FILE_RANGE_WRITE);
    started_ = written_;
  }
#endif
  return true;
}

bool OutputStream::commit() {
  if (failed_) return false;
  if (stdout_) return std::fflush(stdout) == 0 || fail(errno);
  if (!opened_ && !open()) return false;
  if (through_) {
    int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0 || fail(errno);
  }
  if (!take_metadata(fd_, path_) || ::fsync(fd_) != 0) return fail(errno);
  if (unnamed_) {
    // mkstemp picks a free name; the finished file then takes it.
    int name_fd = ::mkstemp(tmp_.data());
    if (name_fd < 0 || ::close(name_fd) != 0 || ::unlink(tmp_.c_str()) != 0 ||
        ::linkat(AT_FDCWD, fmt::format("/proc/self/fd/{}", fd_).c_str(), AT_FDCWD, tmp_.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      int err = errno;
      std::remove(tmp_.c_str());
      tmp_.clear();
      return fail(err);
    }
    unnamed_ = false;  // linked: the destructor removes it unless renamed
  }
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) return fail(errno);
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) return fail(errno);
  tmp_.clear();
  return true;
}

}  // namespace handcheck::cli
