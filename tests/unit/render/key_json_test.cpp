// The JSON key, written straight into its buffer, is byte for byte what the document tree of
// key_json() dumps: for every case in cases/, the scaled attention case and hostile strings.
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "handcheck/render/key_json.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {

std::string tree_dump(const CaseAudit& a) {
  return key_json(a).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

BOOST_AUTO_TEST_CASE(json_key_is_the_tree_dump) {
  std::size_t n = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_path("cases"))) {
    if (entry.path().extension() != ".yaml") continue;
    CaseAudit a = audit_file(entry.path().string());
    if (a.status == CaseAudit::Status::error) continue;
    BOOST_TEST(render_key_json(a) == tree_dump(a), entry.path().string());
    ++n;
  }
  BOOST_TEST(n >= 5u);
}

BOOST_AUTO_TEST_CASE(json_key_escapes_as_the_tree_does) {
  auto c = std::make_shared<Case>(load_case_text(R"(format: handcheck/1
title: "quote \" backslash \\ tab \t bell \a nul-free é € 😀"
source: |
  two
  lines
inputs:
  X: [[1, -2], ["3/4", 0.5]]
steps:
  - name: Y
    do: X * 2
    explain: "a \"b\" \u001b[31m"
    stated: [[2, "?"], ["3/2", 9]]
)", "t.yaml"));
  CaseAudit a = audit_case(c);
  BOOST_REQUIRE(a.status != CaseAudit::Status::error);
  std::string text = render_key_json(a);
  BOOST_TEST(text == tree_dump(a));
  BOOST_TEST(text.find(R"("-2")") != std::string::npos);
  BOOST_TEST(text.find(R"("3/4")") != std::string::npos);
  BOOST_TEST(text.find("\\u001b[31m") != std::string::npos);
}
