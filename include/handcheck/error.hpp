// Errors: one root, handcheck::Exception, carrying a stable id from the table in error_ids.inc
// (docs/errors.md). Bad input is reported as `file:line:col: error[id]: message`, exit code 2.
#pragma once

#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace handcheck {

// The process exit codes of DESIGN §6; the highest wins across cases.
enum class ExitCode : int {
  clean = 0,      // every stated cell is ok
  errata = 1,     // some erratum, carried or undecided cell
  error = 2,      // an input cannot be read or evaluated (bad input, a limit reached)
  internal = 3,   // a defect in handcheck; unreachable from any input
};

// What an error means for the run; its exit code follows from it.
enum class ErrorKind {
  input,      // bad input
  limit,      // a limit of docs/limits.md reached
  undecided,  // no precision decides a value: a verdict, not an error
  internal,   // control flow or a defect; never shown as a user error
};

enum class ErrorId : unsigned short {
#define HANDCHECK_ERROR(e, name, kind, meaning) e,
#include "handcheck/error_ids.inc"
#undef HANDCHECK_ERROR
};

struct ErrorInfo {
  ErrorId id;
  std::string_view name;  // "load.unknown-function"
  ErrorKind kind;
  std::string_view meaning;
};

std::span<const ErrorInfo> error_table();  // in ErrorId order
const ErrorInfo& info(ErrorId id);
std::string_view to_string(ErrorId id);
ExitCode exit_code(ErrorKind kind);

// "where: error[id]: message", the one form of every error line.
std::string error_line(std::string_view where, ErrorId id, std::string_view message);

// The root of every exception handcheck throws.
class Exception : public std::runtime_error {
 public:
  ErrorId id() const noexcept { return id_; }
  ErrorKind kind() const noexcept { return info(id_).kind; }

 protected:
  Exception(ErrorId id, const std::string& what) : std::runtime_error(what), id_(id) {}

 private:
  ErrorId id_;
};

// A place in a case file; line and column are 1-based, 0 when unknown.
struct SourceLoc {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;

  std::string to_string() const;  // "file:line:col"
};

// Bad input with its place: what() is "file:line:col: error[id]: message". `message` says
// what is wrong and, where it applies, the step and cell.
class Error : public Exception {
 public:
  Error(ErrorId id, SourceLoc where, std::string message);

  const SourceLoc& where() const noexcept { return where_; }
  const std::string& message() const noexcept { return message_; }

 private:
  SourceLoc where_;
  std::string message_;
};

// A scalar or matrix operation that cannot be carried out (division by zero, a value that
// is not rational in the hand pipeline, a shape mismatch). It has no place of its own: the
// evaluator adds the step, the cell and the source position. what() is the message alone.
class DomainError : public Exception {
 public:
  DomainError(ErrorId id, const std::string& message) : Exception(id, message) {}
};

// A limit of DESIGN §3 was reached (exponent size, matrix size, nesting depth...); its id is
// one of limit.*.
class LimitError : public DomainError {
 public:
  LimitError(ErrorId id, const std::string& message);
};

// An interval comparison that the current precision cannot decide. The exact pipeline
// catches it and retries with more precision (Ziv's strategy); never shown as an error.
class Undecided : public Exception {
 public:
  explicit Undecided(const std::string& what) : Exception(ErrorId::internal_undecided, what) {}
};

// DomainError raised inside an elementwise or reducing operation, with the cell (0-based).
class CellError : public DomainError {
 public:
  CellError(const DomainError& cause, std::size_t row, std::size_t col)
      : DomainError(cause.id(), cause.what()), row(row), col(col) {}
  std::size_t row, col;
};

}  // namespace handcheck
