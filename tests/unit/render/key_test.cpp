#include <boost/test/unit_test.hpp>

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

}  // namespace

BOOST_AUTO_TEST_SUITE(render_key)

BOOST_AUTO_TEST_CASE(a_key_of_an_unevaluated_case_throws_its_error) {
  CaseAudit a = audit_file("/nonexistent/case.yaml");
  BOOST_CHECK_THROW(render_key_json(a), Error);
  BOOST_CHECK_THROW(render_key_html(a), Error);
  BOOST_CHECK_THROW(render_key_markdown(a), Error);
  BOOST_CHECK_THROW(render_key_latex(a), Error);
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
