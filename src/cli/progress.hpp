// A progress line on stderr for long batches: shown only when stderr is a terminal and the
// batch has run for a while, and erased at the end.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace handcheck::cli {

class Progress {
 public:
  Progress(std::string verb, std::size_t total);
  void update(std::size_t done);
  void finish();

 private:
  std::string verb_;
  std::size_t total_;
  bool terminal_;
  bool shown_ = false;
  std::size_t last_ = 0;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace handcheck::cli
