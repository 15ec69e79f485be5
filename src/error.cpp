#include "handcheck/error.hpp"

#include <fmt/format.h>

namespace handcheck {

std::string SourceLoc::to_string() const {
  if (line == 0) return file;
  return fmt::format("{}:{}:{}", file, line, column);
}

Error::Error(SourceLoc where, std::string message)
    : std::runtime_error(where.to_string() + ": " + message),
      where_(std::move(where)),
      message_(std::move(message)) {}

}  // namespace handcheck
