// Helpers shared by the unit tests.
#pragma once

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "handcheck/audit/audit.hpp"
#include "handcheck/model/loader.hpp"
#include "handcheck/numbers/literal.hpp"

namespace handcheck::test {

inline std::string source_path(const std::string& relative) { return std::string(HANDCHECK_SOURCE_DIR) + "/" + relative; }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline Rational q(const std::string& text) { return parse_literal(text).value; }

inline CaseAudit audit_text(const std::string& yaml, const std::string& name = "test.yaml") {
  return audit_case(std::make_shared<Case>(load_case_text(yaml, name)));
}

// Replaces the first occurrence of `from` by `to`; fails the test when absent.
inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "text to replace not found: " + from);
  return text.replace(at, from.size(), to);
}

}  // namespace handcheck::test
