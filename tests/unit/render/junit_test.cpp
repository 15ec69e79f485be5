#include <boost/test/unit_test.hpp>

#include "handcheck/render/junit.hpp"
#include "test_support.hpp"
#include "tiny_case.hpp"

using namespace handcheck;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(render_junit_)

BOOST_AUTO_TEST_CASE(a_suite_per_case_a_testcase_per_step) {
  std::string xml = render_junit({test::tiny_audit()});
  BOOST_TEST(xml.find("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<testsuites name=\"handcheck\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
                      "  <testsuite name=\"dir/tiny.case.yaml\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\" "
                      "file=\"dir/tiny.case.yaml\">\n"
                      "    <properties>\n"
                      "      <property name=\"title\" value=\"A &lt;tiny&gt; &amp; &quot;quoted&quot; case\"/>\n"
                      "    </properties>\n") == 0u);
  // A class name CI systems split at its dots: the path without .yaml.
  BOOST_TEST(has(xml, "    <testcase name=\"Y\" classname=\"dir.tiny.case\" file=\"dir/tiny.case.yaml\" line=\"6\" "
                      "assertions=\"4\">\n"
                      "      <failure message=\"y2[1]: stated 5, expected 4 (erratum)\" type=\"erratum\">"
                      "step: Y\ncell: y2[1] (row 1, column 2)\nstated: 5\nexpected: 4\nverdict: erratum\n"
                      "downstream: correct\n"));
  BOOST_TEST(has(xml, "at: dir/tiny.case.yaml:9:18\n</failure>\n    </testcase>\n"));
  BOOST_TEST(has(xml, "    <testcase name=\"Z\" classname=\"dir.tiny.case\" file=\"dir/tiny.case.yaml\" line=\"10\" "
                      "assertions=\"4\"/>\n"));
  BOOST_TEST(has(xml, "    <system-out>"));
  BOOST_TEST(xml.ends_with("  </testsuite>\n</testsuites>\n"));
}

BOOST_AUTO_TEST_CASE(an_unreadable_case_is_an_error) {
  std::string xml = render_junit({audit_file("/nonexistent/case.yaml"), test::tiny_audit()});
  BOOST_TEST(has(xml, "<testsuites name=\"handcheck\" tests=\"3\" failures=\"1\" errors=\"1\" skipped=\"0\">\n"));
  BOOST_TEST(has(xml, "    <testcase name=\"load and evaluate\" classname=\"nonexistent.case\" "
                      "file=\"/nonexistent/case.yaml\">\n"
                      "      <error message=\"cannot open the file: No such file or directory\" type=\"error\">"));
  BOOST_TEST(render_junit({}) == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                 "<testsuites name=\"handcheck\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
                                 "</testsuites>\n");
}

BOOST_AUTO_TEST_CASE(case_text_is_escaped_and_control_characters_never_pass) {
  std::string yaml = test::replace_once(test::kTinyCase, "title: A <tiny> & \"quoted\" case", "title: \"it's\\x01\\ttab\"");
  std::string xml = render_junit({test::audit_text(yaml, "a'b.yml")});
  BOOST_TEST(has(xml, "classname=\"a&apos;b\""));
  BOOST_TEST(has(xml, "<property name=\"title\" value=\"it&apos;s"));
  BOOST_TEST(has(xml, "&#9;tab\"/>"));
  BOOST_TEST(xml.find('\x01') == std::string::npos);
  BOOST_TEST(xml.find('\t') == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
