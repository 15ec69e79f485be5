// The subcommands of the command line; main.cpp only wires them.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "handcheck/error.hpp"

namespace handcheck::cli {

// Each setup function adds its subcommand to `app` and returns what runs it; the runner
// returns the process exit code.
using Runner = std::function<ExitCode()>;

Runner setup_check(CLI::App& app);
Runner setup_explain(CLI::App& app);
Runner setup_key(CLI::App& app);
Runner setup_grade(CLI::App& app);
Runner setup_selftest(CLI::App& app);
Runner setup_fill(CLI::App& app);
Runner setup_schema(CLI::App& app);

}  // namespace handcheck::cli
