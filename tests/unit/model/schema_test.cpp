#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>
#include <regex>

#include "handcheck/model/schema.hpp"
#include "test_support.hpp"

using namespace handcheck;
using json = nlohmann::ordered_json;

namespace {

const json& schema() {
  static const json s = json::parse(case_schema());
  return s;
}

// Every "$ref" of the schema, wherever it is.
void collect_refs(const json& j, std::vector<std::string>& out) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      if (k == "$ref") out.push_back(v.get<std::string>());
      collect_refs(v, out);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) collect_refs(v, out);
  }
}

bool matches(const std::string& pattern, const std::string& text) { return std::regex_search(text, std::regex(pattern)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(model_schema)

BOOST_AUTO_TEST_CASE(schema_is_json_with_one_newline_at_the_end) {
  const std::string& text = case_schema();
  BOOST_REQUIRE(!text.empty());
  BOOST_TEST(text.back() == '\n');
  BOOST_TEST(text[text.size() - 2] != '\n');
  BOOST_TEST(&case_schema() == &text);  // built once
  BOOST_TEST(schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  BOOST_TEST(schema()["required"] == json::array({"format", "steps"}));
  BOOST_TEST(schema()["properties"]["format"]["const"] == "handcheck/1");
  BOOST_TEST(schema()["additionalProperties"] == false);
}

BOOST_AUTO_TEST_CASE(every_reference_resolves) {
  std::vector<std::string> refs;
  collect_refs(schema(), refs);
  BOOST_TEST(refs.size() > 10u);
  for (const auto& r : refs) {
    BOOST_TEST_CONTEXT(r) {
      BOOST_REQUIRE(r.starts_with("#/$defs/"));
      BOOST_TEST(schema()["$defs"].contains(r.substr(8)));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_step_has_do_or_hand_and_exact) {
  const json& step = schema()["$defs"]["step"];
  BOOST_TEST(step["required"] == json::array({"name"}));
  BOOST_REQUIRE_EQUAL(step["oneOf"].size(), 2u);
  BOOST_TEST(step["oneOf"][0]["required"] == json::array({"do"}));
  BOOST_TEST(step["oneOf"][1]["required"] == json::array({"hand", "exact"}));
  for (const char* key : {"name", "do", "hand", "exact", "columns", "rows", "explain", "stated", "follows", "compare",
                          "digits"})
    BOOST_TEST(step["properties"].contains(key), key);
  BOOST_TEST(step["properties"].size() == 11u);
}

BOOST_AUTO_TEST_CASE(numbers_written_as_text) {
  std::string number = schema()["$defs"]["number"]["anyOf"][1]["pattern"].get<std::string>();
  for (const char* good : {"3/10", "-3/10", "1e-3", "2.5E+7", ".5", "5.", "-inf", "Infinity", "INF", ".inf", "∞",
                           " 0.25 ", "3 / -4"})
    BOOST_TEST(matches(number, good), good);
  for (const char* bad : {"0x10", "abc", "1/", "/2", "1.2.3", "nan", "e5", "", "1 2"})
    BOOST_TEST(!matches(number, bad), bad);
  std::string compare = schema()["$defs"]["compare"]["pattern"].get<std::string>();
  for (const char* good : {"printed", "exact", "abs:0.01", "rel:1e-3", "sigfig:3"})
    BOOST_TEST(matches(compare, good), good);
  for (const char* bad : {"abs:", "sigfig:x", "printed ", "relative:1", "abs: 0.1"})
    BOOST_TEST(!matches(compare, bad), bad);
  std::string name = schema()["$defs"]["name"]["pattern"].get<std::string>();
  BOOST_TEST(matches(name, "S_scaled"));
  BOOST_TEST(!matches(name, "2x"));
  BOOST_TEST(schema()["$defs"]["digits"]["minimum"] == 1);
}

BOOST_AUTO_TEST_SUITE_END()
