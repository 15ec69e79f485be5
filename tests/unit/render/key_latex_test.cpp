#include <boost/test/unit_test.hpp>

#include "handcheck/render/key_latex.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {

const CaseAudit& seed() {
  static const CaseAudit a = audit_file(test::source_path("cases/self-attention-6-3.yaml"));
  return a;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_key_latex_)

BOOST_AUTO_TEST_CASE(latex_key_of_the_seed) {
  std::string tex = render_key_latex(seed());
  BOOST_TEST(tex.find("\\documentclass") == 0u);
  BOOST_TEST(tex.find("\\usepackage{amsmath,amssymb}") != std::string::npos);
  BOOST_TEST(tex.find("\\frac{3}{10}") != std::string::npos);
  // A's fractions, then their decimals beside them.
  BOOST_TEST(tex.find("{\\displaystyle \\frac{3}{10}} & {\\displaystyle \\frac{3}{14}} & {\\displaystyle \\frac{3}{8}}") !=
             std::string::npos);
  BOOST_TEST(tex.find("\\approx \\begin{bmatrix}\n  0.3 & 0.214286\\ldots & 0.375 & 0.409091\\ldots \\\\") !=
             std::string::npos);
  BOOST_TEST(tex.find("\\begin{bmatrix}") != std::string::npos);
  BOOST_TEST(tex.find("\\boxed{1}") != std::string::npos);  // the erratum in Q
  BOOST_TEST(tex.find("\\texttt{S\\_scaled = floor(S / 2)}") != std::string::npos);
  BOOST_TEST(tex.find("\\end{document}\n") == tex.size() - 15);
}

BOOST_AUTO_TEST_CASE(latex_escapes_case_text) {
  std::string yaml = test::read_file(test::source_path("cases/self-attention-6-3.yaml"));
  yaml = test::replace_once(yaml, "title: Self-attention, a 6-3 attention head",
                            "title: '100% of $x_1 & #2 {a} ~b^c \\end{document} <é> α ≈ 3 — done'");
  std::string tex = render_key_latex(test::audit_text(yaml));
  BOOST_TEST(tex.find("\\title{Answer key: 100\\% of \\$x\\_1 \\& \\#2 \\{a\\} \\textasciitilde{}b\\textasciicircum{}c "
                      "\\textbackslash{}end\\{document\\} \\ensuremath{<}\\'{e}\\ensuremath{>} \\ensuremath{\\alpha} "
                      "\\ensuremath{\\approx} 3 --- done}") != std::string::npos);
  BOOST_TEST(count(tex, "\\end{document}") == 1u);
}

BOOST_AUTO_TEST_CASE(latex_numbers) {
  std::string tex = render_key_latex(test::audit_text(R"(format: handcheck/1
title: Signs
inputs:
  M: [["-3/10", 1], [2, "-1/2"]]
steps:
  - name: N
    do: M / 2
)"));
  // A negative fraction keeps its sign outside: -\frac{p}{q}, never \frac{-p}{q}.
  BOOST_TEST(tex.find("\\frac{-") == std::string::npos);
  BOOST_TEST(tex.find("-\\frac{3}{20}") != std::string::npos);
  BOOST_TEST(tex.find("-\\frac{1}{4}") != std::string::npos);
  BOOST_TEST(tex.find("-0.15") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(latex_key_of_an_unevaluated_case_throws) {
  BOOST_CHECK_THROW(render_key_latex(audit_file("/nonexistent/case.yaml")), Error);
}

BOOST_AUTO_TEST_SUITE_END()
