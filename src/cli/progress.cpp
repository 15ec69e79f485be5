#include "progress.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

#include "output.hpp"

namespace handcheck::cli {

namespace {
// A batch that ends sooner needs no progress line.
constexpr auto kQuiet = std::chrono::milliseconds(1000);
}  // namespace

Progress::Progress(std::string verb, std::size_t total)
    : verb_(std::move(verb)), total_(total), terminal_(isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}

void Progress::update(std::size_t done) {
  if (!terminal_ || total_ < 2 || done >= total_ || (shown_ && done == last_)) return;
  if (!shown_ && std::chrono::steady_clock::now() - start_ < kQuiet) return;
  shown_ = true;
  last_ = done;
  eprint("\r\033[K{} {}/{} ({}%)", verb_, done, total_, 100 * done / total_);
  std::fflush(stderr);
}

void Progress::finish() {
  if (!shown_) return;
  eprint("\r\033[K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace handcheck::cli
