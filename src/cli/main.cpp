// handcheck: verifies worksheets computed by hand. Parses the command line and dispatches.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <exception>
#include <map>
#include <new>

#include "commands.hpp"
#include "handcheck/error.hpp"
#include "handcheck/numbers/allocation.hpp"

using handcheck::ErrorId;
using handcheck::ExitCode;

int main(int argc, char** argv) {
  handcheck::install_gmp_allocator();
  CLI::App app{"handcheck: verifies worksheets computed by hand, in exact rationals and certified precision"};
  app.set_version_flag("--version", "handcheck " HANDCHECK_VERSION);
  app.require_subcommand(1);
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
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return static_cast<int>(ExitCode::error);  // usage errors are input errors
  }
  try {
    for (auto& [sub, run] : runners)
      if (sub->parsed()) return static_cast<int>(run());
  } catch (const handcheck::LimitError& e) {
    // The last guards: memory that a limit did not foresee is an input too large, not a bug.
    fmt::print(stderr, "{}\n", handcheck::error_line("handcheck", e.id(), e.what()));
    return static_cast<int>(ExitCode::error);
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "{}\n", handcheck::error_line("handcheck", ErrorId::limit_memory,
                                                    "out of memory: the input needs more memory than the process has"));
    return static_cast<int>(ExitCode::error);
  } catch (const std::exception& e) {
    fmt::print(stderr, "handcheck: internal error: {}\n", e.what());
    return static_cast<int>(ExitCode::internal);
  }
  return static_cast<int>(ExitCode::error);
}
