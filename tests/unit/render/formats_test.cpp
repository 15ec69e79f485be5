#include <boost/test/unit_test.hpp>

#include "handcheck/render/formats.hpp"
#include "handcheck/render/json.hpp"
#include "handcheck/render/junit.hpp"
#include "handcheck/render/key.hpp"
#include "handcheck/render/key_latex.hpp"
#include "handcheck/render/key_markdown.hpp"
#include "handcheck/render/report_markdown.hpp"
#include "test_support.hpp"
#include "tiny_case.hpp"

using namespace handcheck;
using Names = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(render_formats)

BOOST_AUTO_TEST_CASE(report_formats_in_order) {
  BOOST_TEST((format_names(report_formats()) == Names{"text", "json", "junit", "md"}));
  BOOST_TEST(describe_formats(report_formats()) ==
             "text (for people, the default), json (report/1, for tools), junit (JUnit XML, for CI), "
             "md (Markdown, for a pull request or a CI job summary)");
  BOOST_TEST(find_report_format("text") == &report_formats()[0]);
  BOOST_TEST(find_report_format("md") == &report_formats()[3]);
  BOOST_TEST(find_report_format("markdown") == nullptr);
  BOOST_TEST(find_report_format("") == nullptr);
  BOOST_TEST(find_report_format("JSON") == nullptr);
}

BOOST_AUTO_TEST_CASE(key_formats_in_order) {
  BOOST_TEST((format_names(key_formats()) == Names{"md", "tex", "html", "json"}));
  BOOST_TEST(describe_formats(key_formats()) ==
             "md (Markdown, the default), tex (LaTeX), html (one self-contained page), json (for tools)");
  BOOST_TEST(find_key_format("tex") == &key_formats()[1]);
  BOOST_TEST(find_key_format("pdf") == nullptr);
  BOOST_TEST(describe_formats(std::vector<KeyFormat>{}) == "");
  BOOST_TEST(format_names(std::vector<ReportFormat>{}).empty());
}

BOOST_AUTO_TEST_CASE(grade_formats_in_order) {
  BOOST_TEST((format_names(grade_formats()) == Names{"csv", "long", "wide", "json", "gradescope"}));
  BOOST_TEST(describe_formats(grade_formats()) ==
             "csv: gradebook; long: a row per sheet and cell; wide: a column per cell; json; gradescope: results.json "
             "of one submission");
  BOOST_TEST((find_grade_format("long")->rows == GradesFormat::long_csv));
  BOOST_TEST(!find_grade_format("gradescope")->rows.has_value());
  BOOST_TEST(find_grade_format("csv")->summary == &render_summary_csv);
  BOOST_TEST(find_grade_format("wide")->summary == nullptr);
  // Only the outputs that name slips have grading search for them.
  std::vector<std::string> naming;
  for (const auto& f : grade_formats())
    if (f.names_slips) naming.emplace_back(f.name);
  BOOST_TEST((naming == Names{"long", "json", "gradescope"}));
  BOOST_TEST(find_grade_format("tsv") == nullptr);
}

BOOST_AUTO_TEST_CASE(each_row_renders_with_its_renderer) {
  std::vector<CaseAudit> audits{test::tiny_audit()};
  BOOST_TEST(find_report_format("text")->render(audits, {}) == render_text(audits));
  BOOST_TEST(find_report_format("json")->render(audits, {}) == render_json(audits));
  BOOST_TEST(find_report_format("junit")->render(audits, {}) == render_junit(audits));
  BOOST_TEST(find_report_format("md")->render(audits, {}) == render_report_markdown(audits));
  for (const auto& f : key_formats()) BOOST_TEST(f.render(audits[0], {}) == render_key(audits[0], f.name), f.name);
  BOOST_TEST(find_key_format("md")->render(audits[0], {}) == render_key_markdown(audits[0]));
  BOOST_TEST(find_key_format("tex")->render(audits[0], {}) == render_key_latex(audits[0]));
}

BOOST_AUTO_TEST_SUITE_END()
