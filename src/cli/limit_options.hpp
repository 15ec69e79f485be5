// The limits every command that reads a case shares (DESIGN §3: explicit, each with an option
// to raise it), and the precision options of the exact pipeline.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "handcheck/audit/audit.hpp"
#include "handcheck/model/case.hpp"

namespace handcheck::cli {

struct LimitOptions {
  int digits = 0;                 // 0: the case's own
  unsigned max_precision = 0;     // 0: max(10 x digits, 2000)
  std::size_t max_bits = PipelineOptions{}.max_bits;
  std::size_t max_total_bits = PipelineOptions{}.max_total_bits;
  std::size_t max_precision_work = PipelineOptions{}.max_precision_work;
  std::size_t max_rational_work = PipelineOptions{}.max_rational_work;
  std::size_t max_work = PipelineOptions{}.max_work;
  std::size_t max_cells = LoadLimits{}.max_cells;
  std::size_t max_depth = ParseLimits{}.max_depth;
  std::size_t max_file_size = LoadLimits{}.max_file_bytes;
  std::size_t max_number_length = LiteralLimits{}.max_length;
  std::size_t max_slip_work = kDefaultSlipWork;

  AuditOptions audit_options() const;
  // The case at `path` read within these limits, with --digits applied; throws Error.
  std::shared_ptr<Case> load(const std::string& path) const;
};

// Every numeric option checks this first: a whole number in decimal digits. CLI11 alone reads
// 0500 as octal, 0x100 as hexadecimal, and -1 or 2^64 into an unsigned option as its largest
// value.
const CLI::Validator& decimal_number();

// Adds --digits, --max-precision and the --max-* options to `cmd`, bound to `o`.
void add_limit_options(CLI::App* cmd, LimitOptions& o);

}  // namespace handcheck::cli
