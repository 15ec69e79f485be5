#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "handcheck/audit/audit.hpp"
#include "handcheck/audit/errata.hpp"
#include "test_support.hpp"

using namespace handcheck;

BOOST_AUTO_TEST_SUITE(audit_auditor)

BOOST_AUTO_TEST_CASE(a_decimal_off_by_a_hundredth_is_flagged_at_its_cell) {
  std::string t = test::replace_once(test::seed_text(), "      - [1.00, 1.14, 1.25, 1.36]", "      - [1.00, 1.15, 1.25, 1.36]");
  t = test::replace_once(t, "      - [1, 1, 1, 2]", "      - [1, 2, 1, 2]");
  CaseAudit a = test::audit_text(t);
  auto f = test::findings(a);
  BOOST_REQUIRE_EQUAL(f.size(), 1u);
  BOOST_TEST(f[0]->label == "z2[2]");
  BOOST_TEST(f[0]->expected == "8/7");
  BOOST_TEST(f[0]->expected_printed == "1.14");
  BOOST_TEST((f[0]->verdict == Verdict::erratum));
  BOOST_TEST((f[0]->downstream == Downstream::none));
}

BOOST_AUTO_TEST_CASE(rounding_boundary_is_accepted_both_ways) {
  std::string t = test::replace_once(test::seed_text(), "      - [1, 1, 1, 2]", "      - [1, 2, 1, 2]");
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
  std::string t = test::seed_text();
  t = test::replace_once(t, "      - [3, 5, 4, 6]\n      - [2, 3, 2, 3]\n      - [3, 6, 4, 7]\n      - [0, 2, 2, 4]",
                         "      - [3, 4, 4, 6]\n      - [2, 2, 2, 3]\n      - [3, 4, 4, 7]\n      - [0, 2, 2, 4]");
  auto cut = t.find("  - name: S_scaled");
  auto a = test::audit_text(t.substr(0, cut));
  BOOST_TEST(a.erratum == 1u);
  BOOST_TEST(a.carried == 3u);
  auto f = test::findings(a);
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
  std::string t = test::replace_once(test::seed_text(), "      - [1, 1, 1, 2]", "      - [1, null, \"?\", 2]");
  CaseAudit a = test::audit_text(t);
  BOOST_TEST((a.status == CaseAudit::Status::clean));
  BOOST_TEST(a.stated == a.ok);
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

// g = r + e reads r = sqrt(2) * sqrt(2) printed 2 (undecided: no enclosure shows it is 2) and
// e = 5 printed 6 (an erratum); 8 follows from the printed values, but r stands for a range
// only if it is right, which is undecided: so is g, not carried.
BOOST_AUTO_TEST_CASE(an_undecided_operand_proves_no_carried) {
  CaseAudit a = test::audit_text(R"(format: handcheck/1
inputs:
  t: [[2]]
  x: [[1]]
steps:
  - name: r
    do: sqrt(t) * sqrt(t)
    stated: [[2]]
  - name: e
    do: x * 5
    stated: [[6]]
  - name: g
    do: r + e
    stated: [[8]]
)");
  BOOST_REQUIRE_EQUAL(a.steps.size(), 3u);
  BOOST_TEST((a.steps[0].cells[0].verdict == Verdict::undecided));
  BOOST_TEST((a.steps[1].cells[0].verdict == Verdict::erratum));
  BOOST_TEST((a.steps[2].cells[0].verdict == Verdict::undecided));
  BOOST_TEST(a.carried == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
