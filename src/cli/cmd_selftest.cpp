// handcheck selftest CASE|DIR ...: grades sheets whose right grades are known by
// construction, to show that grading a case classifies answers as intended.
#include <algorithm>
#include <fmt/format.h>
#include <memory>

#include "commands.hpp"
#include "handcheck/grade/selftest.hpp"
#include "handcheck/model/loader.hpp"
#include "handcheck/printable.hpp"
#include "handcheck/render/grades.hpp"
#include "output.hpp"
#include "limit_options.hpp"
#include "paths.hpp"

namespace handcheck::cli {

namespace {

struct SelftestCliOptions {
  std::vector<std::string> paths;
  std::string output;
  bool inject_fault = false;
  LimitOptions limits;
};

ExitCode run_selftest(const SelftestCliOptions& o) {
  SelftestOptions options;
  if (o.inject_fault) options.grading.compare = &faulty_compare;
  options.max_graded_cells = o.limits.max_work / 20;
  std::string text;
  ExitCode code = ExitCode::clean;
  std::vector<CasePath> files = expand_case_paths(o.paths);
  std::vector<std::string> inputs;
  for (const auto& f : files) inputs.push_back(f.path);
  if (!output_spares_inputs(o.output, inputs)) return ExitCode::error;
  for (const auto& [path, problem] : files) {
    try {
      if (problem) throw *problem;
      AnswerKey key(o.limits.load(path), o.limits.audit_options().pipeline);
      SelftestReport report = selftest(key, options);
      text += render_selftest_text(report);
      if (report.failures() > 0) code = std::max(code, ExitCode::errata);
    } catch (const Error& e) {
      text += fmt::format("selftest {}\n  error: {}\n", printable(path, false), e.what());
      code = ExitCode::error;
    }
  }
  return write_output(o.output, text) ? code : ExitCode::error;
}

}  // namespace

Runner setup_selftest(CLI::App& app) {
  auto o = std::make_shared<SelftestCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "selftest", "Check that grading a case classifies known-right and known-wrong sheets as intended");
  cmd->add_option("cases", o->paths, "Case files or directories")->required();
  cmd->add_option("-o,--output", o->output, "Write the report to this file (whole or not at all)");
  add_limit_options(cmd, o->limits);
  // Grades with a deliberately broken comparison: the self-test must then fail.
  cmd->add_flag("--inject-fault", o->inject_fault)->group("");
  return [o] { return run_selftest(*o); };
}

}  // namespace handcheck::cli
