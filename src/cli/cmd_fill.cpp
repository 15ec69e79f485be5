// handcheck fill CASE: rewrites the case's stated numbers from the pipeline each step follows.
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

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

ExitCode run_fill(const FillCliOptions& o) {
  const AuditOptions options = o.limits.audit_options();
  std::string text;
  try {
    std::error_code ec;
    if (std::filesystem::is_directory(o.path, ec))
      throw Error(ErrorId::io_directory, {o.path, 0, 0}, "cannot fill: it is a directory");
    errno = 0;
    std::ifstream in(o.path, std::ios::binary);
    if (!in)
      throw Error(ErrorId::io_open, {o.path, 0, 0}, fmt::format("cannot open the file: {}", std::strerror(errno)));
    // Read, not seek, and no more than the limit: a pipe or a device has no size, and may not end.
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
      text.append(buffer, static_cast<std::size_t>(in.gcount()));
      if (text.size() > options.load.max_file_bytes)
        throw Error(ErrorId::limit_file_size, {o.path, 1, 1},
                    fmt::format("file larger than the limit of {} bytes (raise it with --max-file-size)",
                                options.load.max_file_bytes));
    }
    if (in.bad()) throw Error(ErrorId::io_read, {o.path, 0, 0}, "cannot read the file");
    auto c = std::make_shared<Case>(load_case_text(text, o.path, options.load));
    if (options.digits > 0) c->set_digits(options.digits);
    CaseAudit audit = audit_case(std::move(c), options);
    FillResult r = fill_case(text, audit, FillOptions{o.blank_only});
    if (o.dry_run) {
      if (!write_output("", unified_diff(text, r.text, o.path))) return ExitCode::error;
      return r.edits.empty() ? ExitCode::clean : ExitCode::errata;
    }
    if (r.edits.empty()) {
      fmt::print("{}: every stated value already follows from the case\n", printable(o.path, false));
      return ExitCode::clean;
    }
    if (!write_output(o.path, r.text)) return ExitCode::error;
    fmt::print("{}: {} value{} rewritten\n", printable(o.path, false), r.edits.size(), r.edits.size() == 1 ? "" : "s");
    return ExitCode::clean;
  } catch (const Error& e) {
    fmt::print(stderr, "{}\n", e.what());
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
