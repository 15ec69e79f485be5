// handcheck key CASE: writes the answer key of one case.
#include <fmt/format.h>
#include <memory>

#include "commands.hpp"
#include "handcheck/audit/audit.hpp"
#include "handcheck/render/formats.hpp"
#include "handcheck/render/key.hpp"
#include "limit_options.hpp"
#include "output.hpp"
#include "output_stream.hpp"

namespace handcheck::cli {

namespace {

struct KeyCliOptions {
  std::string path;
  std::string format = "md";
  std::string output;
  std::size_t max_key_digits = handcheck::KeyOptions{}.max_digits;
  LimitOptions limits;
};

ExitCode run_key(const KeyCliOptions& o) {
  if (!output_spares_inputs(o.output, {o.path})) return ExitCode::error;
  AuditOptions options = o.limits.audit_options();
  const KeyFormat* format = find_key_format(o.format);
  options.compare_pipelines = !format || format->shows_approximation;
  CaseAudit a = audit_file(o.path, options);
  // A case with errata still has a key; only one that cannot be evaluated has none.
  if (a.status == CaseAudit::Status::error) {
    eprint("{}\n", a.error->what());
    return ExitCode::error;
  }
  // Written as it is made: a large key is never held whole.
  OutputStream out(o.output);
  bool written = true;
  handcheck::KeyOptions key_options{o.limits.digits};
  key_options.max_digits = o.max_key_digits;
  try {
    write_key(a, o.format, key_options, [&](std::string_view text) { written = written && out.write(text); });
  } catch (const Error& e) {
    eprint("{}\n", e.what());  // nothing committed: no file, or the old one left as it was
    return ExitCode::error;
  }
  return written && out.commit() ? ExitCode::clean : ExitCode::error;
}

}  // namespace

Runner setup_key(CLI::App& app) {
  auto o = std::make_shared<KeyCliOptions>();
  CLI::App* cmd = app.add_subcommand("key", "Write the answer key of a case: every step in both pipelines");
  cmd->add_option("case", o->path, "Case file")->required();
  cmd->add_option("--format", o->format, "Key format: " + describe_formats(key_formats()))
      ->check(CLI::IsMember(format_names(key_formats())));
  cmd->add_option("-o,--output", o->output, "Write the key to this file (whole or not at all)");
  cmd->add_option("--max-key-digits", o->max_key_digits,
                  "Digits of the exact rationals of both pipelines a key may write (default 100000000)")
      ->check(decimal_number())
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 40));
  add_limit_options(cmd, o->limits);
  return [o] { return run_key(*o); };
}

}  // namespace handcheck::cli
