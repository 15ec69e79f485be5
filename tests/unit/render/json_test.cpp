#include <boost/test/unit_test.hpp>

#include "handcheck/render/json.hpp"
#include "test_support.hpp"

using namespace handcheck;

BOOST_AUTO_TEST_SUITE(render_json_)

BOOST_AUTO_TEST_CASE(json_report_of_the_seed) {
  std::vector<CaseAudit> audits{audit_file(test::source_path("cases/self-attention-6-3.yaml"))};
  auto j = report_json(audits);
  BOOST_TEST(j["handcheck"] == "report/1");
  const auto& c = j["cases"][0];
  BOOST_TEST(c["status"] == "errata");
  BOOST_REQUIRE_EQUAL(c["findings"].size(), 1u);
  const auto& f = c["findings"][0];
  BOOST_TEST(f["step"] == "Q");
  BOOST_TEST(f["row"] == 3);
  BOOST_TEST(f["col"] == 2);
  BOOST_TEST(f["label"] == "q2[3]");
  BOOST_TEST(f["stated"] == "1");
  BOOST_TEST(f["expected"] == "2");
  BOOST_TEST(f["verdict"] == "erratum");
  BOOST_TEST(f["downstream"] == "correct");
  BOOST_TEST(j["summary"]["errata"] == 1);
}

BOOST_AUTO_TEST_CASE(an_unreadable_case_is_an_error_entry) {
  std::vector<CaseAudit> audits{audit_file("/nonexistent/case.yaml")};
  auto j = report_json(audits);
  BOOST_TEST(j["cases"][0]["status"] == "error");
  BOOST_TEST(j["cases"][0]["error"]["message"] == "cannot open the file: No such file or directory");
  BOOST_TEST(j["summary"]["error"] == 1);
}

BOOST_AUTO_TEST_CASE(json_text_is_the_report_json) {
  std::vector<CaseAudit> audits{audit_file(test::source_path("cases/self-attention-6-3.yaml"))};
  auto parsed = nlohmann::ordered_json::parse(render_json(audits));
  BOOST_TEST(parsed == report_json(audits));
  BOOST_TEST(render_json({}).find("\"handcheck\"") != std::string::npos);
  BOOST_TEST(report_json({})["cases"].empty());
}

BOOST_AUTO_TEST_SUITE_END()
