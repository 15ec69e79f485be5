#include <algorithm>
#include <boost/test/unit_test.hpp>

#include "handcheck/render/report_markdown.hpp"
#include "test_support.hpp"
#include "tiny_case.hpp"

using namespace handcheck;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(render_report_markdown_)

BOOST_AUTO_TEST_CASE(a_table_of_cases_then_each_case) {
  std::vector<CaseAudit> audits{test::tiny_audit(), audit_file("/nonexistent/case.yaml")};
  std::string md = render_report_markdown(audits);
  BOOST_TEST(md.find("# handcheck report\n\n| case | status | stated | ok | errata | carried | undecided |\n"
                     "|---|---|---|---|---|---|---|\n"
                     "| `dir/tiny.case.yaml` | ✗ errata | 8 | 7 | 1 | 0 | 0 |\n"
                     "| `/nonexistent/case.yaml` | error | 0 | 0 | 0 | 0 | 0 |\n") == 0u);
  BOOST_TEST(has(md, "\n## `dir/tiny.case.yaml`\n\nA \\<tiny\\> \\& \"quoted\" case\n\n"
                     "**✗ errata**: 8 cells stated, 7 ok, 1 erratum, 0 carried, 0 undecided\n"));
  // The erratum, where it is, and what follows from it.
  BOOST_TEST(has(md, "\n**Errata**\n\n- Y: y2 should be \\[4, 8\\], not \\[5, 8\\] — a typo: later steps use \\[4, 8\\] "
                     "(at `dir/tiny.case.yaml:9:18`)\n"));
  BOOST_TEST(has(md, "\n## `/nonexistent/case.yaml`\n\n**error:** /nonexistent/case.yaml: error\\[io.open\\]: cannot open the file: No such file or directory\n"));
  BOOST_TEST(!has(md, "**Undecided**"));
}

BOOST_AUTO_TEST_CASE(a_clean_case_and_no_cases) {
  std::string clean = test::replace_once(test::kTinyCase, "[[2, 5], [6, 8]]", "[[2, 4], [6, 8]]");
  std::string md = render_report_markdown({test::audit_text(clean, "c.yaml")});
  BOOST_TEST(has(md, "| `c.yaml` | ✓ clean | 8 | 8 | 0 | 0 | 0 |\n"));
  BOOST_TEST(has(md, "**✓ clean**: 8 cells stated, 8 ok, 0 errata, 0 carried, 0 undecided\n"));
  BOOST_TEST(!has(md, "**Errata**"));
  BOOST_TEST(render_report_markdown({}) ==
             "# handcheck report\n\n| case | status | stated | ok | errata | carried | undecided |\n|---|---|---|---|---|---|---|\n");
}

BOOST_AUTO_TEST_CASE(case_text_cannot_break_the_table) {
  std::string md = render_report_markdown({test::audit_text(test::kTinyCase, "a|b`c.yaml")});
  BOOST_TEST(has(md, "| `` a\\|b`c.yaml `` | ✗ errata |"));
}

BOOST_AUTO_TEST_CASE(controls_in_a_title_and_a_file_name_are_written_visibly) {
  std::string text = test::replace_once(test::kTinyCase, "A <tiny> & \"quoted\" case",
                                        "\"red \\e[31m \\a \\0 \\x9b \\x7f\"");
  std::string md = render_report_markdown({test::audit_text(text, "e\x1b[31m\xC2\x9B\xff.yaml")});
  BOOST_TEST(std::none_of(md.begin(), md.end(), [](char c) { return (c >= 0 && c < 0x20 && c != '\n') || c == 0x7F; }));
  BOOST_TEST(md.find("\xC2\x9B") == std::string::npos);
  BOOST_TEST(has(md, "red \\x1b\\[31m \\x07 \\x00 \\u009b \\x7f\n"));
  BOOST_TEST(has(md, "\n## `e\\x1b[31m\\u009b\xEF\xBF\xBD.yaml`\n"));
}

BOOST_AUTO_TEST_SUITE_END()
