#include <boost/test/unit_test.hpp>

#include "key_common.hpp"
#include "test_support.hpp"

using namespace handcheck;
using namespace handcheck::keys;

BOOST_AUTO_TEST_SUITE(render_key_common)

BOOST_AUTO_TEST_CASE(verdict_notes) {
  StatedMark s;
  s.text = "1";
  s.expected = "2";
  s.expected_full = "1.99999";
  BOOST_TEST(verdict_note(s) == "ok: the sheet prints 1");
  s.verdict = Verdict::erratum;
  BOOST_TEST(verdict_note(s) == "erratum: the sheet prints 1, should be 2");
  s.downstream = Downstream::correct;
  BOOST_TEST(verdict_note(s) == "erratum: the sheet prints 1, should be 2 (a typo: later steps use the correct value)");
  s.downstream = Downstream::stated;
  BOOST_TEST(verdict_note(s) == "erratum: the sheet prints 1, should be 2 (later steps use the printed value)");
  s.downstream = Downstream::mixed;
  BOOST_TEST(verdict_note(s) == "erratum: the sheet prints 1, should be 2 (later steps use both values)");
  s.verdict = Verdict::carried;
  BOOST_TEST(verdict_note(s) == "carried: the sheet prints 1, which follows from an earlier erratum (correct: 2)");
  s.verdict = Verdict::undecided;
  BOOST_TEST(verdict_note(s) == "undecided: the sheet prints 1; no precision tells whether it matches 1.99999");
  s.blank = true;
  BOOST_TEST(verdict_note(s) == "blank on the sheet");
}

BOOST_AUTO_TEST_CASE(html_escaping) {
  BOOST_TEST(escape_html("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
  BOOST_TEST(escape_html("") == "");
  BOOST_TEST(escape_html("α ≈ 3") == "α ≈ 3");
}

BOOST_AUTO_TEST_CASE(markdown_escaping) {
  // One paragraph: runs of white space become one space, none at the ends.
  BOOST_TEST(escape_markdown("  a\n\n b*c ") == "a b\\*c");
  BOOST_TEST(escape_markdown("\\`*_[]<>|~$&#!") == "\\\\\\`\\*\\_\\[\\]\\<\\>\\|\\~\\$\\&\\#\\!");
  BOOST_TEST(escape_markdown("") == "");
  BOOST_TEST(markdown_code("a|b\nc") == "`a\\|b c`");
  BOOST_TEST(markdown_code("a`b") == "`` a`b ``");
  BOOST_TEST(markdown_code("") == "``");
  // The fence is longer than any run of backticks inside (CommonMark), padded when the text
  // starts or ends with one, or with a space at both ends (one of each is stripped).
  BOOST_TEST(markdown_code("a``<img src=x>``c") == "``` a``<img src=x>``c ```");
  BOOST_TEST(markdown_code("`a") == "`` `a ``");
  BOOST_TEST(markdown_code("a```") == "```` a``` ````");
  BOOST_TEST(markdown_code(" a ") == "`  a  `");
  // Control characters written visibly, invalid UTF-8 replaced, in code and in prose.
  BOOST_TEST(markdown_code("e\x1b[31m\xC2\x9B\xff\x7f") == "`e\\x1b[31m\\u009b\xEF\xBF\xBD\\x7f`");
  BOOST_TEST(escape_markdown("a\x07" "b\xC2\x9B") == "a\\x07b\\u009b");
}

BOOST_AUTO_TEST_CASE(latex_escaping) {
  BOOST_TEST(escape_latex("a_b 50% {x} $y & #z") == "a\\_b 50\\% \\{x\\} \\$y \\& \\#z");
  BOOST_TEST(escape_latex("\\^~") == "\\textbackslash{}\\textasciicircum{}\\textasciitilde{}");
  BOOST_TEST(escape_latex("a--b") == "a-{}-b");  // no en dash ligature
  BOOST_TEST(escape_latex("\"x\" \"y\"") == "``x'' ``y''");
  BOOST_TEST(escape_latex("a\tb\nc") == "a b c");
  // UTF-8 in, ASCII out: accents, Greek, symbols, and anything else by its code point.
  BOOST_TEST(escape_latex("é ï Ç") == "\\'{e} \\\"{\\i} \\c{C}");
  BOOST_TEST(escape_latex("α Ω A") == "\\ensuremath{\\alpha} \\ensuremath{\\Omega} A");
  BOOST_TEST(escape_latex("≤ — …") == "\\ensuremath{\\leq} --- \\ldots{}");
  BOOST_TEST(escape_latex("中") == "[U+4E2D]");
  // Invalid UTF-8 and control characters, visibly.
  BOOST_TEST(escape_latex("a\xff" "b") == "a?b");
  BOOST_TEST(escape_latex("\xe2\x82") == "?");
  BOOST_TEST(escape_latex(std::string("\x01", 1)) == "\\textbackslash{}x01");
  BOOST_TEST(escape_latex("\xc2\x85") == "\\textbackslash{}u0085");
  BOOST_TEST(escape_latex("") == "");
}

BOOST_AUTO_TEST_CASE(latex_numbers) {
  BOOST_TEST(latex_number("3/10") == "\\frac{3}{10}");
  BOOST_TEST(latex_number("-3/10") == "-\\frac{3}{10}");
  BOOST_TEST(latex_number("-0.25") == "-0.25");
  BOOST_TEST(latex_number("12") == "12");
  BOOST_TEST(latex_number("1.2e-7") == "1.2\\times 10^{-7}");
  BOOST_TEST(latex_number("1e+5") == "1\\times 10^{5}");
  BOOST_TEST(latex_number("0.3651…") == "0.3651\\ldots");
  BOOST_TEST(latex_number("[0.1, 0.2]") == "[0.1,\\ 0.2]");
  // Fraction digits in groups of five beyond six.
  BOOST_TEST(latex_number("0.123456") == "0.123456");
  BOOST_TEST(latex_number("0.1234567") == "0.12345\\,67");
  BOOST_TEST(latex_number("0.123456789012", 4) ==
             "\\begin{array}[t]{@{}l@{}}0.1234\\\\\\phantom{0.}5678\\\\\\phantom{0.}9012\\end{array}");
  // A short remainder joins the last line: 10 digits by 4 are 4 + 6.
  BOOST_TEST(latex_number("0.1234567890", 4) ==
             "\\begin{array}[t]{@{}l@{}}0.1234\\\\\\phantom{0.}56789\\,0\\end{array}");
  // No more than wrap + 2 digits: one line.
  BOOST_TEST(latex_number("0.123456", 4) == "0.123456");
  // Not a number: text.
  BOOST_TEST(latex_number("not computed") == "\\text{not computed}");
  BOOST_TEST(latex_number("") == "\\text{}");
  BOOST_TEST(latex_number("-") == "\\text{-}");
}

BOOST_AUTO_TEST_SUITE_END()
