// handcheck: verifies worksheets computed by hand. Parses the command line and dispatches.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <exception>
#include <iostream>
#include <map>
#include <new>

#include "commands.hpp"
#include "output.hpp"
#include "handcheck/error.hpp"
#include "handcheck/numbers/allocation.hpp"
#include "handcheck/printable.hpp"

using handcheck::ErrorId;
using handcheck::ExitCode;

namespace {

// A command-line error as CLI11 words it, but printable and bounded: it quotes the arguments,
// which may hold anything.
std::string usage_error(const CLI::App* app, const CLI::Error& e) {
  constexpr std::size_t kMost = 200;
  std::string what = handcheck::printable(e.what(), false);
  if (what.size() > kMost) what = what.substr(0, handcheck::detail::utf8_floor(what, kMost)) + "…";
  return what + (app->get_help_ptr() ? "\nRun with --help for more information.\n" : "\n");
}

// --help and --version: exit 0 only when their text was written whole.
int print_success(const CLI::App& app, const CLI::Success& e) {
  errno = 0;
  int code = app.exit(e);
  std::cout.flush();
  if (std::cout) return code;
  int err = errno;
  handcheck::cli::eprint("{}\n", handcheck::error_line("handcheck", ErrorId::io_write,
                                                   fmt::format("cannot write the output: {}",
                                                               err ? std::strerror(err) : "write error")));
  return static_cast<int>(ExitCode::error);
}

}  // namespace

int main(int argc, char** argv) {
  handcheck::install_gmp_allocator();
  // Past a file size limit (ulimit -f) a write fails with EFBIG and the run says so; the
  // signal's default would kill the process with a half-made output.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app{"handcheck: verifies worksheets computed by hand, in exact rationals and certified precision"};
  app.set_version_flag("--version", "handcheck " HANDCHECK_VERSION);
  app.require_subcommand(1);
  app.failure_message(usage_error);  // before the subcommands, which take it from the app
  std::map<CLI::App*, handcheck::cli::Runner> runners;
  auto add = [&](handcheck::cli::Runner (*setup)(CLI::App&)) {
    std::size_t before = app.get_subcommands({}).size();
    handcheck::cli::Runner r = setup(app);
    runners[app.get_subcommands({})[before]] = std::move(r);
  };
  add(&handcheck::cli::setup_check);
  add(&handcheck::cli::setup_explain);
  add(&handcheck::cli::setup_key);
  add(&handcheck::cli::setup_grade);
  add(&handcheck::cli::setup_selftest);
  add(&handcheck::cli::setup_fill);
  add(&handcheck::cli::setup_schema);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return print_success(app, e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return static_cast<int>(ExitCode::error);  // usage errors are input errors
  }
  try {
    for (auto& [sub, run] : runners)
      if (sub->parsed()) return static_cast<int>(run());
  } catch (const handcheck::LimitError& e) {
    // The last guards: memory that a limit did not foresee is an input too large, not a bug.
    handcheck::cli::eprint("{}\n", handcheck::error_line("handcheck", e.id(), e.what()));
    return static_cast<int>(ExitCode::error);
  } catch (const std::bad_alloc&) {
    handcheck::cli::eprint("{}\n", handcheck::error_line("handcheck", ErrorId::limit_memory,
                                                    "out of memory: the input needs more memory than the process has"));
    return static_cast<int>(ExitCode::error);
  } catch (const std::exception& e) {
    handcheck::cli::eprint("handcheck: internal error: {}\n", e.what());
    return static_cast<int>(ExitCode::internal);
  }
  return static_cast<int>(ExitCode::error);
}
