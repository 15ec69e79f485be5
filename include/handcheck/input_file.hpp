// Opening a file a user names for reading: a case, a sheets file.
#pragma once

#include <string>

namespace handcheck {

// Opens `path` to read. A FIFO is opened without waiting for a writer (one nobody writes to
// reads as empty instead of blocking forever) and a terminal never becomes the controlling
// one. -1 with errno set on failure.
int open_input(const std::string& path);

}  // namespace handcheck
