#include <boost/test/unit_test.hpp>

#include "handcheck/audit/fill.hpp"
#include "handcheck/ops/scalar.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::q;

namespace {

// Y = 2x = [[2, 4], [6, 8]] (one wrong cell, 5), T = x / 3 = [[1/3, 2/3], [1, 4/3]] printed
// to its cells' decimals (one wrong cell, 1.4, and a blank).
const std::string kCase = R"(format: handcheck/1
inputs:
  x: [[1, 2], [3, 4]]
steps:
  - name: Y
    do: x * 2
    columns: y
    stated: [[2, 5], [6, 8]]  # 5: a slip
  - name: T
    do: x / 3
    stated: [["?", 0.67], [1.00, 1.4]]
)";

FillResult fill(const std::string& source, const FillOptions& options = {}) {
  return fill_case(source, test::audit_text(source, "f.yaml"), options);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_fill)

BOOST_AUTO_TEST_CASE(numbers_as_a_case_writes_them) {
  BOOST_TEST(format_case_number(Real(q("2/3")), {2, 0}) == "0.67");
  BOOST_TEST(format_case_number(Real(q("-2/3")), {3, 0}) == "-0.667");
  BOOST_TEST(format_case_number(Real(q("7/3")), {0, 0}) == "2");
  BOOST_TEST(format_case_number(Real(q("2/3")), {-1, 3}) == "0.667");
  BOOST_TEST(format_case_number(Real(q("2/3")), {}) == "\"2/3\"");
  BOOST_TEST(format_case_number(Real(q("-1/4")), {}) == "\"-1/4\"");
  BOOST_TEST(format_case_number(Real(q("2")), {}) == "2");
  BOOST_TEST(format_case_number(Real(q("0.5")), {3, 0}) == "0.500");
  BOOST_TEST(format_case_number(real_of(parse_literal("-inf")), {2, 0}) == "-inf");
  BOOST_TEST(format_case_number(real_of(parse_literal("inf")), {}) == "inf");
  // An irrational value: to its decimals, its significant digits, or 6 significant digits.
  WorkingPrecision precision(30);
  Real root2 = scalar::sqrt(Real(q("2")));  // 1.41421356237309504880...
  BOOST_REQUIRE(!root2.is_exact());
  BOOST_TEST(format_case_number(root2, {}) == "1.41421");
  BOOST_TEST(format_case_number(root2, {3, 0}) == "1.414");
  BOOST_TEST(format_case_number(root2, {-1, 10}) == "1.414213562");
}

BOOST_AUTO_TEST_CASE(wrong_and_blank_values_rewritten_in_place) {
  FillResult r = fill(kCase);
  BOOST_REQUIRE_EQUAL(r.edits.size(), 3u);
  // In file order; each at the place the loader recorded, quotes included.
  BOOST_TEST(r.edits[0].step == "Y");
  BOOST_TEST(r.edits[0].label == "y2[1]");
  BOOST_TEST(r.edits[0].before == "5");
  BOOST_TEST(r.edits[0].after == "4");
  BOOST_TEST(r.edits[0].offset == kCase.find("5], [6"));
  BOOST_TEST(r.edits[0].loc.line == 8u);
  BOOST_TEST(r.edits[0].loc.column == 18u);
  BOOST_TEST(r.edits[1].label == "T[1,1]");
  BOOST_TEST(r.edits[1].before == "\"?\"");
  BOOST_TEST(r.edits[1].after == "0.33");  // the step prints 2 decimals
  BOOST_TEST(r.edits[2].label == "T[2,2]");
  BOOST_TEST(r.edits[2].before == "1.4");
  BOOST_TEST(r.edits[2].after == "1.3");  // 4/3 to the cell's own decimal
  // Comments and layout stay as written.
  std::string expected = test::replace_once(
      test::replace_once(test::replace_once(kCase, "[[2, 5]", "[[2, 4]"), "[[\"?\", 0.67]", "[[0.33, 0.67]"),
      "1.4]]", "1.3]]");
  BOOST_TEST(r.text == expected);
  BOOST_TEST(fill(r.text).edits.empty());  // filled once, nothing more to fill
}

BOOST_AUTO_TEST_CASE(blanks_only) {
  FillResult r = fill(kCase, FillOptions{true, LoadLimits{}});
  BOOST_REQUIRE_EQUAL(r.edits.size(), 1u);
  BOOST_TEST(r.edits[0].label == "T[1,1]");
  BOOST_TEST(r.text == test::replace_once(kCase, "[[\"?\", 0.67]", "[[0.33, 0.67]"));
}

// The filled text is loaded under the limits the case was read with: at the default file size
// a filled case a few bytes over it is refused; with a larger limit (--max-file-size) it is not.
BOOST_AUTO_TEST_CASE(the_filled_case_loads_under_the_case_limits) {
  FillOptions tight;
  tight.load.max_file_bytes = kCase.size();  // the filled text is a byte longer ("?" -> 0.33)
  BOOST_TEST(test::error_of([&] { fill(kCase, tight); }).find("the filled case would not load") != std::string::npos);
  FillOptions roomy;
  roomy.load.max_file_bytes = kCase.size() + 1;
  BOOST_TEST(fill(kCase, roomy).edits.size() == 3u);
}

// 125/3 = 41.67 printed "42." is a decimal with no decimals, right within 1/2: it stays, and 41.
// becomes 42. (not the integer 42, which must be equal); 4.2e1 is the same number as 42.
BOOST_AUTO_TEST_CASE(a_decimal_with_no_decimals_stays_one) {
  BOOST_TEST(format_case_number(Real(q("125/3")), {0, 0, true}) == "42.");
  FillResult r = fill(R"(format: handcheck/1
inputs: {a: [[125, 125, 125]], b: 3}
steps:
  - name: s
    do: a / b
    stated: [[42., 4.2e1, 41.]]
)");
  BOOST_REQUIRE_EQUAL(r.edits.size(), 1u);
  BOOST_TEST(r.edits[0].before == "41.");
  BOOST_TEST(r.edits[0].after == "42.");
}

// floor(sqrt(2) * sqrt(2)) is 2, but no enclosure shows it: undecided in [1, 2]. Nothing is
// written for it (a guess, 1.50000, was), and the case is not filled.
BOOST_AUTO_TEST_CASE(an_undecided_value_is_not_filled) {
  BOOST_CHECK_THROW(format_case_number(real_between(q("1"), q("2")), {5, 0}), Undecided);
  BOOST_CHECK_THROW(format_case_number(real_between(q("1"), q("2")), {-1, 3}), Undecided);
  std::string source = R"(format: handcheck/1
follows: exact
inputs:
  x: 2
steps:
  - name: Y
    do: floor(sqrt(x) * sqrt(x))
    stated: 2
)";
  BOOST_TEST(test::error_of([&] { fill(source); }).find("Y[1,1] is not decided") != std::string::npos,
             test::error_of([&] { fill(source); }));
}

BOOST_AUTO_TEST_CASE(an_unreadable_case_throws_its_error) {
  BOOST_CHECK_THROW(fill_case("", audit_file("/nonexistent/case.yaml")), Error);
}

BOOST_AUTO_TEST_CASE(unified_diffs) {
  BOOST_TEST(unified_diff("a\nb\n", "a\nb\n", "f") == "");
  const std::string ten = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
  // Changes more than twice the context apart: two hunks.
  BOOST_TEST(unified_diff(ten, "a\nB\nc\nd\ne\nf\ng\nh\ni\nJ\n", "f.yaml") ==
             "--- f.yaml\n+++ f.yaml\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -7,4 +7,4 @@\n g\n h\n i\n-j\n+J\n");
  // Six lines apart: one hunk.
  BOOST_TEST(unified_diff(ten, "a\nB\nc\nd\ne\nf\ng\nH\ni\nj\n", "f") ==
             "--- f\n+++ f\n@@ -1,10 +1,10 @@\n a\n-b\n+B\n c\n d\n e\n f\n g\n-h\n+H\n i\n j\n");
  // Adjacent changed lines: removals, then additions.
  BOOST_TEST(unified_diff("a\nb\nc\n", "a\nB\nC\n", "f") == "--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n-c\n+B\n+C\n");
  BOOST_TEST(unified_diff("x", "y", "n") ==
             "--- n\n+++ n\n@@ -1,1 +1,1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n");
  BOOST_TEST(unified_diff("a\n", "a\nb\n", "n") == "--- n\n+++ n\n@@ -1,1 +1,2 @@\n-a\n+a\n+b\n");
}

BOOST_AUTO_TEST_CASE(a_diff_shows_a_case_line_as_a_terminal_can_show_it) {
  // An escape sequence and a right-to-left override in a comment reach the terminal escaped;
  // a CRLF line ending stays as it is.
  BOOST_TEST(unified_diff("x: 1 # \x1b[2J\u202e\r\n", "x: 2 # \x1b[2J\u202e\r\n", "n") ==
             "--- n\n+++ n\n@@ -1,1 +1,1 @@\n-x: 1 # \\x1b[2J[U+202E]\r\n+x: 2 # \\x1b[2J[U+202E]\r\n");
}

BOOST_AUTO_TEST_SUITE_END()
