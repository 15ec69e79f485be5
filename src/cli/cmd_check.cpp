// handcheck check CASE|DIR ...: audits the stated numbers of every case.
#include <algorithm>
#include <fmt/format.h>
#include <memory>

#include "commands.hpp"
#include "handcheck/audit/audit.hpp"
#include "handcheck/parallel.hpp"
#include "handcheck/render/formats.hpp"
#include "limit_options.hpp"
#include "output.hpp"
#include "paths.hpp"
#include "progress.hpp"

namespace handcheck::cli {

namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  LimitOptions limits;
  bool no_values = false;
  unsigned jobs = 0;
};

ExitCode run_check(const CheckOptions& o) {
  const AuditOptions options = o.limits.audit_options();
  std::vector<CasePath> files = expand_case_paths(o.paths);
  std::vector<std::string> inputs;
  for (const auto& f : files) inputs.push_back(f.path);
  if (!output_spares_inputs(o.output, inputs)) return ExitCode::error;
  std::vector<CaseAudit> audits(files.size());
  Progress progress("checked", files.size());
  parallel_for(files.size(), [&](std::size_t i) {
    if (!files[i].problem) {
      audits[i] = audit_file(files[i].path, options);
      return;
    }
    audits[i].file = files[i].path;
    audits[i].status = CaseAudit::Status::error;
    audits[i].error = files[i].problem;
  }, o.jobs, [&](std::size_t done) { progress.update(done); });
  progress.finish();
  std::string text = find_report_format(o.format)->render(audits, TextOptions{!o.no_values});
  if (!write_output(o.output, text)) return ExitCode::error;
  ExitCode code = ExitCode::clean;
  for (const auto& a : audits) {
    if (a.status == CaseAudit::Status::error) {
      code = std::max(code, ExitCode::error);
      if (o.format != "text" || !o.output.empty()) eprint("{}\n", a.error->what());
    }
    if (a.status == CaseAudit::Status::errata) code = std::max(code, ExitCode::errata);
  }
  return code;
}

}  // namespace

Runner setup_check(CLI::App& app) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Audit the stated numbers of cases (a directory: every *.yaml below it)");
  cmd->add_option("cases", o->paths, "Case files or directories")->required();
  cmd->add_option("--format", o->format, "Report format: " + describe_formats(report_formats()))
      ->check(CLI::IsMember(format_names(report_formats())));
  cmd->add_option("-o,--output", o->output, "Write the report to this file (whole or not at all)");
  add_limit_options(cmd, o->limits);
  cmd->add_flag("--no-values", o->no_values, "Leave the hand and exact values out of the text report");
  cmd->add_option("-j,--jobs", o->jobs, "Cases checked at once (default: one per core)")
      ->check(decimal_number())
      ->check(CLI::Range(1u, 1024u));
  return [o] { return run_check(*o); };
}

}  // namespace handcheck::cli
