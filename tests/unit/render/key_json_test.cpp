#include <boost/test/unit_test.hpp>

#include "handcheck/render/key_json.hpp"
#include "handcheck/render/key_markdown.hpp"
#include "test_support.hpp"
#include "tiny_case.hpp"

using namespace handcheck;

namespace {

const CaseAudit& seed() {
  static const CaseAudit a = audit_file(test::source_path("cases/self-attention-6-3.yaml"));
  return a;
}

const nlohmann::ordered_json& step(const nlohmann::ordered_json& key, const std::string& name) {
  for (const auto& s : key["steps"])
    if (s["name"] == name) return s;
  BOOST_FAIL("no step " + name);
  return key;
}

// A 2x2 matrix of texts as JSON (a braced list of pairs would be read as an object).
nlohmann::ordered_json rows(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return nlohmann::ordered_json::array({nlohmann::ordered_json(a), nlohmann::ordered_json(b)});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_json_key)

BOOST_AUTO_TEST_CASE(json_key_of_the_seed) {
  auto key = key_json(seed());
  BOOST_TEST(key["handcheck"] == "key/1");
  BOOST_TEST(key["title"] == "Self-attention, a 6-3 attention head");
  BOOST_REQUIRE_EQUAL(key["steps"].size(), 13u);  // 4 inputs, 9 steps, in order
  BOOST_TEST(key["steps"][0]["name"] == "X");
  BOOST_TEST(key["steps"][0]["input"] == true);
  BOOST_TEST(key["steps"][12]["name"] == "Z");

  const auto& a = step(key, "A");
  BOOST_TEST(a["shape"] == nlohmann::ordered_json({4, 4}));
  BOOST_TEST(a["hand"][0][0] == "3/10");
  // A prints fractions: 6 significant digits.
  BOOST_TEST(a["exact"][0][0] == "0.365189");
  BOOST_TEST(a["hand"][2][1] == "9/14");
  BOOST_TEST(a["expression"]["hand"] == "E / C");
  BOOST_TEST(step(key, "Z")["hand"][0][0] == "8/5");
  // Z prints 2 decimals: 4 decimals, but at least 6 significant digits.
  BOOST_TEST(step(key, "Z")["exact"][0][0] == "1.57020");

  const auto& scaled = step(key, "S_scaled");
  BOOST_TEST(scaled["expression"]["hand"] == "floor(S / 2)");
  BOOST_TEST(scaled["expression"]["exact"] == "S / sqrt(3)");
  BOOST_TEST(scaled["rows"][0] == "k1");
  BOOST_TEST(scaled["columns"][3] == "q4");

  const auto& q = step(key, "Q");
  BOOST_TEST(q["explain"].get<std::string>().find("[2] Multiply the features by the query matrix") == 0u);
  BOOST_REQUIRE_EQUAL(q["stated"].size(), 12u);
  const auto& bad = q["stated"][9];  // row 3, column 2
  BOOST_TEST(bad["label"] == "q2[3]");
  BOOST_TEST(bad["stated"] == "1");
  BOOST_TEST(bad["verdict"] == "erratum");
  BOOST_TEST(bad["expected"] == "2");
  BOOST_TEST(bad["downstream"] == "correct");
  BOOST_TEST(q["stated"][0]["verdict"] == "ok");
  BOOST_REQUIRE_EQUAL(key["errata"].size(), 1u);
  BOOST_TEST(key["errata"][0]["headline"] == "Q: q2 should be [1, 1, 2], not [1, 1, 1]");
  BOOST_TEST(!step(key, "X").contains("expression"));
}

BOOST_AUTO_TEST_CASE(json_key_marks_carried_cells_and_blanks) {
  std::string yaml = test::read_file(test::source_path("cases/self-attention-6-3.yaml"));
  // A sheet that carries q2 = [1, 1, 1] into S: S's q2 column follows from the erratum.
  yaml = test::replace_once(yaml, "      - [3, 5, 4, 6]\n      - [2, 3, 2, 3]\n      - [3, 6, 4, 7]\n      - [0, 2, 2, 4]",
                            "      - [3, 4, 4, 6]\n      - [2, 2, 2, 3]\n      - [3, 4, 4, 7]\n      - [0, 2, 2, null]");
  auto key = key_json(test::audit_text(yaml));
  const auto& s = step(key, "S");
  std::map<std::string, std::string> verdict;
  for (const auto& c : s["stated"]) verdict[c["label"].get<std::string>()] = c["verdict"].get<std::string>();
  BOOST_TEST(verdict["q2[1]"] == "carried");
  BOOST_TEST(verdict["q1[1]"] == "ok");
  BOOST_TEST(verdict["q4[4]"] == "blank");
}

BOOST_AUTO_TEST_CASE(keys_of_a_case_that_follows_the_exact_pipeline) {
  // One number type (DESIGN §3): the hand pipeline goes on through sqrt(2) in certified
  // digits instead of stopping, and the key has nothing to excuse.
  CaseAudit a = audit_file(test::source_path("cases/attention-rows-exact.yaml"));
  BOOST_REQUIRE(a.status != CaseAudit::Status::error);
  auto key = key_json(a);
  BOOST_TEST(step(key, "S")["hand"][0][0] == "2.121320");  // printed to 4 decimals: 6, on values below 10
  BOOST_TEST(step(key, "S")["exact"][0][0] == "2.121320");
  BOOST_TEST(step(key, "Q")["hand"][0][0] == "2");
  BOOST_TEST(key["notes"].empty());
  BOOST_TEST(render_key_markdown(a).find("not computed") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(exact_values_print_to_the_steps_decimals_plus_two) {
  std::string yaml = R"(format: handcheck/1
inputs:
  x: [[100, 2, 0]]
steps:
  - name: r
    do: sqrt(x) * 12.3
    follows: exact
    stated: [[123.000, 17.395, 0]]
  - name: s
    do: sqrt(x) / 1000000
    follows: exact
)";
  CaseAudit a = test::audit_text(yaml);
  auto key = key_json(a);
  // r prints 3 decimals: 5 decimals on its largest value, 123.00000 (8 significant digits).
  BOOST_TEST(step(key, "r")["exact"][0][0] == "123");
  BOOST_TEST(step(key, "r")["exact"][0][1] == "17.394827");
  BOOST_TEST(step(key, "r")["exact"][0][2] == "0");
  // s prints nothing: 6 significant digits, small values as decimals.
  BOOST_TEST(step(key, "s")["exact"][0][1] == "0.00000141421");
  BOOST_TEST(step(key, "s")["exact"][0][2] == "0");
  // --digits overrides.
  CaseAudit wide = test::audit_text(test::replace_once(yaml, "format: handcheck/1\n", "format: handcheck/1\ndigits: 12\n"));
  auto key12 = key_json(wide, KeyOptions{12});
  BOOST_TEST(step(key12, "r")["exact"][0][1] == "17.3948268172");
  BOOST_TEST(step(key12, "r")["digits"] == 12);
  BOOST_TEST(render_key_markdown(a).find("certified to 8 significant digits") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_exact_zero_prints_as_0) {
  // Masked weights are exp(S) * 0: an enclosure of width 0, the value 0 itself.
  auto key = key_json(audit_file(test::source_path("cases/attention/causal-attention.yaml")));
  const auto& a = step(key, "A")["exact"];
  BOOST_TEST(a[1][0] == "0");
  BOOST_TEST(a[2][1] == "0");
  BOOST_TEST(a[1][1] == "0.500000");  // an enclosure of 1/2, certified to 6 digits
}

// The tiny case: Y = 2x = [[2, 4], [6, 8]] stated with 5 for 4; Z = Y + 1 = [[3, 5], [7, 9]].
BOOST_AUTO_TEST_CASE(json_key_of_the_tiny_case) {
  CaseAudit a = test::tiny_audit();
  auto key = key_json(a);
  BOOST_TEST(key["title"] == "A <tiny> & \"quoted\" case");
  BOOST_REQUIRE_EQUAL(key["steps"].size(), 3u);  // x, Y, Z
  BOOST_TEST(key["steps"][0]["input"] == true);
  const auto& y = step(key, "Y");
  BOOST_TEST(y["shape"] == nlohmann::ordered_json({2, 2}));
  BOOST_TEST(y["hand"] == rows({"2", "4"}, {"6", "8"}));
  BOOST_TEST(y["expression"]["hand"] == "x * 2");
  BOOST_REQUIRE_EQUAL(y["stated"].size(), 4u);
  const auto& bad = y["stated"][1];  // row 1, column 2
  BOOST_TEST(bad["label"] == "y2[1]");
  BOOST_TEST(bad["stated"] == "5");
  BOOST_TEST(bad["expected"] == "4");
  BOOST_TEST(bad["verdict"] == "erratum");
  BOOST_TEST(bad["downstream"] == "correct");  // Z uses 4
  const auto& z = step(key, "Z");
  BOOST_TEST(z["hand"] == rows({"3", "5"}, {"7", "9"}));
  for (const auto& c : z["stated"]) BOOST_TEST(c["verdict"] == "ok");
  BOOST_REQUIRE_EQUAL(key["errata"].size(), 1u);
  // The text is the same document.
  BOOST_TEST(nlohmann::ordered_json::parse(render_key_json(a)) == key);
}

BOOST_AUTO_TEST_SUITE_END()
