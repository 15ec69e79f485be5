// handcheck check CASE|DIR ...: audits the stated numbers of every case.
#include <algorithm>
#include <fmt/format.h>
#include <memory>

#include "commands.hpp"
#include "handcheck/audit/audit.hpp"
#include "handcheck/parallel.hpp"
#include "handcheck/render/json.hpp"
#include "handcheck/render/junit.hpp"
#include "handcheck/render/text.hpp"
#include "output.hpp"
#include "paths.hpp"
#include "progress.hpp"

namespace handcheck::cli {

namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  int digits = 0;
  unsigned max_precision = 0;
  std::size_t max_bits = 1u << 20;
  std::size_t max_cells = LoadLimits{}.max_cells;
  std::size_t max_depth = ParseLimits{}.max_depth;
  std::size_t max_file_size = LoadLimits{}.max_file_bytes;
  std::size_t max_number_length = LiteralLimits{}.max_length;
  bool no_values = false;
  unsigned jobs = 0;
};

int run_check(const CheckOptions& o) {
  AuditOptions options;
  options.digits = o.digits;
  options.pipeline.max_precision = o.max_precision;
  options.pipeline.max_bits = o.max_bits;
  options.pipeline.eval.max_cells = options.load.max_cells = o.max_cells;
  options.load.expression.max_depth = o.max_depth;
  // An expression is bounded by its file; its depth is what needs a limit.
  options.load.expression.max_length = o.max_file_size;
  options.load.max_file_bytes = o.max_file_size;
  options.load.number.max_length = o.max_number_length;
  options.load.number.max_exponent = static_cast<long>(o.max_number_length);
  std::vector<std::string> files = expand_case_paths(o.paths);
  std::vector<CaseAudit> audits(files.size());
  Progress progress("checked", files.size());
  parallel_for(files.size(), [&](std::size_t i) { audits[i] = audit_file(files[i], options); }, o.jobs,
               [&](std::size_t done) { progress.update(done); });
  progress.finish();
  std::string text;
  if (o.format == "json") text = render_json(audits);
  else if (o.format == "junit") text = render_junit(audits);
  else text = render_text(audits, TextOptions{!o.no_values});
  if (!write_output(o.output, text)) return 2;
  int code = 0;
  for (const auto& a : audits) {
    if (a.status == CaseAudit::Status::error) {
      code = std::max(code, 2);
      if (o.format != "text" || !o.output.empty()) fmt::print(stderr, "{}\n", a.error->what());
    }
    if (a.status == CaseAudit::Status::errata) code = std::max(code, 1);
  }
  return code;
}

}  // namespace

Runner setup_check(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Audit the stated numbers of cases (a directory: every *.yaml below it)");
  cmd->add_option("cases", o->paths, "Case files or directories")->required();
  cmd->add_option("--format", o->format, "Report format")->check(CLI::IsMember({"text", "json", "junit"}));
  cmd->add_option("-o,--output", o->output, "Write the report to this file (whole or not at all)");
  cmd->add_option("--digits", o->digits, "Significant digits of the exact pipeline (default: the case's, 30)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--max-precision", o->max_precision,
                  "Working-precision cap in digits (default: max(10 x digits, 2000))")
      ->check(CLI::Range(1u, 10000000u));
  cmd->add_option("--max-bits", o->max_bits, "Largest rational a power may make, in bits (default 1048576)")
      ->check(CLI::Range(std::size_t{64}, std::size_t{1} << 34));
  // Upper bounds keep raised limits within what the recursion and the arithmetic can take.
  cmd->add_option("--max-cells", o->max_cells, "Most cells of one matrix, and of a case's matrices together (default 100000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30));
  cmd->add_option("--max-depth", o->max_depth, "Deepest nesting of an expression or of YAML brackets (default 200)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000}));
  cmd->add_option("--max-file-size", o->max_file_size, "Largest case file, in bytes (default 1048576)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30));
  cmd->add_option("--max-number-length", o->max_number_length,
                  "Longest number, in characters, and largest decimal exponent (default 1000)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  cmd->add_flag("--no-values", o->no_values, "Leave the hand and exact values out of the text report");
  cmd->add_option("-j,--jobs", o->jobs, "Cases checked at once (default: one per core)")->check(CLI::Range(1u, 1024u));
  return [o] { return run_check(*o); };
}

}  // namespace handcheck::cli
