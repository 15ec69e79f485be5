#include <boost/test/unit_test.hpp>

#include "handcheck/expr/ast.hpp"
#include "test_support.hpp"
#include "working.hpp"

using namespace handcheck;

namespace {

// Values written as fractions, as the hand pipeline's are.
std::string fraction(const Real& x) { return x.is_exact() ? to_fraction_string(x.exact()) : "~"; }

const Expr& hand_expression(const CaseAudit& a, const std::string& step) {
  return *a.kase->items[static_cast<std::size_t>(a.kase->find(step))].hand->ast;
}

const std::string kSmall = R"(format: handcheck/1
inputs:
  V: [[2, 0, 1, 1], [1, 1, 0, 2]]
  S: [[1, 2], [3, 0], [2, 2], [0, 1]]
  x: [[4, 7]]
steps:
  - name: Z
    do: V @ S
  - name: P
    do: softmax_cols(S)
  - name: H
    do: floor(x / 2)
  - name: N
    do: -x
  - name: T
    do: colsum(S)
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_working)

// Z[2,2] = 1*2 + 1*0 + 0*2 + 2*1 = 4.
BOOST_AUTO_TEST_CASE(a_matrix_product_is_its_products_and_their_sum) {
  CaseAudit a = test::audit_text(kSmall);
  CellWorking w(*a.kase, a.hand->values, fraction, 32);
  std::vector<std::string> want = {"V[2,1]·S[1,2] = 1·2 = 2", "V[2,2]·S[2,2] = 1·0 = 0", "V[2,3]·S[3,2] = 0·2 = 0",
                                   "V[2,4]·S[4,2] = 2·1 = 2", "sum = 2 + 0 + 0 + 2"};
  BOOST_TEST(w.lines(hand_expression(a, "Z"), 1, 1) == want, boost::test_tools::per_element());
  CellWorking short_one(*a.kase, a.hand->values, fraction, 3);
  BOOST_TEST(short_one.lines(hand_expression(a, "Z"), 1, 1) ==
                 std::vector<std::string>{"row 2 of V · column 2 of S: a sum of 4 products"},
             boost::test_tools::per_element());
}

// A softmax reads its whole column, not one cell: the working lists the column.
BOOST_AUTO_TEST_CASE(a_function_of_a_column_lists_the_cells_it_reads) {
  CaseAudit a = test::audit_text(kSmall);
  CellWorking w(*a.kase, a.hand->values, fraction, 32);
  BOOST_TEST(w.lines(hand_expression(a, "P"), 2, 1) ==
                 std::vector<std::string>{"reads S[1,2] = 2, S[2,2] = 0, S[3,2] = 2, S[4,2] = 1"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(functions_of_one_cell_operators_and_sums) {
  CaseAudit a = test::audit_text(kSmall);
  CellWorking w(*a.kase, a.hand->values, fraction, 32);
  BOOST_TEST(w.lines(hand_expression(a, "H"), 0, 1) == std::vector<std::string>{"floor((x / 2)[1,2]) = floor(7/2)"},
             boost::test_tools::per_element());
  BOOST_TEST(w.lines(hand_expression(a, "N"), 0, 0) == std::vector<std::string>{"-x[1,1] = -(4) = -4"},
             boost::test_tools::per_element());
  BOOST_TEST(w.lines(hand_expression(a, "T"), 0, 0) ==
                 std::vector<std::string>{"S[1,1] + S[2,1] + S[3,1] + S[4,1] = 1 + 3 + 2 + 0"},
             boost::test_tools::per_element());
  CellWorking short_one(*a.kase, a.hand->values, fraction, 3);
  BOOST_TEST(short_one.lines(hand_expression(a, "T"), 0, 0) == std::vector<std::string>{"colsum(S): a sum of 4 cells"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
