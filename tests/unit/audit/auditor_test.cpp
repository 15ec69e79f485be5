#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "handcheck/audit/audit.hpp"
#include "handcheck/audit/errata.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {

std::string seed_text() { return test::read_file(test::source_path("cases/self-attention-6-3.yaml")); }

std::vector<const CellAudit*> findings(const CaseAudit& a) {
  std::vector<const CellAudit*> out;
  for (const auto& s : a.steps)
    for (const auto& c : s.cells)
      if (c.verdict != Verdict::ok) out.push_back(&c);
  return out;
}

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

BOOST_AUTO_TEST_SUITE(audit_auditor)

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

BOOST_AUTO_TEST_CASE(a_decimal_off_by_a_hundredth_is_flagged_at_its_cell) {
  std::string t = test::replace_once(seed_text(), "      - [1.00, 1.14, 1.25, 1.36]", "      - [1.00, 1.15, 1.25, 1.36]");
  t = test::replace_once(t, "      - [1, 1, 1, 2]", "      - [1, 2, 1, 2]");
  CaseAudit a = test::audit_text(t);
  auto f = findings(a);
  BOOST_REQUIRE_EQUAL(f.size(), 1u);
  BOOST_TEST(f[0]->label == "z2[2]");
  BOOST_TEST(f[0]->expected == "8/7");
  BOOST_TEST(f[0]->expected_printed == "1.14");
  BOOST_TEST((f[0]->verdict == Verdict::erratum));
  BOOST_TEST((f[0]->downstream == Downstream::none));
}

BOOST_AUTO_TEST_CASE(rounding_boundary_is_accepted_both_ways) {
  std::string t = test::replace_once(seed_text(), "      - [1, 1, 1, 2]", "      - [1, 2, 1, 2]");
  for (const char* printed : {"0.37", "0.38"}) {
    // A[1,3] = 3/8 = 0.375 exactly
    std::string u = test::replace_once(t, R"(["3/10", "3/14", "3/8", "9/22"])",
                                       std::string(R"(["3/10", "3/14", )") + printed + R"(, "9/22"])");
    CaseAudit a = test::audit_text(u);
    BOOST_TEST((a.status == CaseAudit::Status::clean), printed);
  }
}

BOOST_AUTO_TEST_CASE(an_error_carried_forward_is_followed) {
  // q2 = [1, 1, 1] used for S's second column (4, 2, 4, 2 instead of 5, 3, 6, 2); the later
  // steps are cut off, so only S can follow through.
  std::string t = seed_text();
  t = test::replace_once(t, "      - [3, 5, 4, 6]\n      - [2, 3, 2, 3]\n      - [3, 6, 4, 7]\n      - [0, 2, 2, 4]",
                         "      - [3, 4, 4, 6]\n      - [2, 2, 2, 3]\n      - [3, 4, 4, 7]\n      - [0, 2, 2, 4]");
  auto cut = t.find("  - name: S_scaled");
  auto a = test::audit_text(t.substr(0, cut));
  BOOST_TEST(a.erratum == 1u);
  BOOST_TEST(a.carried == 3u);
  auto f = findings(a);
  BOOST_TEST((f[0]->downstream == Downstream::stated));
  for (std::size_t i = 1; i < f.size(); ++i) {
    BOOST_TEST((f[i]->verdict == Verdict::carried));
    BOOST_TEST(f[i]->root == 0);
  }
  // A fresh mistake downstream of the erratum is still an erratum.
  std::string u = test::replace_once(t, "      - [3, 4, 4, 6]", "      - [3, 4, 5, 6]");
  auto b = test::audit_text(u.substr(0, u.find("  - name: S_scaled")));
  BOOST_TEST(b.erratum == 2u);
  BOOST_TEST(b.carried == 3u);
}

BOOST_AUTO_TEST_CASE(blanks_are_never_findings) {
  std::string t = test::replace_once(seed_text(), "      - [1, 1, 1, 2]", "      - [1, null, \"?\", 2]");
  CaseAudit a = test::audit_text(t);
  BOOST_TEST((a.status == CaseAudit::Status::clean));
  BOOST_TEST(a.stated == a.ok);
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
  auto f = findings(a);
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
  BOOST_TEST((findings(typo)[0]->downstream == Downstream::correct));
}

// A whole number stated for a value known only by an enclosure: sigmoid(150) = 1/(1 + e^-150)
// is below 1 by about 7e-66, so 1 is wrong; sqrt(2) * sqrt(2) is 2, which no enclosure decides.
BOOST_AUTO_TEST_CASE(whole_numbers_against_enclosures) {
  CaseAudit a = test::audit_text(R"(format: handcheck/1
inputs:
  x: [[150]]
  t: [[2]]
steps:
  - name: s
    do: sigmoid(x)
    stated: [[1]]
  - name: r
    do: sqrt(t) * sqrt(t)
    stated: [[2]]
)");
  BOOST_TEST(a.stated == 2u);
  BOOST_TEST(a.erratum == 1u);
  BOOST_TEST(a.undecided == 1u);
  BOOST_TEST(a.ok == 0u);
  BOOST_REQUIRE_EQUAL(a.steps.size(), 2u);
  BOOST_TEST((a.steps[0].cells[0].verdict == Verdict::erratum));
  BOOST_TEST((a.steps[1].cells[0].verdict == Verdict::undecided));
}

// s = z / 10 = 2.049 printed 2.0 stands for [2.0, 2.049]; softmax([s, 0])[1] over that range is
// [0.8808, 0.8858] (mpmath), where interval arithmetic, which reads s twice, encloses
// [0.8435, 0.9250]. 0.89 is correct, 0.88 follows from the printed 2.0, 0.86 from no score.
BOOST_AUTO_TEST_CASE(a_softmax_accepts_only_what_scores_in_their_ranges_give) {
  for (const char* p : {"0.89", "0.88", "0.86"}) {
    CaseAudit a = test::audit_text(fmt::format(R"(format: handcheck/1
follows: exact
inputs:
  z: [[20.49, 0]]
steps:
  - name: s
    do: z / 10
    stated: [[2.0, 0]]
  - name: P
    do: softmax_rows(s)
    stated: [[{}, null]]
)", p));
    BOOST_TEST_CONTEXT("P[1,1] = " << p) {
      BOOST_REQUIRE_EQUAL(a.steps.size(), 2u);
      Verdict want = std::string(p) == "0.86" ? Verdict::erratum : Verdict::ok;
      BOOST_TEST((a.steps[1].cells[0].verdict == want));
    }
  }
}

// v = [0.104, 0.096] printed [0.1, 0.1] stands for [0.1, 0.104] x [0.096, 0.1]; its sum takes
// every value in [0.196, 0.204]. 0.203 (a finer rounding of v1 than printed) comes from no
// corner where both cells are printed or both correct, but from corners on both sides of it:
// ok. 0.205 is past every corner: an erratum.
BOOST_AUTO_TEST_CASE(a_sum_between_the_corners_of_its_operands_is_ok) {
  for (const char* t : {"0.203", "0.205"}) {
    CaseAudit a = test::audit_text(fmt::format(R"(format: handcheck/1
follows: exact
inputs:
  x: [[0.104, 0.096]]
steps:
  - name: v
    do: x * 1
    stated: [[0.1, 0.1]]
  - name: t
    do: rowsum(v)
    stated: {}
)", t));
    BOOST_TEST_CONTEXT("t = " << t) {
      BOOST_REQUIRE_EQUAL(a.steps.size(), 2u);
      Verdict want = std::string(t) == "0.203" ? Verdict::ok : Verdict::erratum;
      BOOST_TEST((a.steps[1].cells[0].verdict == want));
    }
  }
}

BOOST_AUTO_TEST_CASE(proofs_over_operand_ranges_are_bounded_and_never_raise_the_precision) {
  // A 16 x 16 softmax of scores printed to one decimal (each stands for a range 0.05 wide), every
  // probability stated 0.070: proving or refuting each one splits a 16-dimensional box, and
  // each split computes the whole step. The audit's share of that work runs out: those cells
  // are undecided, never ok, and a higher precision, which would not decide them, is not tried.
  std::string z, s, p;
  for (int i = 0; i < 16; ++i) {
    std::vector<std::string> zr, sr, pr;
    for (int j = 0; j < 16; ++j) {
      int v = (i * 7 + j * 13) % 300;  // z / 100 printed to one decimal, halves up
      zr.push_back(std::to_string(v));
      sr.push_back(fmt::format("{}.{}", (v + 5) / 100, (v + 5) / 10 % 10));
      pr.push_back("0.070");
    }
    z += fmt::format("{}[{}]", i ? ", " : "", fmt::join(zr, ", "));
    s += fmt::format("{}[{}]", i ? ", " : "", fmt::join(sr, ", "));
    p += fmt::format("{}[{}]", i ? ", " : "", fmt::join(pr, ", "));
  }
  CaseAudit a = test::audit_text(fmt::format(R"(format: handcheck/1
follows: exact
inputs:
  z: [{}]
steps:
  - name: s
    do: z / 100
    stated: [{}]
  - name: P
    do: softmax_rows(s)
    stated: [{}]
)",
                                             z, s, p));
  BOOST_TEST(a.steps[0].cells.size() == 256u);
  BOOST_TEST(a.undecided_over_box > 0u);
  BOOST_TEST(a.undecided == a.undecided_over_box);
  for (const CellAudit& cell : a.steps[1].cells)
    if (cell.verdict == Verdict::undecided) BOOST_TEST((cell.against_recomputed == Match::undecided));
  // Still at the first working precision, far below the cap of 2000 digits.
  BOOST_REQUIRE(a.exact);
  BOOST_TEST(a.exact->digits10 < 200u);
}

BOOST_AUTO_TEST_SUITE_END()
