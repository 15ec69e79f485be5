#include "handcheck/error.hpp"

#include <fmt/format.h>

#include "handcheck/printable.hpp"

namespace handcheck {

std::string SourceLoc::to_string() const {
  if (line == 0) return file;
  return fmt::format("{}:{}:{}", file, line, column);
}

// Messages quote the input and name files: reports (JSON above all) and terminals get them as
// UTF-8 without control characters, whatever the input held.
Error::Error(SourceLoc where, std::string message)
    : std::runtime_error(printable(where.to_string() + ": " + message, false)),
      where_(std::move(where)),
      message_(printable(message, false)) {}

}  // namespace handcheck
