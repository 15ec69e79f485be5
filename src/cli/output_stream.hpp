// Output written as it is made, still whole or not at all: a file is written under a temporary
// name in its folder and takes its name on commit(); without commit() it is removed. "" or "-"
// means stdout, written as it comes.
#pragma once

#include <string>
#include <string_view>

namespace handcheck::cli {

class OutputStream {
 public:
  explicit OutputStream(std::string path);
  OutputStream(const OutputStream&) = delete;
  OutputStream& operator=(const OutputStream&) = delete;
  ~OutputStream();

  // False (after a message on stderr) when the output cannot be opened or written; later
  // writes then do nothing.
  bool write(std::string_view text);
  // Completes the file (mode, fsync, rename). False after a message on stderr.
  bool commit();

 private:
  bool open();
  bool fail(int err);

  std::string path_, tmp_;
  int fd_ = -1;
  bool stdout_ = false, unnamed_ = false, opened_ = false, failed_ = false;
  bool through_ = false;  // a FIFO or a device, written in place
};

}  // namespace handcheck::cli
