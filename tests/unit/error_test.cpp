#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "handcheck/error.hpp"
#include "handcheck/eval/expression_eval.hpp"
#include "handcheck/model/loader.hpp"

using namespace handcheck;

namespace {

std::string_view group_of(std::string_view name) { return name.substr(0, name.find('.')); }

std::string_view group_title(std::string_view group) {
  if (group == "io") return "Files";
  if (group == "load") return "Reading a case file";
  if (group == "expr") return "Expression syntax";
  if (group == "eval") return "Evaluating a step";
  if (group == "limit") return "Limits ([limits](limits.md))";
  if (group == "sheet") return "Student sheets (`grade`, `selftest`)";
  if (group == "cli") return "The command line";
  if (group == "internal") return "Never from any input";
  return "";
}

std::string_view kind_name(ErrorKind k) {
  switch (k) {
    case ErrorKind::input: return "bad input";
    case ErrorKind::limit: return "limit";
    case ErrorKind::undecided: return "undecided";
    case ErrorKind::internal: return "internal";
  }
  return "";
}

// docs/errors.md, rendered from the id table.
std::string render_errors_md() {
  std::string out =
      "# Errors\n\n"
      "<!-- Generated from include/handcheck/error_ids.inc by tests/unit/error_test.cpp; do not edit.\n"
      "     After changing the table: HANDCHECK_UPDATE_DOCS=1 ctest --test-dir build -R '^errors$' -->\n\n"
      "Every error handcheck reports carries a stable id, printed between the place and the message:\n\n"
      "```\n"
      "cases/attn.yaml:14:9: error[load.unknown-function]: step S: in 'do': unknown function 'softmx' "
      "(did you mean 'softmax'?)\n"
      "```\n\n"
      "The place is `file:line:col` (just the file when no line applies, `handcheck` for the command "
      "line itself). The JSON report gives the id as `\"error\": {\"id\": ..., \"message\": ..., "
      "\"line\": ..., \"column\": ...}` and the Python module as `CaseError.id`. An id keeps its name "
      "once released; the message after it may be reworded.\n\n"
      "Exit codes (DESIGN §6): 0 clean, 1 errata (or a value left undecided), 2 an input cannot be read "
      "or evaluated, 3 an internal error, which no input can cause. Across several cases the highest "
      "wins.\n";
  std::string_view group;
  for (const ErrorInfo& e : error_table()) {
    if (group_of(e.name) != group) {
      group = group_of(e.name);
      out += fmt::format("\n## {}\n\n| id | meaning | kind | exit |\n|---|---|---|---|\n", group_title(group));
    }
    out += fmt::format("| `{}` | {} | {} | {} |\n", e.name, e.meaning, kind_name(e.kind),
                       static_cast<int>(exit_code(e.kind)));
  }
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(error)

BOOST_AUTO_TEST_CASE(table_is_in_id_order_with_unique_well_formed_names) {
  const std::regex form("(io|load|expr|eval|limit|sheet|cli|internal)\\.[a-z0-9]+(-[a-z0-9]+)*");
  std::set<std::string_view> names;
  std::size_t i = 0;
  for (const ErrorInfo& e : error_table()) {
    BOOST_TEST(static_cast<std::size_t>(e.id) == i++);
    BOOST_TEST(std::regex_match(std::string(e.name), form), e.name);
    BOOST_TEST(names.insert(e.name).second, "repeated id " << e.name);
    BOOST_TEST(!e.meaning.empty(), e.name);
    BOOST_TEST(!group_title(group_of(e.name)).empty(), e.name);
    BOOST_TEST((e.kind == ErrorKind::limit) == (group_of(e.name) == "limit"), e.name);
    BOOST_TEST((e.kind == ErrorKind::internal) == (group_of(e.name) == "internal"), e.name);
  }
  BOOST_TEST(i > 50u);
}

BOOST_AUTO_TEST_CASE(exit_codes_follow_the_kind) {
  BOOST_TEST(static_cast<int>(exit_code(ErrorKind::input)) == 2);
  BOOST_TEST(static_cast<int>(exit_code(ErrorKind::limit)) == 2);
  BOOST_TEST(static_cast<int>(exit_code(ErrorKind::undecided)) == 1);
  BOOST_TEST(static_cast<int>(exit_code(ErrorKind::internal)) == 3);
  BOOST_TEST(static_cast<int>(ExitCode::clean) == 0);
}

BOOST_AUTO_TEST_CASE(error_text_puts_the_id_between_place_and_message) {
  Error e(ErrorId::load_unknown_function, {"a.yaml", 3, 7}, "unknown function 'f'");
  BOOST_TEST(e.what() == std::string("a.yaml:3:7: error[load.unknown-function]: unknown function 'f'"));
  BOOST_TEST(e.message() == "unknown function 'f'");
  Error whole_file(ErrorId::io_open, {"b.yaml", 0, 0}, "cannot open the file");
  BOOST_TEST(whole_file.what() == std::string("b.yaml: error[io.open]: cannot open the file"));
  BOOST_TEST(error_line("handcheck", ErrorId::io_write, "cannot write x") ==
             "handcheck: error[io.write]: cannot write x");
}

BOOST_AUTO_TEST_CASE(every_exception_shares_the_root_and_carries_its_id) {
  const CellError cell(LimitError(ErrorId::limit_bits, "too many bits"), 1, 2);
  const Exception& root = cell;
  BOOST_TEST(to_string(root.id()) == "limit.bits");
  BOOST_TEST((root.kind() == ErrorKind::limit));
  BOOST_TEST(cell.row == 1u);
  const Undecided u("not yet");
  BOOST_TEST((static_cast<const Exception&>(u).kind() == ErrorKind::internal));
}

// The id travels from the operation that fails, through the evaluator, to the located error.
BOOST_AUTO_TEST_CASE(ids_reach_the_located_error) {
  auto id_of = [](const std::string& yaml) {
    try {
      load_case_text(yaml, "t.yaml");
    } catch (const Error& e) {
      return std::string(to_string(e.id()));
    }
    return std::string("none");
  };
  BOOST_TEST(id_of("format: handcheck/1\ninputs:\n  x: 1\nsteps:\n  - name: y\n    do: f(x)\n") ==
             "load.unknown-function");
  BOOST_TEST(id_of("format: handcheck/1\ninputs:\n  x: 1\nsteps:\n  - name: y\n    do: x +\n") ==
             "expr.unexpected");
  BOOST_TEST(id_of("format: handcheck/1\ninputs:\n  x: 1..2\nsteps:\n  - name: y\n    do: x\n") == "load.number");
  BOOST_TEST(id_of("format: handcheck/2\n") == "load.format");
}

BOOST_AUTO_TEST_CASE(docs_errors_md_is_generated_from_the_table) {
  const std::string path = std::string(HANDCHECK_SOURCE_DIR) + "/docs/errors.md";
  const std::string want = render_errors_md();
  if (std::getenv("HANDCHECK_UPDATE_DOCS")) {
    std::ofstream(path, std::ios::binary) << want;
  }
  BOOST_TEST(read_file(path) == want, "docs/errors.md differs from the table; regenerate it with "
                                      "HANDCHECK_UPDATE_DOCS=1 ctest --test-dir build -R '^errors$'");
  for (const ErrorInfo& e : error_table())
    BOOST_TEST(read_file(path).find(fmt::format("`{}`", e.name)) != std::string::npos, e.name);
}

BOOST_AUTO_TEST_SUITE_END()
