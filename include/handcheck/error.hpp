// Errors in the input: everything handcheck reports with a place and exit code 2.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace handcheck {

// A place in a case file; line and column are 1-based, 0 when unknown.
struct SourceLoc {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;

  std::string to_string() const;  // "file:line:col"
};

// The one exception type for bad input. `message` says what is wrong and, where it
// applies, the step and cell; `where` says where it is.
class Error : public std::runtime_error {
 public:
  Error(SourceLoc where, std::string message);

  const SourceLoc& where() const noexcept { return where_; }
  const std::string& message() const noexcept { return message_; }

 private:
  SourceLoc where_;
  std::string message_;
};

// A scalar or matrix operation that cannot be carried out (division by zero, a value that
// is not rational in the hand pipeline, a shape mismatch). It has no place of its own: the
// evaluator adds the step, the cell and the source position.
class DomainError : public std::runtime_error {
 public:
  explicit DomainError(const std::string& message) : std::runtime_error(message) {}
};

// A hand-pipeline value that is not rational (sqrt(2), exp(1)): the worksheet needs a hand rule.
class NotRational : public DomainError {
 public:
  using DomainError::DomainError;
};

// A limit of DESIGN §3 was reached (exponent size, matrix size, nesting depth...).
class LimitError : public DomainError {
 public:
  using DomainError::DomainError;
};

// An interval comparison that the current precision cannot decide. The exact pipeline
// catches it and retries with more precision (Ziv's strategy).
class Undecided : public std::runtime_error {
 public:
  explicit Undecided(const std::string& what) : std::runtime_error(what) {}
};


// DomainError raised inside an elementwise or reducing operation, with the cell (0-based).
class CellError : public DomainError {
 public:
  CellError(const DomainError& cause, std::size_t row, std::size_t col)
      : DomainError(cause.what()),
        row(row),
        col(col),
        not_rational(dynamic_cast<const NotRational*>(&cause) != nullptr),
        limit(dynamic_cast<const LimitError*>(&cause) != nullptr) {}
  std::size_t row, col;
  bool not_rational, limit;  // the kind of the cause
};

}  // namespace handcheck
