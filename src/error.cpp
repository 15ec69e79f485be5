#include "handcheck/error.hpp"

#include <fmt/format.h>

#include <array>

#include "handcheck/printable.hpp"

namespace handcheck {

namespace {

constexpr std::array kErrors = {
#define HANDCHECK_ERROR(e, name, kind, meaning) ErrorInfo{ErrorId::e, name, ErrorKind::kind, meaning},
#include "handcheck/error_ids.inc"
#undef HANDCHECK_ERROR
};

}  // namespace

std::span<const ErrorInfo> error_table() { return kErrors; }

const ErrorInfo& info(ErrorId id) { return kErrors[static_cast<std::size_t>(id)]; }

std::string_view to_string(ErrorId id) { return info(id).name; }

ExitCode exit_code(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::input:
    case ErrorKind::limit: return ExitCode::error;
    case ErrorKind::undecided: return ExitCode::errata;
    case ErrorKind::internal: return ExitCode::internal;
  }
  return ExitCode::internal;
}

std::string error_line(std::string_view where, ErrorId id, std::string_view message) {
  return fmt::format("{}: error[{}]: {}", where, to_string(id), message);
}

std::string SourceLoc::to_string() const {
  if (line == 0) return file;
  return fmt::format("{}:{}:{}", file, line, column);
}

// Messages quote the input and name files: reports (JSON above all) and terminals get them as
// UTF-8 without control characters, whatever the input held.
Error::Error(ErrorId id, SourceLoc where, std::string message)
    : Exception(id, printable(error_line(where.to_string(), id, message), false)),
      where_(std::move(where)),
      message_(printable(message, false)) {}

LimitError::LimitError(ErrorId id, const std::string& message) : DomainError(id, message) {}

}  // namespace handcheck
