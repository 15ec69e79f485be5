// docs/operations.md and fuzz/expr.dict are derived from the registry: each holds a generated
// section that must equal what the registry gives now. HANDCHECK_UPDATE_DOCS=1 rewrites them.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "handcheck/ops/reference.hpp"
#include "handcheck/ops/registry.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The file with its generated section as the registry has it; rewritten when asked.
void check_generated(const std::string& relative, std::string_view begin, std::string_view end,
                     const std::string& generated) {
  std::string path = test::source_path(relative), now = read(path);
  BOOST_REQUIRE_MESSAGE(now.find(std::string(begin) + "\n") != std::string::npos, relative << " has no " << begin);
  std::string want = replace_generated(now, begin, end, generated);
  if (want != now && std::getenv("HANDCHECK_UPDATE_DOCS")) {
    std::ofstream(path, std::ios::binary) << want;
    now = want;
  }
  BOOST_TEST(now == want, relative << " differs from the registry: run the unit tests with HANDCHECK_UPDATE_DOCS=1");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ops_reference)

BOOST_AUTO_TEST_CASE(operations_md_lists_every_function) {
  check_generated("docs/operations.md", "<!-- registry:begin -->", "<!-- registry:end -->", operations_index_markdown());
}

BOOST_AUTO_TEST_CASE(fuzz_dictionary_has_every_function) {
  check_generated("fuzz/expr.dict", "# registry:begin", "# registry:end", function_dictionary());
}

BOOST_AUTO_TEST_CASE(index_rows_are_the_registry) {
  std::string index = operations_index_markdown();
  BOOST_TEST(index.find("| `softmax_cols(M[, base])` | 1–2 | its column | yes | exp, divided by each column's sum |") !=
             std::string::npos);
  BOOST_TEST(index.find("| `floor(M[, d])` | 1–2 | the same cell (broadcast) | no |") != std::string::npos);
  std::size_t rows = 0;
  for (char c : index) rows += c == '\n';
  BOOST_TEST(rows == all_ops().size() + 2);
  BOOST_TEST(function_dictionary().find("\"hard_tanh(\"\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(functions_that_jump_are_marked) {
  // Exactly the functions with a jump somewhere in their domain: a step of these may skip the
  // values between two of its results, so no value in between is taken as reachable.
  std::set<std::string_view> jumps;
  for (const OpSpec& op : all_ops())
    if (op.continuity == Continuity::jumps) jumps.insert(op.name);
  std::set<std::string_view> expected = {"floor", "ceil", "round", "trunc", "sign", "argmax_cols", "argmax_rows",
                                         "gt",    "ge",   "lt",    "le",    "eq",   "where"};
  BOOST_TEST(jumps == expected, "functions marked as jumping differ");
}

BOOST_AUTO_TEST_CASE(replace_generated_keeps_the_rest) {
  BOOST_TEST(replace_generated("a\n<b>\nold\n<e>\nz\n", "<b>", "<e>", "new\n") == "a\n<b>\nnew\n<e>\nz\n");
  BOOST_TEST(replace_generated("no markers\n", "<b>", "<e>", "new\n") == "no markers\n");
}

BOOST_AUTO_TEST_SUITE_END()
