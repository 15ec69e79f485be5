#include "handcheck/render/key_latex.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "key_common.hpp"

namespace handcheck {

namespace {

using keys::CellView;
using keys::ItemView;

std::string tt(std::string_view s) { return "\\texttt{" + keys::escape_latex(s) + "}"; }

// A bmatrix of one matrix; `gap` is extra space between rows of tall entries ("6pt").
template <class F>
std::string bmatrix(const ItemView& v, F cell, std::string_view gap = "") {
  std::string out = "\\begin{bmatrix}\n";
  // \\[gap] would only deepen the row's strut, which a tall entry already exceeds.
  std::string end_row = gap.empty() ? " \\\\\n" : " \\\\\\noalign{\\vskip " + std::string(gap) + "}\n";
  for (std::size_t r = 0; r < v.shape.rows; ++r) {
    for (std::size_t c = 0; c < v.shape.cols; ++c) out += (c ? " & " : "  ") + cell(v.cells(r, c));
    out += r + 1 < v.shape.rows ? end_row : "\n";
  }
  return out + "\\end{bmatrix}";
}

// Display math, shrunk to the line width when wider than it.
std::string display(const std::string& math) {
  return "\\begin{center}\\fitline{$\\displaystyle " + math + "$}\\end{center}\n";
}

template <class F>
std::string matrix(const ItemView& v, std::string_view label, F cell, std::string_view gap = "") {
  return display(std::string(label) + " = " + bmatrix(v, cell, gap));
}

// Exact fractions, and beside them their decimals when any is not an integer.
std::string hand_matrix(const ItemView& v, std::string_view label) {
  bool fractions = false;
  for (const auto& c : v.cells) fractions = fractions || !c.hand_decimal.empty();
  std::string math = std::string(label) + " = " + bmatrix(v, [](const CellView& c) {
    // Full-size fractions: a matrix entry is set in text style, too small for p/q.
    std::string f = keys::latex_number(c.hand);
    return c.hand_decimal.empty() ? f : "{\\displaystyle " + f + "}";
  }, fractions ? "8pt" : "");
  if (fractions)
    math += " \\approx " + bmatrix(v, [](const CellView& c) {
      return keys::latex_number(c.hand_decimal.empty() ? c.hand : c.hand_decimal);
    });
  return display(math);
}

std::string stated_cell(const CellView& c) {
  if (!c.stated) return "\\cdot";
  const keys::StatedMark& s = *c.stated;
  if (s.blank) return "\\square";
  std::string t = keys::latex_number(s.text);
  switch (s.verdict) {
    case Verdict::ok: return t;
    case Verdict::erratum: return "\\boxed{" + t + "}";
    case Verdict::carried: return "\\underline{" + t + "}";
    case Verdict::undecided: return t + "^{?}";
  }
  return t;
}

std::string math_name(std::string_view name, std::string_view which = "") {
  std::string s = "\\text{\\ttfamily " + keys::escape_latex(name) + "}";
  if (!which.empty()) s += "_{\\text{" + std::string(which) + "}}";
  return s;
}

void item_section(std::string& out, const ItemView& v, std::size_t number) {
  if (v.is_input)
    out += fmt::format("\\section*{{{}.~Input {}}}\n", number, tt(v.name));
  else if (v.same_expression)
    out += fmt::format("\\section*{{{}.~{}}}\n", number, tt(v.name + " = " + v.hand_expr));
  else
    out += fmt::format("\\section*{{{}.~Step {}}}\nBy hand: {}\\quad exactly: {}\n\n", number, tt(v.name),
                       tt(v.name + " = " + v.hand_expr), tt(v.name + " = " + v.exact_expr));
  if (!v.item->explain.empty()) out += keys::escape_latex(v.item->explain) + "\n\n";
  if (v.shape.cells() == 0) {
    out += "\\emph{Not computed: both pipelines stop before this step.}\n\n";
    return;
  }
  if (v.is_input || v.hand_equals_exact) {
    if (!v.is_input) out += "Hand and exact values agree exactly:\n";
    out += hand_matrix(v, math_name(v.name));
  } else {
    if (v.has_hand)
      out += (v.hand_rational ? "By hand, in exact fractions:\n" : "By hand, irrational values to their certified digits:\n") +
             hand_matrix(v, math_name(v.name, "hand"));
    else out += "\\emph{By hand: not computed, the hand pipeline stops before this step.}\n\n";
    if (v.has_exact)
      out += fmt::format("Exactly, certified to {} significant digits:\n", v.digits) +
             matrix(v, math_name(v.name, "exact"), [](const CellView& c) { return keys::latex_number(c.exact, 10); }, "10pt");
    else out += "\\emph{Exactly: not computed, the exact pipeline stops before this step.}\n\n";
  }
  if (!v.approximation.empty()) {
    out += "\\begin{itemize}\n";
    for (const auto& line : v.approximation) out += "\\item{} " + keys::escape_latex(line) + "\n";
    out += "\\end{itemize}\n";
  }
  if (v.stated + v.blank > 0) {
    out += "Stated on the worksheet (boxed: erratum; underlined: carried from an earlier erratum; "
           "$\\square$: blank; $\\cdot$: not stated):\n";
    out += matrix(v, math_name(v.name, "stated"), stated_cell);
    std::string notes;
    for (std::size_t r = 0; r < v.shape.rows; ++r)
      for (std::size_t c = 0; c < v.shape.cols; ++c) {
        const auto& cell = v.cells(r, c);
        if (cell.stated && !cell.stated->blank && cell.stated->verdict != Verdict::ok)
          notes += "\\item{} " + tt(cell.label) + ": " + keys::escape_latex(keys::verdict_note(*cell.stated)) + "\n";
      }
    if (!notes.empty()) out += "\\begin{itemize}\n" + notes + "\\end{itemize}\n";
  }
}

}  // namespace

std::string render_key_latex(const CaseAudit& a, const KeyOptions& options) {
  keys::KeyView k = keys::build_key_view(a, options);
  std::size_t cols = 10;
  for (const auto& v : k.items) cols = std::max(cols, v.shape.cols);
  std::string out = fmt::format(
      "\\documentclass[11pt]{{article}}\n"
      "\\usepackage[margin=2cm]{{geometry}}\n"
      "\\usepackage{{amsmath,amssymb}}\n"
      "\\usepackage{{graphicx}}\n"
      "\\setcounter{{MaxMatrixCols}}{{{}}}\n"
      "\\setlength{{\\parindent}}{{0pt}}\n"
      "\\setlength{{\\parskip}}{{4pt}}\n"
      "\\renewcommand{{\\arraystretch}}{{1.3}}\n"
      "\\newsavebox{{\\hcbox}}\n"
      "% Wide matrices shrink to the line rather than run into the margin.\n"
      "\\newcommand{{\\fitline}}[1]{{\\sbox{{\\hcbox}}{{#1}}\\ifdim\\wd\\hcbox>\\linewidth"
      "\\resizebox{{\\linewidth}}{{!}}{{\\usebox{{\\hcbox}}}}\\else\\usebox{{\\hcbox}}\\fi}}\n"
      "\\title{{Answer key: {}}}\n"
      "\\author{{}}\n"
      "\\date{{}}\n"
      "\\begin{{document}}\n"
      "\\maketitle\n\n",
      cols, keys::escape_latex(k.title.empty() ? k.file : k.title));
  if (!k.source.empty()) out += "\\textbf{Source:} " + keys::escape_latex(k.source) + "\n\n";
  out += fmt::format(
      "Hand values are exact fractions, with their decimals beside them (an irrational one, where a hand step "
      "takes a root or an exponential, by its certified digits). Exact values are certified: every "
      "printed digit is proven. The stated numbers of this worksheet follow the {} pipeline.\n\n",
      k.follows);
  if (!k.errata.empty()) {
    out += "\\section*{Errata}\n\\begin{itemize}\n";
    for (const auto& g : k.errata) {
      ErratumWords w = erratum_words(*k.audit, g);
      out += "\\item{} " + keys::escape_latex(w.headline);
      if (!w.consequence.empty()) out += " --- " + keys::escape_latex(w.consequence);
      out += "\n";
      for (const auto& line : w.carried) out += "\\\\ carried in " + keys::escape_latex(line) + "\n";
    }
    out += "\\end{itemize}\n";
  }
  for (const auto& note : k.notes) out += "\\emph{" + keys::escape_latex(note) + "}\n\n";
  for (std::size_t i = 0; i < k.items.size(); ++i) item_section(out, k.items[i], i + 1);
  return out + "\\end{document}\n";
}

}  // namespace handcheck
