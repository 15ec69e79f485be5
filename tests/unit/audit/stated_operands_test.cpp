#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "handcheck/audit/audit.hpp"
#include "test_support.hpp"

using namespace handcheck;

BOOST_AUTO_TEST_SUITE(audit_stated_operands)

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
