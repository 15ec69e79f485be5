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

  // Writeback is started on every this many bytes written.
  static constexpr std::size_t kWritebackBytes = std::size_t{4} << 20;

  std::string path_, given_, tmp_;  // the file written, the path as given, its temporary name
  int fd_ = -1;
  std::size_t written_ = 0, started_ = 0;  // bytes written; of those, sent to the disk
  bool stdout_ = false, unnamed_ = false, opened_ = false, failed_ = false;
  bool through_ = false;  // a FIFO or a device, written in place
};

}  // namespace handcheck::cli
