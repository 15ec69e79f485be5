#include <boost/test/unit_test.hpp>

#include "handcheck/audit/errata.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {

using Texts = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_errata)

BOOST_AUTO_TEST_CASE(the_seed_typo_is_one_group_of_a_column) {
  CaseAudit a = test::audit_text(test::seed_text());
  auto groups = group_errata(a);
  BOOST_REQUIRE_EQUAL(groups.size(), 1u);
  const ErratumGroup& g = groups[0];
  BOOST_TEST(a.kase->items[a.steps[g.step].item].name == "Q");
  BOOST_TEST(g.name == "q2");
  BOOST_TEST((g.errata == std::vector<std::size_t>{0}));
  // q2 = WQ x2 = [1, 1, 2] (x2 = [0, 1, 0, 1, 1, 0]); the sheet prints [1, 1, 1].
  BOOST_TEST((g.stated == Texts{"1", "1", "1"}));
  BOOST_TEST((g.expected == Texts{"1", "1", "2"}));
  BOOST_TEST((g.reach == ErratumReach::typo));
  BOOST_TEST(g.carried.empty());
  BOOST_TEST(g.carried_cells == 0u);
}

BOOST_AUTO_TEST_CASE(a_carried_erratum_propagates) {
  // S = K^T Q: with q2 = [1, 1, 1], column q2 of S is [4, 2, 4, 2] instead of [5, 3, 6, 2].
  std::string yaml = test::replace_once(test::seed_text(), "      - [3, 5, 4, 6]\n      - [2, 3, 2, 3]\n      - [3, 6, 4, 7]",
                                        "      - [3, 4, 4, 6]\n      - [2, 2, 2, 3]\n      - [3, 4, 4, 7]");
  CaseAudit a = test::audit_text(yaml);
  auto groups = group_errata(a);
  BOOST_REQUIRE_EQUAL(groups.size(), 1u);
  const ErratumGroup& g = groups[0];
  BOOST_TEST((g.reach == ErratumReach::propagated));
  BOOST_REQUIRE_EQUAL(g.carried.size(), 1u);
  BOOST_TEST(a.kase->items[g.carried[0].item].name == "S");
  BOOST_TEST((g.carried[0].labels == Texts{"q2[1]", "q2[2]", "q2[3]"}));
  BOOST_TEST(g.carried_cells == 3u);
}

BOOST_AUTO_TEST_CASE(groups_by_row_and_lone_cells) {
  // Y = 2x: [[2, 4], [6, 8]].
  const std::string rows = R"(format: handcheck/1
inputs:
  x: [[1, 2], [3, 4]]
steps:
  - name: Y
    do: x * 2
    rows: r
    stated: [[2, 5], [7, 9]]
)";
  CaseAudit a = test::audit_text(rows);
  auto groups = group_errata(a);
  BOOST_REQUIRE_EQUAL(groups.size(), 2u);
  BOOST_TEST(groups[0].name == "r1");
  BOOST_TEST((groups[0].stated == Texts{"2", "5"}));
  BOOST_TEST((groups[0].expected == Texts{"2", "4"}));
  BOOST_TEST(groups[1].name == "r2");
  BOOST_TEST((groups[1].stated == Texts{"7", "9"}));
  BOOST_TEST((groups[1].expected == Texts{"6", "8"}));
  BOOST_TEST(groups[1].errata.size() == 2u);
  BOOST_TEST((groups[1].reach == ErratumReach::unknown));  // no later step reads Y

  CaseAudit lone = test::audit_text(test::replace_once(test::replace_once(rows, "    rows: r\n", ""), "[7, 9]", "[6, \"?\"]"));
  groups = group_errata(lone);
  BOOST_REQUIRE_EQUAL(groups.size(), 1u);
  BOOST_TEST(groups[0].name == "Y[1,2]");
  BOOST_TEST((groups[0].stated == Texts{"5"}));
  BOOST_TEST((groups[0].expected == Texts{"4"}));
}

BOOST_AUTO_TEST_CASE(no_errata_no_groups) {
  CaseAudit a = test::audit_text(R"(format: handcheck/1
inputs:
  x: [[1, 2]]
steps:
  - name: Y
    do: x / 4
    stated: [[0.25, 0.5]]
)");
  BOOST_TEST(group_errata(a).empty());
}

BOOST_AUTO_TEST_SUITE_END()
