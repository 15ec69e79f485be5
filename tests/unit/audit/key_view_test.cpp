#include <boost/test/unit_test.hpp>

#include "handcheck/audit/key_view.hpp"
#include "test_support.hpp"

using namespace handcheck;
using namespace handcheck::keys;

namespace {

const CaseAudit& seed() {
  static const CaseAudit a = audit_file(test::source_path("cases/self-attention-6-3.yaml"));
  return a;
}

const KeyView& view() {
  static const KeyView v = build_key_view(seed());
  return v;
}

const ItemView& item(const std::string& name) {
  for (const auto& i : view().items)
    if (i.name == name) return i;
  BOOST_FAIL("no item " + name);
  throw std::logic_error("unreachable");
}

using Texts = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_key_view)

// The exact rationals of both pipelines are counted before a key is made: 1/3^k for k = 1..40
// hold 451 digits, 902 in both pipelines (mpz_sizeinbase may count one more a number): refused
// under 500, made under 1000.
BOOST_AUTO_TEST_CASE(a_key_of_too_many_digits_is_refused_before_it_is_made) {
  CaseAudit a = test::audit_text("format: handcheck/1\nsteps:\n  - name: P\n    do: 1 / 3 ^ cumsum_rows(ones(1, 40))\n");
  KeyOptions tight;
  tight.max_digits = 500;
  BOOST_TEST(test::error_of([&] { build_key_view(a, tight); }).find("over the limit of 500") != std::string::npos);
  KeyOptions enough;
  enough.max_digits = 1000;
  BOOST_TEST(build_key_view(a, enough).items.size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_case_and_its_items_in_order) {
  BOOST_TEST(view().title == "Self-attention, a 6-3 attention head");
  BOOST_TEST(view().follows == "hand");
  BOOST_TEST(view().audit == &seed());
  Texts names;
  for (const auto& i : view().items) names.push_back(i.name);
  BOOST_TEST((names == Texts{"X", "WQ", "WK", "WV", "Q", "K", "V", "S", "S_scaled", "E", "C", "A", "Z"}));
  BOOST_TEST(item("X").is_input);
  BOOST_TEST(!item("Q").is_input);
  BOOST_REQUIRE_EQUAL(view().errata.size(), 1u);
  BOOST_TEST(view().errata[0].name == "q2");
}

BOOST_AUTO_TEST_CASE(a_step_with_its_expression_operands_and_counts) {
  const ItemView& q = item("Q");
  BOOST_TEST(q.index == 4u);
  BOOST_TEST(q.hand_expr == "WQ @ X");
  BOOST_TEST(q.same_expression);
  BOOST_TEST((q.operands == std::vector<std::size_t>{1, 0}));  // WQ, then X
  BOOST_TEST((q.shape == Shape{3, 4}));
  BOOST_TEST((q.col_labels == Texts{"q1", "q2", "q3", "q4"}));
  BOOST_TEST(q.has_hand);
  BOOST_TEST(q.has_exact);
  BOOST_TEST(q.hand_equals_exact);
  BOOST_TEST(!q.probability);
  BOOST_TEST(q.stated == 12u);
  BOOST_TEST(q.ok == 11u);
  BOOST_TEST(q.erratum == 1u);
  BOOST_TEST(q.carried == 0u);
  BOOST_TEST(q.blank == 0u);
  const ItemView& s = item("S_scaled");
  BOOST_TEST(s.hand_expr == "floor(S / 2)");
  BOOST_TEST(s.exact_expr == "S / sqrt(3)");
  BOOST_TEST(!s.same_expression);
  BOOST_TEST(!s.hand_equals_exact);
  BOOST_TEST((s.row_labels == Texts{"k1", "k2", "k3", "k4"}));
}

BOOST_AUTO_TEST_CASE(a_wrong_cell_and_what_it_reads) {
  const CellView& c = item("Q").cells(2, 1);
  BOOST_TEST(c.label == "q2[3]");
  BOOST_TEST(c.hand == "2");
  BOOST_TEST(c.hand_decimal == "");
  BOOST_REQUIRE(c.stated.has_value());
  BOOST_TEST(c.stated->text == "1");
  BOOST_TEST((c.stated->verdict == Verdict::erratum));
  BOOST_TEST(c.stated->expected == "2");
  BOOST_TEST((c.stated->downstream == Downstream::correct));
  // Row 3 of WQ (item 1) and column 2 of X (item 0).
  BOOST_TEST(!c.reads_all);
  std::vector<CellRef> expected;
  for (std::size_t k = 0; k < 6; ++k) expected.push_back({0, k, 1});
  for (std::size_t k = 0; k < 6; ++k) expected.push_back({1, 2, k});
  BOOST_TEST((c.reads == expected));
  BOOST_TEST((item("Q").cells(0, 0).stated->verdict == Verdict::ok));
}

BOOST_AUTO_TEST_CASE(probabilities_with_decimals_and_heat) {
  const ItemView& a = item("A");
  BOOST_TEST(a.probability);
  const CellView& c = a.cells(0, 0);
  BOOST_TEST(c.hand == "3/10");
  BOOST_TEST(c.hand_decimal == "0.3");
  BOOST_TEST(a.cells(0, 1).hand_decimal == "0.214286…");  // 3/14 = 0.2142857...
  // Exactly, e^sqrt(3) / (2 e^sqrt(3) + e^(2/sqrt(3)) + 1) = 0.3651893986...
  BOOST_TEST(c.exact_short == "0.365189…");
  BOOST_TEST(c.heat_hand == 30);
  BOOST_TEST(c.heat_exact == 36);
  BOOST_TEST(a.cells(3, 0).hand_decimal == "0.1");
  BOOST_TEST(a.cells(3, 0).heat_exact == 6);  // 0.0646097...
  BOOST_TEST(item("Q").cells(0, 0).heat_hand == -1);
  // Z[1,1] = 1(3/10) + 2(3/10) + 2(3/10) + 1(1/10) = 8/5, term by term.
  const CellView& z = item("Z").cells(0, 0);
  BOOST_TEST(z.hand == "8/5");
  BOOST_TEST(z.how_hand == "Z[1,1] = V @ A\n  V[1,1]·A[1,1] = 1·3/10 = 3/10\n  V[1,2]·A[2,1] = 2·3/10 = 3/5\n"
                          "  V[1,3]·A[3,1] = 2·3/10 = 3/5\n  V[1,4]·A[4,1] = 1·1/10 = 1/10\n"
                          "  sum = 3/10 + 3/5 + 3/5 + 1/10\n  = 8/5");
  // The key and `explain` show the same working: A[1,1] = E[1,1] / C[1,1] = 3/10.
  BOOST_TEST(item("A").cells(0, 0).how_hand == "A[1,1] = E / C\n  E[1,1] / C[1,1] = 3 / 10\n  = 3/10");
}

BOOST_AUTO_TEST_CASE(names_and_headers_for_people) {
  BOOST_TEST(cell_name(item("Q"), 2, 1) == "Q[3,2]");
  BOOST_TEST(cell_name(item("C"), 0, 2) == "C[3]");  // a row vector
  ItemView v;
  v.name = "v";
  v.shape = {3, 1};
  BOOST_TEST(cell_name(v, 1, 0) == "v[2]");
  v.name = "dk";
  v.shape = {1, 1};
  BOOST_TEST(cell_name(v, 0, 0) == "dk");
  BOOST_TEST(col_header(item("Q"), 1) == "q2");
  BOOST_TEST(row_header(item("Q"), 1) == "2");  // rows unnamed: 1-based index
  BOOST_TEST(row_header(item("S"), 0) == "k1");
  BOOST_TEST(col_header(item("Q"), 9) == "10");
}

BOOST_AUTO_TEST_CASE(digits_and_errors) {
  KeyView twelve = build_key_view(seed(), KeyOptions{12});
  for (const auto& i : twelve.items)
    if (i.name == "A") BOOST_TEST(i.cells(0, 0).exact == "0.365189398600");  // 0.36518939860046...
  BOOST_CHECK_THROW(build_key_view(audit_file("/nonexistent/case.yaml")), Error);
}

// The view without a CellView per cell (what the JSON key reads) holds the same marks, and
// append_value and StepTexts write what the full view's cells hold.
BOOST_AUTO_TEST_CASE(the_lean_view_gives_the_same_values_and_marks) {
  KeyOptions lean;
  lean.cells = false;
  KeyView k = build_key_view(seed(), lean);
  BOOST_REQUIRE_EQUAL(k.items.size(), view().items.size());
  std::size_t marked = 0;
  for (std::size_t i = 0; i < k.items.size(); ++i) {
    const ItemView& l = k.items[i];
    const ItemView& full = view().items[i];
    BOOST_TEST(l.cells.size() == 0u);
    BOOST_TEST(l.hand_equals_exact == full.hand_equals_exact);
    BOOST_TEST((l.stated == full.stated && l.blank == full.blank && l.erratum == full.erratum));
    StepTexts hand_texts(*l.hand_values, l.digits), exact_texts(*l.exact_values, l.digits);
    for (std::size_t r = 0; r < l.shape.rows; ++r)
      for (std::size_t c = 0; c < l.shape.cols; ++c) {
        std::string hand, exact, step_hand, step_exact;
        append_value(hand, (*l.hand_values)(r, c), l.digits);
        append_value(exact, (*l.exact_values)(r, c), l.digits);
        BOOST_TEST(!hand_texts.append(step_hand, r, c));
        BOOST_TEST(exact_texts.append(step_exact, r, c) == !(*l.exact_values)(r, c).is_exact());
        BOOST_TEST(hand == full.cells(r, c).hand);
        BOOST_TEST(step_hand == full.cells(r, c).hand);
        BOOST_TEST(exact == full.cells(r, c).exact);
        BOOST_TEST(step_exact == full.cells(r, c).exact);
      }
    std::size_t k_mark = 0;
    for (std::size_t r = 0; r < full.shape.rows; ++r)
      for (std::size_t c = 0; c < full.shape.cols; ++c) {
        if (!full.cells(r, c).stated) continue;
        BOOST_REQUIRE_LT(k_mark, l.marks.size());
        const MarkedCell& m = l.marks[k_mark++];
        BOOST_TEST((m.row == r && m.col == c));
        BOOST_TEST(m.mark.text == full.cells(r, c).stated->text);
        BOOST_TEST(m.mark.expected_full == full.cells(r, c).stated->expected_full);
        BOOST_TEST((m.mark.verdict == full.cells(r, c).stated->verdict));
      }
    BOOST_TEST(k_mark == l.marks.size());
    marked += k_mark;
  }
  BOOST_TEST(marked > 40u);  // the seed states most of its cells
}

// Integers of many digits are converted once per step and shared; small ones and enclosures
// are written as append_value writes them, whatever the number of threads.
BOOST_AUTO_TEST_CASE(step_texts_share_long_integers) {
  const Rational big(Integer(boost::multiprecision::pow(Integer(3), 200)));
  const Rational other(Integer(boost::multiprecision::pow(Integer(7), 90)));
  Matrix<Real> m(Shape{3, 3});
  m(0, 0) = Real(big);
  m(0, 1) = Real(big / other);
  m(0, 2) = Real(-big);
  m(1, 0) = Real(test::q("3/10"));
  m(1, 1) = Real(big / 7);
  m(1, 2) = Real(test::q("-12"));
  m(2, 0) = Real(big + 1);
  m(2, 1) = Real(1 / big);
  m(2, 2) = Real(Interval(1) / 3);
  for (unsigned threads : {1u, 2u, 4u}) {
    StepTexts texts(m, 8, threads);
    for (std::size_t r = 0; r < 3; ++r)
      for (std::size_t c = 0; c < 3; ++c) {
        std::string want, got;
        append_value(want, m(r, c), 8);
        BOOST_TEST(texts.append(got, r, c) == (r == 2 && c == 2));
        BOOST_TEST(got == want);
      }
  }
  std::string row;
  StepTexts texts(m, 8);
  for (std::size_t c = 0; c < 3; ++c) texts.append(row, 1, c);
  BOOST_TEST(row == "3/10" + (big / 7).str() + "-12");
}

BOOST_AUTO_TEST_SUITE_END()
