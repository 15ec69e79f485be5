#include <boost/test/unit_test.hpp>
#include <regex>

#include "handcheck/render/key_html.hpp"
#include "handcheck/render/key_json.hpp"
#include "test_support.hpp"
#include "tiny_case.hpp"

using namespace handcheck;

namespace {

const CaseAudit& seed() {
  static const CaseAudit a = audit_file(test::source_path("cases/self-attention-6-3.yaml"));
  return a;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

// The JSON inside the page's data element.
nlohmann::ordered_json page_data(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"key-data\">";
  auto at = html.find(open);
  BOOST_REQUIRE(at != std::string::npos);
  at += open.size();
  return nlohmann::ordered_json::parse(html.substr(at, html.find("</script>", at) - at));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_html_key)

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

// The script puts the data's strings on the page after JSON.parse has undone their escapes:
// a bidi override or a control character in a source or an explanation is written visibly.
BOOST_AUTO_TEST_CASE(html_key_data_holds_no_bidi_or_control_character) {
  std::string yaml = "format: handcheck/1\ntitle: t\nsource: \"Grade: \\u202eFAIL\\u202c ok\"\ninputs:\n"
                     "  X: {value: [[1, 2]], explain: \"Score: \\u2067B\\u2069 \\a\"}\nsteps:\n  - {name: Y, do: X*2}\n";
  auto data = page_data(render_key_html(test::audit_text(yaml)));
  BOOST_TEST(data["source"].get<std::string>() == "Grade: [U+202E]FAIL[U+202C] ok");
  BOOST_TEST(data["items"][0]["explain"].get<std::string>() == "Score: [U+2067]B[U+2069] \\x07");
}

BOOST_AUTO_TEST_CASE(html_key_has_controls_and_data) {
  std::string html = render_key_html(seed());
  for (const char* id : {"id=\"next\"", "id=\"prev\"", "id=\"play\"", "id=\"mode\"", "id=\"explain\"",
                         "id=\"step-index\"", "id=\"key-data\""})
    BOOST_TEST(html.find(id) != std::string::npos, id);
  BOOST_TEST(html.find("<script type=\"application/json\" id=\"key-data\">") != std::string::npos);
  // The dot product of Z[1,1], computed from the hand values.
  BOOST_TEST(html.find("V[1,4]·A[4,1] = 1·1/10 = 1/10\\n  sum = 3/10 + 3/5 + 3/5 + 1/10\\n  = 8/5") != std::string::npos);
  BOOST_TEST(html.find("\"note\":\"erratum: the sheet prints 1, should be 2") != std::string::npos);
  BOOST_TEST(html.find("@media (max-width: 599px)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(html_key_of_the_tiny_case) {
  CaseAudit a = test::tiny_audit();
  std::string html = render_key_html(a);
  BOOST_TEST(html.rfind("<!DOCTYPE html>", 0) == 0u);
  BOOST_TEST(html.find("&lt;tiny&gt; &amp; ") != std::string::npos);
  BOOST_TEST(html.find("<tiny>") == std::string::npos);
  BOOST_TEST(count(html, "<script") == 2u);
  // The page's data is readable JSON holding the case's title and its numbers as written.
  auto data = page_data(html);
  BOOST_TEST(data.dump().find("A <tiny> & \\\"quoted\\\" case") != std::string::npos);
  BOOST_TEST(data.dump().find("\"5\"") != std::string::npos);
  // One erratum: the sheet prints 5 for 4.
  BOOST_TEST(html.find("erratum: the sheet prints 5, should be 4") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
