// handcheck explain CASE CELL: how one cell is computed, in both pipelines.
#include <fmt/format.h>
#include <memory>

#include "commands.hpp"
#include "handcheck/audit/explain.hpp"
#include "handcheck/printable.hpp"
#include "limit_options.hpp"
#include "output.hpp"

namespace handcheck::cli {

namespace {

struct ExplainOptions {
  std::string file;
  std::string cell;
  LimitOptions limits;
};

ExitCode run_explain(const ExplainOptions& o) {
  CaseAudit a = audit_file(o.file, o.limits.audit_options());
  if (a.status == CaseAudit::Status::error) {
    eprint("{}\n", a.error->what());
    return ExitCode::error;
  }
  try {
    return write_output("", render_explanation(explain_cell(a, o.cell))) ? ExitCode::clean : ExitCode::error;
  } catch (const Error& e) {
    eprint("{}\n", error_line(printable(o.file, false), e.id(), e.message()));
    return ExitCode::error;
  }
}

}  // namespace

Runner setup_explain(CLI::App& app) {
  auto o = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand("explain", "Show how one cell is computed, term by term, in both pipelines");
  cmd->add_option("case", o->file, "Case file")->required();
  cmd->add_option("cell", o->cell, "The cell: q2[3], Q[3,2], A[1,4]")->required();
  add_limit_options(cmd, o->limits);
  return [o] { return run_explain(*o); };
}

}  // namespace handcheck::cli
