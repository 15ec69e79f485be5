#include <boost/test/unit_test.hpp>

#include "handcheck/audit/explain.hpp"
#include "test_support.hpp"

using namespace handcheck;

BOOST_AUTO_TEST_SUITE(audit_explain)

BOOST_AUTO_TEST_CASE(q2_3_is_the_six_products_of_wq_row_3_and_x2) {
  CaseAudit a = audit_file(test::source_path("cases/self-attention-6-3.yaml"));
  CellExplanation e = explain_cell(a, "Q[3,2]");
  BOOST_TEST(e.step == "Q");
  BOOST_TEST(e.row == 2u);
  BOOST_TEST(e.col == 1u);
  std::vector<std::string> want = {"WQ[3,1]·X[1,2] = 0·0 = 0", "WQ[3,2]·X[2,2] = 1·1 = 1", "WQ[3,3]·X[3,2] = 1·0 = 0",
                                   "WQ[3,4]·X[4,2] = 1·1 = 1", "WQ[3,5]·X[5,2] = 0·1 = 0", "WQ[3,6]·X[6,2] = 0·0 = 0",
                                   "sum = 0 + 1 + 0 + 1 + 0 + 0"};
  BOOST_TEST(e.hand.lines == want, boost::test_tools::per_element());
  BOOST_TEST(e.hand.value == "2");
  BOOST_REQUIRE(e.audit.has_value());
  BOOST_TEST((e.audit->verdict == Verdict::erratum));
  std::string text = render_explanation(e);
  BOOST_TEST(text.find("stated 1: erratum (expected 2)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(both_pipelines_of_an_attention_weight) {
  CaseAudit a = audit_file(test::source_path("cases/self-attention-6-3.yaml"));
  CellExplanation e = explain_cell(a, "A[1,4]");
  BOOST_TEST(e.hand.lines[0] == "E[1,4] / C[1,4] = 27 / 66");
  BOOST_TEST(e.hand.value == "9/22");
  BOOST_TEST(e.exact.value == "0.305494133667855251067928726610");
  CellExplanation s = explain_cell(a, "C[1,2]");
  BOOST_TEST(s.hand.lines[0] == "E[1,2] + E[2,2] + E[3,2] + E[4,2] = 9 + 3 + 27 + 3");
}

BOOST_AUTO_TEST_CASE(bad_cells_are_errors) {
  CaseAudit a = audit_file(test::source_path("cases/self-attention-6-3.yaml"));
  BOOST_CHECK_THROW(explain_cell(a, "Q[4,1]"), Error);
  BOOST_CHECK_THROW(explain_cell(a, "nope[1]"), Error);
  BOOST_CHECK_THROW(explain_cell(a, "Q(1)"), Error);
  BOOST_TEST(explain_cell(a, "x2[5]").is_input);
}

BOOST_AUTO_TEST_CASE(a_label_several_matrices_share_asks_for_the_step) {
  CaseAudit a = audit_file(test::source_path("cases/self-attention-6-3.yaml"));
  try {
    explain_cell(a, "q2[3]");
    BOOST_FAIL("q2[3] names a cell of six matrices");
  } catch (const Error& e) {
    // C is one row: it has no q2[3].
    BOOST_TEST(e.message() == "'q2[3]' is ambiguous: 5 matrices name a column or row 'q2'; write STEP[r,c]: Q[3,2], "
                              "S[3,2], S_scaled[3,2], E[3,2] or A[3,2]");
  }
  BOOST_TEST(explain_cell(a, "x2[5]").step == "X");  // only X names x2
}

BOOST_AUTO_TEST_CASE(headers_outer_products_and_negated_functions) {
  CaseAudit a = test::audit_text(R"(format: handcheck/1
inputs:
  g: [[1], [2]]
  x: [[3, 4, 5]]
  p: [[1, "1/4"]]
steps:
  - name: W
    do: outer(g, x)
  - name: N
    do: -(p * 2)
  - name: L
    do: -log(p)
)");
  CellExplanation w = explain_cell(a, "W[2,3]");
  BOOST_TEST(w.hand.lines == std::vector<std::string>{"g[2,1]·x[1,3] = 2·5 = 10"}, boost::test_tools::per_element());
  BOOST_TEST(render_explanation(w).rfind("W[2,3]\n", 0) == 0u);
  CellExplanation l = explain_cell(a, "L[1,2]");
  BOOST_TEST(l.exact.lines == (std::vector<std::string>{"log(p[1,2]) = log(1/4)",
                                                        "-log(p[1,2]) = -(-1.38629436112) = 1.38629436112"}),
             boost::test_tools::per_element());
  CellExplanation n = explain_cell(a, "N[1,2]");
  BOOST_TEST(n.hand.lines == (std::vector<std::string>{"p[1,2] * 2 = 1/4 * 2", "-(p * 2)[1,2] = -(1/2) = -1/2"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
