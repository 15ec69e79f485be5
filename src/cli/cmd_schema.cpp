// handcheck schema: prints the JSON Schema of the case format, for editors.
#include <memory>

#include "commands.hpp"
#include "handcheck/model/schema.hpp"
#include "output.hpp"

namespace handcheck::cli {

Runner setup_schema(CLI::App& app) {
  auto output = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("schema", "Print the JSON Schema (draft 2020-12) of the case format, for editors");
  cmd->add_option("-o,--output", *output, "Write the schema to this file (whole or not at all)");
  return [output] { return write_output(*output, case_schema()) ? ExitCode::clean : ExitCode::error; };
}

}  // namespace handcheck::cli
