#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "handcheck/audit/audit.hpp"
#include "handcheck/audit/errata.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {

// X is n x n; Y = 2X is stated as 2X + 1 in every cell; Z = Y + 1 is stated as `z_offset` + 2X.
std::string every_cell_wrong(int n, int z_offset) {
  auto matrix = [&](int offset, int scale) {
    std::string m = "[";
    for (int r = 0; r < n; ++r) {
      m += r ? ", [" : "[";
      for (int c = 0; c < n; ++c) m += fmt::format("{}{}", c ? ", " : "", scale * ((r * n + c) % 7) + offset);
      m += "]";
    }
    return m + "]";
  };
  return fmt::format("format: handcheck/1\ntitle: all wrong\ninputs:\n  X: {}\nsteps:\n"
                     "  - name: Y\n    do: X * 2\n    stated: {}\n"
                     "  - name: Z\n    do: Y + 1\n    stated: {}\n",
                     matrix(0, 1), matrix(1, 2), matrix(z_offset, 2));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_downstream)

// Judging each of e errata alone recomputes every reader cell e times; past a budget the
// errata of a column are corrected together, and the report says so.
BOOST_AUTO_TEST_CASE(many_errata_are_judged_together_past_the_follow_through_budget) {
  for (int n : {20, 40}) {
    BOOST_TEST_CONTEXT("n = " << n) {
      for (int z : {1, 2}) {  // Z follows the correct Y (a typo), or the stated one
        CaseAudit a = test::audit_text(every_cell_wrong(n, z));
        BOOST_TEST(a.erratum == static_cast<std::size_t>(n * n));
        BOOST_TEST(a.carried == (z == 2 ? static_cast<std::size_t>(n * n) : 0u));
        BOOST_REQUIRE(!a.steps.empty());
        BOOST_TEST((a.steps[0].downstream_scope == (n == 20 ? DownstreamScope::cell : DownstreamScope::column)));
        Downstream want = z == 1 ? Downstream::correct : Downstream::stated;
        for (const auto& cell : a.steps[0].cells) BOOST_TEST((cell.downstream == want));
        auto groups = group_errata(a);
        BOOST_REQUIRE(!groups.empty());
        BOOST_TEST((groups[0].scope == (n == 40 ? DownstreamScope::column : DownstreamScope::cell)));
        BOOST_TEST((groups[0].reach == (z == 1 ? ErratumReach::typo : ErratumReach::propagated)));
      }
    }
  }
}

// Y = 3x = [3, 6] stated [3, 7]; Z = Y + 1 = [4, 7] stated [4, 8], which is 7 + 1: the
// student carried the wrong 7.
BOOST_AUTO_TEST_CASE(a_wrong_cell_and_the_cell_that_carries_it) {
  CaseAudit a = test::audit_text(R"(format: handcheck/1
inputs:
  x: [[1, 2]]
steps:
  - name: Y
    do: x * 3
    stated: [[3, 7]]
  - name: Z
    do: Y + 1
    stated: [[4, 8]]
)");
  BOOST_TEST((a.status == CaseAudit::Status::errata));
  BOOST_TEST(a.stated == 4u);
  BOOST_TEST(a.ok == 2u);
  BOOST_TEST(a.erratum == 1u);
  BOOST_TEST(a.carried == 1u);
  auto f = test::findings(a);
  BOOST_REQUIRE_EQUAL(f.size(), 2u);
  BOOST_TEST((f[0]->verdict == Verdict::erratum));
  BOOST_TEST(f[0]->row == 0u);
  BOOST_TEST(f[0]->col == 1u);
  BOOST_TEST(f[0]->stated.text == "7");
  BOOST_TEST(f[0]->expected == "6");
  BOOST_TEST((f[0]->downstream == Downstream::stated));
  BOOST_TEST((f[1]->verdict == Verdict::carried));
  BOOST_TEST(f[1]->col == 1u);
  BOOST_TEST(f[1]->root == 0);
  // Z stated [4, 7] follows the correct Y: a typo in Y, Z ok.
  CaseAudit typo = test::audit_text(R"(format: handcheck/1
inputs:
  x: [[1, 2]]
steps:
  - name: Y
    do: x * 3
    stated: [[3, 7]]
  - name: Z
    do: Y + 1
    stated: [[4, 7]]
)");
  BOOST_TEST(typo.erratum == 1u);
  BOOST_TEST(typo.carried == 0u);
  BOOST_TEST(typo.ok == 3u);
  BOOST_TEST((test::findings(typo)[0]->downstream == Downstream::correct));
}

BOOST_AUTO_TEST_SUITE_END()
