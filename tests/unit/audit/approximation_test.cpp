#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include "handcheck/audit/approximation.hpp"
#include "test_support.hpp"

using namespace handcheck;

BOOST_AUTO_TEST_SUITE(audit_approximation)

BOOST_AUTO_TEST_CASE(approximation_names_argmax_and_ties_per_column) {
  CaseAudit a = test::audit_text(test::seed_text());
  const Approximation* ap = nullptr;
  for (const auto& x : a.approximation)
    if (a.kase->items[x.item].name == "A") ap = &x;
  BOOST_REQUIRE(ap != nullptr);
  BOOST_REQUIRE_EQUAL(ap->probability.size(), 4u);
  // q4: hand ties k1 and k3 (9/22 each); the exact values pick k3.
  BOOST_TEST((ap->probability[3].hand_argmax == std::vector<std::string>{"k1", "k3"}));
  BOOST_TEST((ap->probability[3].exact_argmax == std::vector<std::string>{"k3"}));
  // q1: hand ties k1, k2, k3; exact k1 and k3 have equal scores (3 each), so their weights are
  // one value, equal by construction (DESIGN §3): a tie, not "too close to separate".
  BOOST_TEST((ap->probability[0].hand_argmax == std::vector<std::string>{"k1", "k2", "k3"}));
  BOOST_TEST((ap->probability[0].exact_argmax == std::vector<std::string>{"k1", "k3"}));
  BOOST_TEST(!ap->probability[0].exact_undecided);
  BOOST_TEST((ap->probability[2].exact_argmax == std::vector<std::string>{"k1", "k3"}));
  BOOST_TEST(!ap->probability[2].exact_undecided);
  BOOST_TEST((ap->probability[0].argmax == Agreement::differs));
  BOOST_TEST((ap->probability[1].argmax == Agreement::same));
  BOOST_TEST((ap->probability[3].argmax == Agreement::differs));
}

// Exact entries sqrt(1 + 1e-4000) and 1 under a softmax: no working precision separates them,
// so the exact argmax (row 1) is not known, and "differs" from the hand's row 1 would be a
// false claim; a known hand argmax outside the exact candidates does differ.
BOOST_AUTO_TEST_CASE(an_undecided_argmax_neither_agrees_nor_differs) {
  auto line = [](const char* hand_row_2) {
    CaseAudit a = test::audit_text(fmt::format(R"(format: handcheck/1
inputs:
  t: 0.0000000001
  S: [[1], [1]]
steps:
  - name: A
    hand: softmax_cols(S + concat_rows(1, {}), 3)
    exact: softmax_cols(sqrt(S + concat_rows(t^400, 0)))
)", hand_row_2));
    BOOST_REQUIRE_EQUAL(a.approximation.size(), 1u);
    BOOST_REQUIRE_EQUAL(a.approximation[0].probability.size(), 1u);
    return a.approximation[0].probability[0];
  };
  ProbabilityLine p = line("0");
  BOOST_TEST(p.exact_undecided);
  BOOST_TEST(!p.hand_undecided);
  BOOST_TEST((p.exact_argmax == std::vector<std::string>{"row 1", "row 2"}));
  BOOST_TEST((p.argmax == Agreement::undecided));
  // A hand argmax among the candidates may be the exact one; a hand tie of both is not known to be.
  BOOST_TEST((line("1").argmax == Agreement::undecided));
}

// hand floor(x / 2) = [1, 6] against exact x / sqrt(3) = [sqrt(3), 4 sqrt(3)] for x = [3, 12]:
// differences sqrt(3) - 1 = 0.732051 and 4 sqrt(3) - 6 = 0.928203 (largest, second cell);
// relative 1 - 1/sqrt(3) = 0.422650 (largest, first cell) and 1 - sqrt(3)/2 = 0.133975.
BOOST_AUTO_TEST_CASE(largest_differences_of_a_hand_rule_and_their_cells) {
  CaseAudit a = test::audit_text(R"(format: handcheck/1
inputs:
  x: [[3, 12]]
steps:
  - name: y
    hand: floor(x / 2)
    exact: x / sqrt(3)
  - name: z
    do: x + 1
)");
  BOOST_REQUIRE(a.hand && a.exact);
  for (unsigned threads : {1u, 2u}) {
    auto found = compare_pipelines(*a.kase, *a.hand, *a.exact, threads);
    BOOST_REQUIRE_EQUAL(found.size(), 1u);  // z is the same in both pipelines
    const Approximation& y = found[0];
    BOOST_TEST(a.kase->items[y.item].name == "y");
    BOOST_TEST(y.max_abs_diff == "0.928203");
    BOOST_TEST(y.abs_row == 0u);
    BOOST_TEST(y.abs_col == 1u);
    BOOST_TEST(y.max_rel_diff == "0.422650");
    BOOST_TEST(y.rel_row == 0u);
    BOOST_TEST(y.rel_col == 0u);
    BOOST_TEST(y.probability.empty());
  }
  BOOST_REQUIRE_EQUAL(a.approximation.size(), 1u);
  BOOST_TEST(a.approximation[0].max_abs_diff == "0.928203");
}

BOOST_AUTO_TEST_CASE(equal_pipelines_have_no_entry) {
  CaseAudit a = test::audit_text("format: handcheck/1\ninputs:\n  x: [[3, 12]]\nsteps:\n  - name: y\n    hand: x / 2\n    exact: x * (1/2)\n");
  BOOST_REQUIRE(a.hand && a.exact);
  BOOST_TEST(compare_pipelines(*a.kase, *a.hand, *a.exact).empty());
}

BOOST_AUTO_TEST_SUITE_END()
