#include <boost/test/unit_test.hpp>

#include "handcheck/render/text.hpp"
#include "test_support.hpp"

using namespace handcheck;

BOOST_AUTO_TEST_SUITE(render_text_)

BOOST_AUTO_TEST_CASE(text_report_says_what_is_wrong) {
  std::vector<CaseAudit> audits{audit_file(test::source_path("cases/self-attention-6-3.yaml"))};
  std::string t = render_text(audits);
  BOOST_TEST(t.find("Q: q2 should be [1, 1, 2], not [1, 1, 1] — a typo: later steps use [1, 1, 2]") != std::string::npos);
  BOOST_TEST(t.find("q4: argmax hand k1, k3 (tie), exact k3 (differs)") != std::string::npos);
  BOOST_TEST(t.find("z1[1]             8/5 | 1.57020085246467715369978022486") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(erratum_words_for_each_reach) {
  CaseAudit a = audit_file(test::source_path("cases/self-attention-6-3.yaml"));
  auto groups = group_errata(a);
  BOOST_REQUIRE_EQUAL(groups.size(), 1u);
  ErratumGroup g = groups[0];
  BOOST_TEST(erratum_words(a, g).headline == "Q: q2 should be [1, 1, 2], not [1, 1, 1]");
  BOOST_TEST(erratum_words(a, g).consequence == "a typo: later steps use [1, 1, 2]");
  g.reach = ErratumReach::propagated;
  BOOST_TEST(erratum_words(a, g).consequence == "propagated: later steps use the stated value");
  g.carried = {{7, {"s1[1]", "s1[2]"}}};  // item 7 is S
  g.carried_cells = 2;
  BOOST_TEST(erratum_words(a, g).consequence == "propagated: 2 later cells follow from it");
  BOOST_TEST((erratum_words(a, g).carried == std::vector<std::string>{"S: s1[1], s1[2]"}));
  g.carried_cells = 1;
  BOOST_TEST(erratum_words(a, g).consequence == "propagated: 1 later cell follows from it");
  g.reach = ErratumReach::partly;
  g.scope = DownstreamScope::column;
  BOOST_TEST(erratum_words(a, g).consequence ==
             "partly propagated: some later numbers use the stated value, some the correct one (judged together "
             "with the other errata of its column: too many to judge one by one)");
  g.reach = ErratumReach::unknown;
  BOOST_TEST(erratum_words(a, g).consequence == "");
  g.expected = {"2"};
  g.stated = {"1"};
  g.name = "q2[3]";
  BOOST_TEST(erratum_words(a, g).headline == "Q: q2[3] should be 2, not 1");
}

BOOST_AUTO_TEST_CASE(text_report_without_values) {
  std::vector<CaseAudit> audits{audit_file(test::source_path("cases/self-attention-6-3.yaml"))};
  std::string t = render_text(audits, TextOptions{false});
  BOOST_TEST(t.find("Q: q2 should be [1, 1, 2], not [1, 1, 1]") != std::string::npos);
  BOOST_TEST(t.find("1.57020085246467715369978022486") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
