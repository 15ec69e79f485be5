#include "key_common.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>

#include "handcheck/model/printing.hpp"
#include "handcheck/detail/text.hpp"
#include "handcheck/printable.hpp"

namespace handcheck::keys {

namespace {

// Text-mode LaTeX for the non-ASCII characters worksheets use; others print as [U+XXXX].
const std::map<long, std::string_view>& latex_unicode() {
  static const std::map<long, std::string_view> m{
      {0x00A0, "~"}, {0x00A7, "\\S{}"}, {0x00A9, "\\copyright{}"}, {0x00B0, "\\ensuremath{^\\circ}"},
      {0x00B1, "\\ensuremath{\\pm}"}, {0x00B2, "\\ensuremath{^2}"}, {0x00B3, "\\ensuremath{^3}"},
      {0x00B9, "\\ensuremath{^1}"}, {0x00B5, "\\ensuremath{\\mu}"}, {0x00B6, "\\P{}"},
      {0x00B7, "\\ensuremath{\\cdot}"}, {0x00BD, "\\ensuremath{\\tfrac12}"}, {0x00D7, "\\ensuremath{\\times}"},
      {0x00F7, "\\ensuremath{\\div}"}, {0x00A3, "\\pounds{}"}, {0x00DF, "\\ss{}"}, {0x00C6, "\\AE{}"},
      {0x00E6, "\\ae{}"}, {0x00D8, "\\O{}"}, {0x00F8, "\\o{}"}, {0x00C5, "\\AA{}"}, {0x00E5, "\\aa{}"},
      {0x0152, "\\OE{}"}, {0x0153, "\\oe{}"}, {0x00C7, "\\c{C}"}, {0x00E7, "\\c{c}"},
      {0x2013, "--"}, {0x2014, "---"}, {0x2018, "`"}, {0x2019, "'"}, {0x201C, "``"}, {0x201D, "''"},
      {0x2026, "\\ldots{}"}, {0x2022, "\\ensuremath{\\bullet}"}, {0x2032, "\\ensuremath{'}"},
      {0x2212, "\\ensuremath{-}"}, {0x2190, "\\ensuremath{\\leftarrow}"}, {0x2192, "\\ensuremath{\\rightarrow}"},
      {0x21D2, "\\ensuremath{\\Rightarrow}"}, {0x2194, "\\ensuremath{\\leftrightarrow}"},
      {0x2202, "\\ensuremath{\\partial}"}, {0x2207, "\\ensuremath{\\nabla}"}, {0x2208, "\\ensuremath{\\in}"},
      {0x220F, "\\ensuremath{\\prod}"}, {0x2211, "\\ensuremath{\\sum}"}, {0x221A, "\\ensuremath{\\surd}"},
      {0x221D, "\\ensuremath{\\propto}"}, {0x221E, "\\ensuremath{\\infty}"}, {0x2218, "\\ensuremath{\\circ}"},
      {0x222B, "\\ensuremath{\\int}"}, {0x223C, "\\ensuremath{\\sim}"}, {0x2248, "\\ensuremath{\\approx}"},
      {0x2260, "\\ensuremath{\\neq}"}, {0x2261, "\\ensuremath{\\equiv}"}, {0x2264, "\\ensuremath{\\leq}"},
      {0x2265, "\\ensuremath{\\geq}"}, {0x2299, "\\ensuremath{\\odot}"}, {0x2297, "\\ensuremath{\\otimes}"},
      {0x22C5, "\\ensuremath{\\cdot}"}, {0x2713, "\\ensuremath{\\checkmark}"}, {0x2717, "\\ensuremath{\\times}"},
      {0x20AC, "EUR"},
  };
  return m;
}

std::string latex_code_point(long cp) {
  static constexpr std::array<std::string_view, 25> greek_lower{
      "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
      "xi",    "o",    "pi",    "rho",   "varsigma", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"};
  static constexpr std::array<std::string_view, 25> greek_upper{
      "A", "B", "\\Gamma", "\\Delta", "E", "Z", "H", "\\Theta", "I", "K", "\\Lambda", "M", "N",
      "\\Xi", "O", "\\Pi", "P", "", "\\Sigma", "T", "\\Upsilon", "\\Phi", "X", "\\Psi", "\\Omega"};
  if (auto it = latex_unicode().find(cp); it != latex_unicode().end()) return std::string(it->second);
  if (cp >= 0x03B1 && cp <= 0x03C9) {
    std::string_view g = greek_lower[static_cast<std::size_t>(cp - 0x03B1)];
    return g == "o" ? "o" : fmt::format("\\ensuremath{{\\{}}}", g);
  }
  if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2) {
    std::string_view g = greek_upper[static_cast<std::size_t>(cp - 0x0391)];
    return g.starts_with("\\") ? fmt::format("\\ensuremath{{{}}}", g) : std::string(g);
  }
  // Latin-1 letters with an accent: the base letter with its accent command.
  static constexpr std::string_view latin1 =  // 0xC0..0xFF as accent + letter; blank: none or mapped above
      "`A'A^A~A\"A      `E'E^E\"E`I'I^I\"I"
      "  ~N`O'O^O~O\"O    `U'U^U\"U'Y    "
      "`a'a^a~a\"a      `e'e^e\"e`i'i^i\"i"
      "  ~n`o'o^o~o\"o    `u'u^u\"u'y  \"y";
  static_assert(latin1.size() == 128);
  if (cp >= 0xC0 && cp <= 0xFF) {
    auto k = static_cast<std::size_t>(cp - 0xC0) * 2;
    char accent = latin1[k], letter = latin1[k + 1];
    if (accent != ' ') {
      if (letter == 'i' && accent != '~') return fmt::format("\\{}{{\\i}}", accent);
      return fmt::format("\\{}{{{}}}", accent, letter);
    }
  }
  return fmt::format("[U+{:04X}]", cp);
}

}  // namespace

std::string verdict_note(const StatedMark& s) {
  if (s.blank) return "blank on the sheet";
  switch (s.verdict) {
    case Verdict::ok: return fmt::format("ok: the sheet prints {}", s.text);
    case Verdict::erratum: {
      std::string after = s.downstream == Downstream::correct  ? " (a typo: later steps use the correct value)"
                          : s.downstream == Downstream::stated ? " (later steps use the printed value)"
                          : s.downstream == Downstream::mixed  ? " (later steps use both values)"
                                                               : "";
      return fmt::format("erratum: the sheet prints {}, should be {}{}", s.text, s.expected, after);
    }
    case Verdict::carried:
      return fmt::format("carried: the sheet prints {}, which follows from an earlier erratum (correct: {})", s.text,
                         s.expected);
    case Verdict::undecided:
      return fmt::format("undecided: the sheet prints {}; no precision tells whether it matches {}", s.text,
                         s.expected_full);
  }
  return "";
}

std::string escape_html(std::string_view raw) { return detail::escape_markup(raw, detail::Markup::html); }

std::string escape_markdown(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    // One paragraph: newlines would end a table row or a block quote.
    if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (std::string_view("\\`*_[]<>|~$&#!").find(ch) != std::string_view::npos) out += '\\';
    out += ch;
  }
  return printable(out);
}

std::string markdown_code(std::string_view s) {
  std::string body;
  for (char ch : s) {
    if (ch == '\n' || ch == '\r') body += ' ';
    else if (ch == '|') body += "\\|";
    else body += ch;
  }
  body = printable(body);
  // CommonMark: a code span ends at a run of backticks as long as its opening one, so the
  // fence is longer than any run inside; a space pads text that starts or ends with a backtick
  // (one is stripped from each end when both are there).
  std::size_t longest = 0, run = 0;
  for (char ch : body) {
    run = ch == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  if (longest == 0 && !(body.size() > 1 && body.front() == ' ' && body.back() == ' ')) return fence + body + fence;
  return fence + " " + body + " " + fence;
}

std::string escape_latex(std::string_view s) {
  std::string out;
  bool open_quote = true;
  for (std::size_t i = 0; i < s.size();) {
    long cp = detail::next_code_point(s, i);
    switch (cp) {
      case -1: out += '?'; break;
      case '\\': out += "\\textbackslash{}"; break;
      case '{': out += "\\{"; break;
      case '}': out += "\\}"; break;
      case '$': out += "\\$"; break;
      case '&': out += "\\&"; break;
      case '#': out += "\\#"; break;
      case '%': out += "\\%"; break;
      case '_': out += "\\_"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '<': out += "\\ensuremath{<}"; break;
      case '>': out += "\\ensuremath{>}"; break;
      case '|': out += "\\ensuremath{|}"; break;
      case '"': out += open_quote ? "``" : "''"; open_quote = !open_quote; break;
      case '-': out += (i < s.size() && s[i] == '-') ? "-{}" : "-"; break;  // no -- ligature
      case '\n': case '\r': case '\t': out += ' '; break;
      default:
        // Control characters visibly, as the other outputs write them.
        if (cp < 0x20 || cp == 0x7F) out += fmt::format("\\textbackslash{{}}x{:02x}", cp);
        else if ((cp >= 0x80 && cp < 0xA0) || cp == 0xFFFE || cp == 0xFFFF) out += fmt::format("\\textbackslash{{}}u{:04x}", cp);
        else if (cp < 0x80) out += static_cast<char>(cp);
        else out += latex_code_point(cp);
    }
  }
  return out;
}

std::string latex_number(std::string_view s, std::size_t wrap) {
  if (s.size() > 2 && s.front() == '[' && s.back() == ']') {
    auto comma = s.find(", ");
    if (comma != std::string_view::npos)
      return "[" + latex_number(s.substr(1, comma - 1), wrap) + ",\\ " +
             latex_number(s.substr(comma + 2, s.size() - comma - 3), wrap) + "]";
  }
  std::string_view body = s;
  bool ellipsis = body.ends_with("…");
  if (ellipsis) body.remove_suffix(std::string_view("…").size());
  bool negative = !body.empty() && body[0] == '-';
  if (negative) body.remove_prefix(1);
  bool ok = !body.empty() && body.find_first_not_of("0123456789./e+-") == std::string_view::npos &&
            std::isdigit(static_cast<unsigned char>(body[0]));
  if (!ok) return "\\text{" + escape_latex(s) + "}";
  std::string sign = negative ? "-" : "";
  if (auto slash = body.find('/'); slash != std::string_view::npos)
    return sign + fmt::format("\\frac{{{}}}{{{}}}", body.substr(0, slash), body.substr(slash + 1));
  std::string_view mant = body, exp;
  if (auto e = body.find('e'); e != std::string_view::npos) {
    mant = body.substr(0, e);
    exp = body.substr(e + 1);
    if (exp.starts_with("+")) exp.remove_prefix(1);
  }
  auto dot = mant.find('.');
  std::string_view whole = mant.substr(0, dot), fraction = dot == std::string_view::npos ? "" : mant.substr(dot + 1);
  std::string tail = std::string(ellipsis ? "\\ldots" : "") + (exp.empty() ? "" : fmt::format("\\times 10^{{{}}}", exp));
  // Fraction digits in groups of five, as tables of constants print them.
  auto grouped = [&](std::string_view digits) {
    std::string g;
    for (std::size_t k = 0; k < digits.size(); ++k) g += (k && k % 5 == 0 ? "\\," : "") + std::string(1, digits[k]);
    return g;
  };
  if (fraction.empty()) return sign + std::string(whole) + tail;
  if (fraction.size() <= 6) return sign + std::string(whole) + "." + std::string(fraction) + tail;
  if (wrap == 0 || fraction.size() <= wrap + 2) return sign + std::string(whole) + "." + grouped(fraction) + tail;
  std::string lead = sign + std::string(whole) + ".";
  // Top-aligned, so that the entries of a row line up on their first line; a short remainder
  // joins the last line rather than standing alone.
  std::vector<std::string_view> lines;
  for (std::size_t k = 0; k < fraction.size(); k += wrap) lines.push_back(fraction.substr(k, wrap));
  if (lines.size() > 1 && lines.back().size() <= wrap / 2) {
    std::size_t extra = lines.back().size();
    lines.pop_back();
    lines.back() = std::string_view(lines.back().data(), lines.back().size() + extra);
  }
  std::string out = "\\begin{array}[t]{@{}l@{}}" + lead + grouped(lines[0]);
  for (std::size_t k = 1; k < lines.size(); ++k) out += "\\\\\\phantom{" + lead + "}" + grouped(lines[k]);
  return out + tail + "\\end{array}";
}

}  // namespace handcheck::keys
