#include <boost/test/unit_test.hpp>
#include <regex>

#include "handcheck/render/key_html.hpp"
#include "handcheck/render/key_json.hpp"
#include "handcheck/render/key.hpp"
#include "handcheck/render/key_latex.hpp"
#include "handcheck/render/key_markdown.hpp"
#include "test_support.hpp"

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

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_key)

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

BOOST_AUTO_TEST_CASE(html_key_is_self_contained_and_escapes_case_text) {
  std::string yaml = test::read_file(test::source_path("cases/self-attention-6-3.yaml"));
  yaml = test::replace_once(yaml, "title: Self-attention, a 6-3 attention head", "title: '<script>alert(1)</script>'");
  yaml = test::replace_once(yaml, "[2] Multiply the features", "<img src=x onerror=\"alert(2)\"> & </script> Multiply");
  std::string html = render_key_html(test::audit_text(yaml));
  BOOST_TEST(html.find("<script>alert") == std::string::npos);
  BOOST_TEST(html.find("<img") == std::string::npos);
  BOOST_TEST(html.find("onerror=\"alert") == std::string::npos);
  BOOST_TEST(html.find("<title>Answer key: &lt;script&gt;alert(1)&lt;/script&gt;</title>") != std::string::npos);
  BOOST_TEST(html.find("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e") != std::string::npos);
  BOOST_TEST(html.find("\\u003cimg src=x onerror=\\\"alert(2)\\\"\\u003e \\u0026 \\u003c/script\\u003e") !=
             std::string::npos);
  // Exactly the page's own two script elements, each closed once.
  BOOST_TEST(count(html, "<script") == 2u);
  BOOST_TEST(count(html, "</script>") == 2u);
  // Nothing from elsewhere: no URLs, no src or href attributes in the markup, no imports.
  BOOST_TEST(html.find("http://") == std::string::npos);
  BOOST_TEST(html.find("https://") == std::string::npos);
  auto data = html.find("<script type=\"application/json\" id=\"key-data\">");
  BOOST_REQUIRE(data != std::string::npos);
  std::string markup = html.substr(0, data) + html.substr(html.find("</script>", data));
  BOOST_TEST(!std::regex_search(markup, std::regex(R"((src|href)\s*=)", std::regex::icase)));
  BOOST_TEST(html.find("@import") == std::string::npos);
  BOOST_TEST(html.find("url(") == std::string::npos);
  BOOST_TEST(html.find("default-src 'none'") != std::string::npos);
  // The script never parses data as markup.
  BOOST_TEST(html.find("innerHTML") == std::string::npos);
  BOOST_TEST(html.find("insertAdjacentHTML") == std::string::npos);
  BOOST_TEST(html.find("document.write") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(html_key_has_controls_and_data) {
  std::string html = render_key_html(seed());
  for (const char* id : {"id=\"next\"", "id=\"prev\"", "id=\"play\"", "id=\"mode\"", "id=\"explain\"",
                         "id=\"step-index\"", "id=\"key-data\""})
    BOOST_TEST(html.find(id) != std::string::npos, id);
  BOOST_TEST(html.find("<script type=\"application/json\" id=\"key-data\">") != std::string::npos);
  // The dot product of Z[1,1], computed from the hand values.
  BOOST_TEST(html.find("= 1×(3/10) + 2×(3/10) + 2×(3/10) + 1×(1/10)\\n  = (3/10) + (3/5) + (3/5) + (1/10)\\n  = 8/5") !=
             std::string::npos);
  BOOST_TEST(html.find("\"note\":\"erratum: the sheet prints 1, should be 2") != std::string::npos);
  BOOST_TEST(html.find("@media (max-width: 599px)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_key_of_an_unevaluated_case_throws_its_error) {
  CaseAudit a = audit_file("/nonexistent/case.yaml");
  BOOST_CHECK_THROW(render_key_json(a), Error);
  BOOST_CHECK_THROW(render_key_html(a), Error);
  BOOST_CHECK_THROW(render_key_markdown(a), Error);
  BOOST_CHECK_THROW(render_key_latex(a), Error);
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

BOOST_AUTO_TEST_CASE(render_key_by_format_name) {
  BOOST_TEST(handcheck::render_key(seed(), "md") == render_key_markdown(seed()));
  BOOST_TEST(handcheck::render_key(seed(), "tex") == render_key_latex(seed()));
  BOOST_TEST(handcheck::render_key(seed(), "html") == render_key_html(seed()));
  BOOST_TEST(nlohmann::ordered_json::parse(handcheck::render_key(seed(), "json")) == key_json(seed()));
  try {
    handcheck::render_key(seed(), "pdf");
    BOOST_FAIL("an unknown format renders");
  } catch (const DomainError& e) {
    BOOST_TEST(std::string(e.what()) == "unknown key format 'pdf' (md, tex, html, json)");
  }
}

BOOST_AUTO_TEST_SUITE_END()
