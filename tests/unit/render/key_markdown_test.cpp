#include <boost/test/unit_test.hpp>

#include "handcheck/render/key_markdown.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {

const CaseAudit& seed() {
  static const CaseAudit a = audit_file(test::source_path("cases/self-attention-6-3.yaml"));
  return a;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_key_markdown_)

BOOST_AUTO_TEST_CASE(markdown_key_of_the_seed) {
  std::string md = render_key_markdown(seed());
  BOOST_TEST(md.find("# Answer key: Self-attention, a 6-3 attention head\n") == 0u);
  // The explanation of step Q, escaped for Markdown.
  BOOST_TEST(md.find("> \\[2\\] Multiply the features by the query matrix: column j of Q = WQ X is the query vector") !=
             std::string::npos);
  BOOST_TEST(md.find("## 5. `Q = WQ @ X`") != std::string::npos);
  // Fractions with their decimals, in a table row.
  BOOST_TEST(md.find("| **k1** | 3/10 (0.3) | 3/14 (0.214286…) | 3/8 (0.375) | 9/22 (0.409091…) |") !=
             std::string::npos);
  BOOST_TEST(md.find("| **1** | 8/5 (1.6) |") != std::string::npos);
  BOOST_TEST(md.find("- by hand: `S_scaled = floor(S / 2)`\n- exactly: `S_scaled = S / sqrt(3)`") != std::string::npos);
  BOOST_TEST(md.find("0.365189 ") != std::string::npos);
  BOOST_TEST(md.find("| **3** | 1 ✓ | **1** ✗ (2) | 1 ✓ | 2 ✓ |") != std::string::npos);
  BOOST_TEST(md.find("- `q2[3]`: erratum: the sheet prints 1, should be 2") != std::string::npos);
}

// A hand step may take a root or an exponential: its values are then not fractions, and the
// key says so instead of calling them exact fractions.
BOOST_AUTO_TEST_CASE(markdown_key_says_which_hand_values_are_fractions) {
  std::string md = render_key_markdown(test::audit_text(R"(format: handcheck/1
title: roots by hand
inputs:
  x: [[2, 4]]
steps:
  - name: R
    hand: sqrt(x)
    exact: sqrt(x) + 0
  - name: H
    hand: x / 2
    exact: x / 3
)"));
  BOOST_TEST(md.find("**Hand** (exact fractions, certified to 6 significant digits where irrational):\n\n"
                     "|   | 1 | 2 |\n|---|---:|---:|\n| **1** | 1.41421 | 2 |") != std::string::npos);
  BOOST_TEST(md.find("**Hand** (exact fractions):\n") != std::string::npos);  // step H
  BOOST_TEST(md.find("**Hand** (exact fractions):\n") > md.find("## 3."));
}

BOOST_AUTO_TEST_CASE(markdown_escapes_case_text) {
  std::string yaml = test::read_file(test::source_path("cases/self-attention-6-3.yaml"));
  yaml = test::replace_once(yaml, "title: Self-attention, a 6-3 attention head", "title: 'a *b* _c_ [d](e) | f'");
  std::string md = render_key_markdown(test::audit_text(yaml));
  BOOST_TEST(md.find("# Answer key: a \\*b\\* \\_c\\_ \\[d\\](e) \\| f\n") == 0u);
}

BOOST_AUTO_TEST_CASE(markdown_key_of_an_unevaluated_case_throws) {
  BOOST_CHECK_THROW(render_key_markdown(audit_file("/nonexistent/case.yaml")), Error);
}

BOOST_AUTO_TEST_SUITE_END()
