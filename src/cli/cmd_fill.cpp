// handcheck fill CASE: rewrites the case's stated numbers from the pipeline each step follows.
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "handcheck/audit/fill.hpp"
#include "handcheck/model/loader.hpp"
#include "handcheck/printable.hpp"
#include "limit_options.hpp"
#include "output.hpp"

namespace handcheck::cli {

namespace {

struct FillCliOptions {
  std::string path;
  bool blank_only = false;
  bool dry_run = false;
  LimitOptions limits;
};

std::string read_case(const std::string& path, std::size_t max_bytes) {
  return read_case_text(path, max_bytes, "cannot fill: it is a directory");
}

std::optional<std::filesystem::file_time_type> modified(const std::string& path) {
  std::error_code ec;
  auto t = std::filesystem::last_write_time(path, ec);
  return ec ? std::nullopt : std::optional(t);
}

// An edit saved while fill audited the case would be lost under the rewritten file.
void check_unchanged(const std::string& path, const std::string& text,
                     const std::optional<std::filesystem::file_time_type>& read_at, std::size_t max_bytes) {
  bool same = modified(path) == read_at;
  if (same) {
    try {
      same = read_case(path, max_bytes) == text;
    } catch (const Error&) {
      same = false;
    }
  }
  if (!same)
    throw Error(ErrorId::io_changed, {path, 0, 0},
                "the file changed while fill ran; nothing was written (run fill again on the new text)");
}

ExitCode run_fill(const FillCliOptions& o) {
  const AuditOptions options = o.limits.audit_options();
  try {
    auto read_at = modified(o.path);
    std::string text = read_case(o.path, options.load.max_file_bytes);
    auto c = std::make_shared<Case>(load_case_text(text, o.path, options.load));
    if (options.digits > 0) c->set_digits(options.digits);
    CaseAudit audit = audit_case(std::move(c), options);
    FillResult r = fill_case(text, audit, FillOptions{o.blank_only, options.load});
    if (o.dry_run) {
      if (!write_output("", unified_diff(text, r.text, o.path))) return ExitCode::error;
      return r.edits.empty() ? ExitCode::clean : ExitCode::errata;
    }
    if (r.edits.empty()) {
      fmt::print("{}: every stated value already follows from the case\n", printable(o.path, false));
      return ExitCode::clean;
    }
    check_unchanged(o.path, text, read_at, options.load.max_file_bytes);
    if (!write_output(o.path, r.text)) return ExitCode::error;
    fmt::print("{}: {} value{} rewritten\n", printable(o.path, false), r.edits.size(), r.edits.size() == 1 ? "" : "s");
    return ExitCode::clean;
  } catch (const Error& e) {
    eprint("{}\n", e.what());
    return ExitCode::error;
  }
}

}  // namespace

Runner setup_fill(CLI::App& app) {
  auto o = std::make_shared<FillCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "fill", "Rewrite a case's stated numbers from the pipeline each step follows, in place, keeping its layout");
  cmd->add_option("case", o->path, "Case file")->required();
  cmd->add_flag("--blank-only", o->blank_only, "Fill blank cells (null or \"?\") only");
  cmd->add_flag("--dry-run", o->dry_run,
                "Print a unified diff instead of writing; exit 1 when something would change");
  add_limit_options(cmd, o->limits);
  return [o] { return run_fill(*o); };
}

}  // namespace handcheck::cli
