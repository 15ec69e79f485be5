#include "limit_options.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "handcheck/model/loader.hpp"
#include "handcheck/printable.hpp"

namespace handcheck::cli {

AuditOptions LimitOptions::audit_options() const {
  AuditOptions options;
  options.digits = digits;
  options.pipeline.max_precision = max_precision;
  options.pipeline.max_bits = max_bits;
  options.pipeline.max_total_bits = max_total_bits;
  options.pipeline.max_precision_work = max_precision_work;
  options.pipeline.max_work = max_work;
  options.pipeline.max_rational_work = max_rational_work;
  options.pipeline.eval.max_cells = options.load.max_cells = max_cells;
  options.load.expression.max_depth = max_depth;
  // An expression is bounded by its file; its depth is what needs a limit.
  options.load.expression.max_length = max_file_size;
  options.load.max_file_bytes = max_file_size;
  options.load.number.max_length = max_number_length;
  options.load.number.max_exponent = static_cast<long>(max_number_length);
  options.max_slip_work = max_slip_work;
  return options;
}

std::shared_ptr<Case> LimitOptions::load(const std::string& path) const {
  auto c = std::make_shared<Case>(load_case_file(path, audit_options().load));
  if (digits > 0) c->set_digits(digits);
  return c;
}

const CLI::Validator& decimal_number() {
  static const CLI::Validator v(
      [](std::string& s) -> std::string {
        bool digits = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (digits && (s.size() == 1 || s[0] != '0')) return {};
        return fmt::format("{} is not a whole number in decimal digits (no sign, no leading zero)",
                           printable(detail::shortened(s), false));
      },
      "");
  return v;
}

void add_limit_options(CLI::App* cmd, LimitOptions& o) {
  cmd->add_option("--digits", o.digits, "Significant digits of the exact pipeline (default: the case's, 30)")
      ->check(decimal_number())
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--max-precision", o.max_precision,
                  "Working-precision cap in digits (default: max(10 x digits, 2000))")
      ->check(decimal_number())
      ->check(CLI::Range(1u, 10000000u));
  // Upper bounds keep raised limits within what the recursion and the arithmetic can take.
  cmd->add_option("--max-bits", o.max_bits, "Largest rational any operation may make, in bits (default 1048576)")
      ->check(decimal_number())
      ->check(CLI::Range(std::size_t{64}, std::size_t{1} << 34));
  cmd->add_option("--max-total-bits", o.max_total_bits,
                  "Bits the exact values of one pipeline may hold together (default 4294967296)")
      ->check(decimal_number())
      ->check(CLI::Range(std::size_t{1} << 10, std::size_t{1} << 40));
  cmd->add_option("--max-precision-work", o.max_precision_work,
                  "Work of interval arithmetic in a run: operations times digits squared over 1024 (default 134217728)")
      ->check(decimal_number())
      ->check(CLI::Range(std::size_t{1000}, std::size_t{1} << 40));
  cmd->add_option("--max-work", o.max_work,
                  "Multiplications of the products, convolutions and poolings of a run (default 100000000)")
      ->check(decimal_number())
      ->check(CLI::Range(std::size_t{1000}, std::size_t{1} << 50));
  cmd->add_option("--max-rational-work", o.max_rational_work,
                  "Work of exact arithmetic on large numbers in a run: n bits cost n x sqrt(n) / 4096 (default 134217728)")
      ->check(decimal_number())
      ->check(CLI::Range(std::size_t{1000}, std::size_t{1} << 50));
  cmd->add_option("--max-cells", o.max_cells, "Most cells of one matrix, and of a case's matrices together (default 100000)")
      ->check(decimal_number())
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30));
  cmd->add_option("--max-depth", o.max_depth, "Deepest nesting of an expression or of YAML brackets (default 200)")
      ->check(decimal_number())
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
  cmd->add_option("--max-file-size", o.max_file_size, "Largest case file, in bytes (default 1048576)")
      ->check(decimal_number())
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30));
  cmd->add_option("--max-number-length", o.max_number_length,
                  "Longest number, in characters, and largest decimal exponent (default 1000)")
      ->check(decimal_number())
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  cmd->add_option("--max-slip-work", o.max_slip_work,
                  "Work the slip search of a case may do, in term operations (default 5000000; 0: none)")
      ->check(decimal_number())
      ->check(CLI::Range(std::size_t{0}, std::size_t{1} << 40));
}

}  // namespace handcheck::cli
