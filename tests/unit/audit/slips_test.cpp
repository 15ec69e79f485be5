#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "handcheck/audit/audit.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {

// A tiny worksheet: W (2x3) times X (3x2); E = 3 ^ W@X scaled; softmax down columns.
std::string sheet(const std::string& step, const std::string& stated, const std::string& extra = "") {
  return R"(format: handcheck/1
inputs:
  W: [[1, 2, 0], [0, 1, 3]]
  X: [[1, 0], [2, 1], [1, 1]]
  S: [[0, 1], [2, 1]]
  T: [[1, 2], [3, 4]]
  U: [[0, 1], [1, 0]]
  h: [[3, 5]]
steps:
)" + step + "    stated: " + stated + "\n" + extra;
}

std::vector<std::string> tags_at(const std::string& yaml, std::size_t row, std::size_t col) {
  CaseAudit a = test::audit_text(yaml);
  BOOST_REQUIRE_MESSAGE(a.status != CaseAudit::Status::error, (a.error ? a.error->what() : ""));
  for (const auto& s : a.steps)
    for (const auto& c : s.cells)
      if (c.row == row && c.col == col && c.verdict == Verdict::erratum) {
        std::vector<std::string> tags;
        for (const auto& slip : c.slips) tags.push_back(std::string(slip.tag));
        return tags;
      }
  BOOST_FAIL("no erratum at that cell");
  return {};
}

bool has(const std::vector<std::string>& tags, const std::string& tag) {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

const std::string kProduct = "  - name: P\n    do: W @ X\n";  // [[5, 2], [5, 4]]

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_slips)

BOOST_AUTO_TEST_CASE(catalog_tags_are_stable) {
  std::vector<std::string_view> want = {"dropped-term", "flipped-sign", "product-off-by-one", "wrong-row",
                                        "wrong-column", "swapped-operands", "transposed-operand",
                                        "softmax-wrong-axis", "no-normalisation", "exp-for-power", "power-for-exp",
                                        "ceil-for-floor", "round-for-floor", "exact-for-hand", "hand-for-exact",
                                        "times-for-power", "decimal-point", "rounded-wrong-way"};
  BOOST_TEST(slip_tags() == want, boost::test_tools::per_element());
}

// The entries a sum's cell reads come from the registry: colsum its column, rowsum its row,
// sum every entry. T = [[1, 2], [3, 4]].
std::vector<std::string> slip_texts_at(const std::string& yaml, std::size_t row, std::size_t col) {
  CaseAudit a = test::audit_text(yaml);
  for (const auto& s : a.steps)
    for (const auto& c : s.cells)
      if (c.row == row && c.col == col && c.verdict == Verdict::erratum) {
        std::vector<std::string> texts;
        for (const auto& slip : c.slips) texts.push_back(slip.text);
        return texts;
      }
  return {};
}

BOOST_AUTO_TEST_CASE(sum_slips_read_the_registry) {
  // colsum(T) = [4, 6]: 6 - 2 drops T[1,2]; 6 - 2*4 flips T[2,2].
  auto col = slip_texts_at(sheet("  - name: C\n    do: colsum(T)\n", "[[4, 4]]"), 0, 1);
  BOOST_TEST((col == std::vector<std::string>{"stated 4 = the sum without T[1,2]"}));
  auto flipped = slip_texts_at(sheet("  - name: C\n    do: colsum(T)\n", "[[4, -2]]"), 0, 1);
  BOOST_TEST((flipped == std::vector<std::string>{"stated -2 = the sum with the sign of T[2,2] flipped"}));
  // rowsum(T) = [[3], [7]]: 7 - 3 drops T[2,1]; a column entry (T[1,1] = 1) is not in its row.
  auto row = slip_texts_at(sheet("  - name: R\n    do: rowsum(T)\n", "[[3], [4]]"), 1, 0);
  BOOST_TEST((row == std::vector<std::string>{"stated 4 = the sum without T[2,1]"}));
  BOOST_TEST(slip_texts_at(sheet("  - name: R\n    do: rowsum(T)\n", "[[3], [6]]"), 1, 0).empty());
  // sum(T) = 10: 10 - 1 drops T[1,1], whichever row and column.
  auto all = slip_texts_at(sheet("  - name: A\n    do: sum(T)\n", "9"), 0, 0);
  BOOST_TEST((all == std::vector<std::string>{"stated 9 = the sum without T[1,1]"}));
}

BOOST_AUTO_TEST_CASE(dot_product_slips) {
  // P[1,1] = 1·1 + 2·2 + 0·1 = 5
  BOOST_TEST(has(tags_at(sheet(kProduct, "[[1, 2], [5, 4]]"), 0, 0), "dropped-term"));       // 5 - 4
  BOOST_TEST(has(tags_at(sheet(kProduct, "[[-3, 2], [5, 4]]"), 0, 0), "flipped-sign"));      // 1 - 4
  BOOST_TEST(has(tags_at(sheet(kProduct, "[[6, 2], [5, 4]]"), 0, 0), "product-off-by-one"));
  BOOST_TEST(has(tags_at(sheet(kProduct, "[[5, 2], [4, 4]]"), 1, 0), "wrong-column"));       // row 2 · col 2
  BOOST_TEST(has(tags_at(sheet(kProduct, "[[5, 2], [5, 2]]"), 1, 1), "wrong-row"));          // row 1 · col 2 = 2
}

BOOST_AUTO_TEST_CASE(operand_order_slips) {
  // T @ U = [[2, 1], [4, 3]]; U @ T = [[3, 4], [1, 2]]; T^T @ U = [[3, 1], [4, 2]]
  std::string step = "  - name: M\n    do: T @ U\n";
  BOOST_TEST(has(tags_at(sheet(step, "[[3, 1], [4, 3]]"), 0, 0), "swapped-operands"));
  BOOST_TEST(has(tags_at(sheet(step, "[[2, 1], [4, 2]]"), 1, 1), "transposed-operand"));
}

BOOST_AUTO_TEST_CASE(softmax_slips) {
  // softmax_cols(S, 3): column 1 = 1/10, 9/10; column 2 = 1/2, 1/2. By rows: row 1 = 1/4, 3/4.
  std::string step = "  - name: A\n    do: softmax_cols(S, 3)\n";
  BOOST_TEST(has(tags_at(sheet(step, R"([["1/4", "1/2"], ["9/10", "1/2"]])"), 0, 0), "softmax-wrong-axis"));
  BOOST_TEST(has(tags_at(sheet(step, R"([[1, "1/2"], ["9/10", "1/2"]])"), 0, 0), "no-normalisation"));
  std::string division = "  - name: E\n    do: 3 ^ S\n  - name: A\n    do: E / colsum(E)\n";
  BOOST_TEST(has(tags_at(sheet(division, R"([[1, "1/2"], ["9/10", "1/2"]])"), 0, 0), "no-normalisation"));
}

BOOST_AUTO_TEST_CASE(hand_rule_slips) {
  std::string step = "  - name: F\n    hand: floor(h / 2)\n    exact: h / sqrt(3)\n";  // [[1, 2]]
  BOOST_TEST(has(tags_at(sheet(step, "[[2, 2]]"), 0, 0), "ceil-for-floor"));
  BOOST_TEST(has(tags_at(sheet(step, "[[1, 3]]"), 0, 1), "round-for-floor"));
  BOOST_TEST(has(tags_at(sheet(step, "[[1.73, 2]]"), 0, 0), "exact-for-hand"));   // 3 / sqrt(3)
  std::string power = "  - name: E\n    do: 3 ^ S\n";  // [[1, 3], [9, 3]]
  BOOST_TEST(has(tags_at(sheet(power, "[[1, 3], [6, 3]]"), 1, 0), "times-for-power"));
  BOOST_TEST(has(tags_at(sheet(power, "[[1, 2.72], [9, 3]]"), 0, 1), "exp-for-power"));
}

BOOST_AUTO_TEST_CASE(exact_pipeline_slips) {
  // The worksheet asks e^x (it follows the exact pipeline); the learner used 3^x.
  std::string yaml = R"(format: handcheck/1
follows: exact
inputs:
  s: [[1, 2]]
steps:
  - name: E
    hand: 3 ^ s
    exact: exp(s)
    stated: [[3, 7.39]]
)";
  auto tags = tags_at(yaml, 0, 0);
  BOOST_TEST(has(tags, "hand-for-exact"));
  std::string yaml2 = test::replace_once(yaml, "    hand: 3 ^ s\n    exact: exp(s)\n", "    do: exp(s)\n");
  BOOST_TEST(has(tags_at(yaml2, 0, 0), "power-for-exp"));
}

BOOST_AUTO_TEST_CASE(writing_slips) {
  std::string step = "  - name: D\n    do: h / 7\n";  // [[3/7, 5/7]] = 0.428571..., 0.714285...
  BOOST_TEST(has(tags_at(sheet(step, "[[4.29, 0.71]]"), 0, 0), "decimal-point"));
  // "0." (NumPy's zero) holds no digit that moved: 0.0714 rounds to it, but it is no slip of the point.
  BOOST_TEST(!has(tags_at(sheet(step, "[[0.43, 0.]]"), 0, 1), "decimal-point"));
  BOOST_TEST(has(tags_at(sheet(step, "[[4., 0.71]]"), 0, 0), "decimal-point"));
  BOOST_TEST(has(tags_at(sheet(step, "[[0.42, 0.71]]"), 0, 0), "rounded-wrong-way"));
  BOOST_TEST(!has(tags_at(sheet(step, "[[0.44, 0.71]]"), 0, 0), "rounded-wrong-way"));
  // Under compare exact, 0.38 for 3/8 is an erratum, but rounded the right way; 0.37 rounds a
  // value halfway, which goes both ways; 0.7 for 5/8 is the wrong way.
  const std::string eighths = "  - name: E\n    do: h / 8\n    compare: exact\n";  // [[3/8, 5/8]]
  BOOST_TEST(!has(tags_at(sheet(eighths, "[[0.38, 0.625]]"), 0, 0), "rounded-wrong-way"));
  BOOST_TEST(!has(tags_at(sheet(eighths, "[[0.37, 0.625]]"), 0, 0), "rounded-wrong-way"));
  BOOST_TEST(has(tags_at(sheet(eighths, "[[0.375, 0.7]]"), 0, 1), "rounded-wrong-way"));  // 0.625 is 0.6
  // An irrational value: sqrt(5) = 2.2360…, truncated to 2.23, and sqrt(3) = 1.7320… raised to 1.74;
  // 2.25 is no rounding of it at all.
  const std::string root = "  - name: R\n    do: sqrt(h)\n";
  BOOST_TEST(has(tags_at(sheet(root, "[[1.73, 2.23]]"), 0, 1), "rounded-wrong-way"));
  BOOST_TEST(has(tags_at(sheet(root, "[[1.74, 2.24]]"), 0, 0), "rounded-wrong-way"));
  BOOST_TEST(!has(tags_at(sheet(root, "[[1.73, 2.25]]"), 0, 1), "rounded-wrong-way"));
  // Under abs:1e-6, 0 for 0.0000011 is an erratum, but no moved point writes 0.0000011 as 0,
  // though 0.000000011 lies within the tolerance of 0.
  const std::string tiny = "  - name: Tiny\n    do: h / 2000000 - 0.0000004\n    compare: abs:1e-6\n";  // 1.1e-6
  BOOST_TEST(tags_at(sheet(tiny, "[[0, 0.0000021]]"), 0, 0).empty());
  BOOST_TEST(has(tags_at(sheet(tiny, "[[0.000011, 0.0000021]]"), 0, 0), "decimal-point"));
}

BOOST_AUTO_TEST_CASE(slip_text_names_the_term) {
  CaseAudit a = test::audit_text(sheet(kProduct, "[[1, 2], [5, 4]]"));
  const CellAudit& c = a.cell(a.errata[0]);
  BOOST_REQUIRE(!c.slips.empty());
  BOOST_TEST(c.slips[0].text == "stated 1 = the sum without the term W[1,2]·X[2,1]");
}

// A sum of 2 000 fractions 1/p over distinct primes: its partial sums reach about 44 000 bits,
// so the term-by-term search of one wrong total is paid for by the size of its numbers, not
// counted as 4 032 operations on small ones. (30 000 such terms took 14 s a wrong cell, and
// three wrong cells over 30 s, with the budget counting operations only.) The same sum over
// small numbers is still searched.
BOOST_AUTO_TEST_CASE(the_budget_pays_for_the_size_of_the_numbers) {
  std::vector<std::string> fractions;
  for (long n = 2; fractions.size() < 2000; ++n) {
    bool prime = true;
    for (long d = 2; d * d <= n && prime; ++d) prime = n % d != 0;
    if (prime) fractions.push_back("\"1/" + std::to_string(n) + "\"");
  }
  std::vector<std::string> small(2000, "1");
  for (bool big : {true, false}) {
    std::string yaml = "format: handcheck/1\ninputs:\n  X: [[" + fmt::format("{}", fmt::join(big ? fractions : small, ", ")) +
                       "]]\nsteps:\n  - name: T\n    do: sum(X)\n    stated: 1\n";
    CaseAudit a = test::audit_text(yaml);
    BOOST_TEST_CONTEXT((big ? "1/p" : "ones")) {
      BOOST_REQUIRE_EQUAL(a.erratum, 1u);
      BOOST_TEST(a.steps[0].cells[0].slips_searched == !big);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
