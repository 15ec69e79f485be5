#include <boost/test/unit_test.hpp>

#include "handcheck/audit/audit.hpp"
#include "handcheck/audit/errata.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {

std::string step_of(const CaseAudit& a, const CellAudit* cell) {
  for (const auto& s : a.steps)
    for (const auto& c : s.cells)
      if (&c == cell) return a.kase->items[s.item].name;
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_audit)

BOOST_AUTO_TEST_CASE(printed_seed_has_one_typo_in_q2) {
  CaseAudit a = test::audit_text(test::seed_text());
  BOOST_TEST((a.status == CaseAudit::Status::errata));
  BOOST_TEST(a.erratum == 1u);
  BOOST_TEST(a.carried == 0u);
  auto f = test::findings(a);
  BOOST_REQUIRE_EQUAL(f.size(), 1u);
  BOOST_TEST(step_of(a, f[0]) == "Q");
  BOOST_TEST(f[0]->row == 2u);
  BOOST_TEST(f[0]->col == 1u);
  BOOST_TEST(f[0]->stated.text == "1");
  BOOST_TEST(f[0]->expected == "2");
  BOOST_TEST((f[0]->downstream == Downstream::correct));
  auto groups = group_errata(a);
  BOOST_REQUIRE_EQUAL(groups.size(), 1u);
  BOOST_TEST(groups[0].name == "q2");
  BOOST_TEST((groups[0].stated == std::vector<std::string>{"1", "1", "1"}));
  BOOST_TEST((groups[0].expected == std::vector<std::string>{"1", "1", "2"}));
  BOOST_TEST((groups[0].reach == ErratumReach::typo));
  BOOST_TEST(groups[0].carried.empty());
}

BOOST_AUTO_TEST_CASE(corrected_seed_is_clean) {
  CaseAudit a = test::audit_text(test::replace_once(test::seed_text(), "      - [1, 1, 1, 2]", "      - [1, 2, 1, 2]"));
  BOOST_TEST((a.status == CaseAudit::Status::clean));
  BOOST_TEST(a.stated == a.ok);
  BOOST_TEST(a.stated == 116u);  // Q, K, V 12 each; S, S_scaled, E, A 16 each; C 4; Z 12
}

BOOST_AUTO_TEST_SUITE_END()
