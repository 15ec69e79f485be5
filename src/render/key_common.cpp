#include "key_common.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <set>

#include "handcheck/audit/reads.hpp"
#include "handcheck/expr/ast.hpp"
#include "handcheck/model/printing.hpp"
#include "handcheck/printable.hpp"
#include "handcheck/ops/registry.hpp"

namespace handcheck::keys {

namespace {

// Beyond this many operand cells a cell's reads are shown as "every cell of its operands".
constexpr std::size_t kMaxReads = 256;
// A dot product longer than this is summarised rather than written out term by term.
constexpr std::size_t kMaxTerms = 32;

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string s;
  for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? std::string(sep) : std::string()) + parts[i];
  return s;
}

// A value as a factor of a product: fractions and negatives in parentheses.
std::string factor(const std::string& v) {
  if (v.find('/') != std::string::npos || (!v.empty() && v[0] == '-')) return "(" + v + ")";
  return v;
}

int heat(const Rational& q) {
  Integer p = floor_int(q * 100);
  if (p < 0) return 0;
  if (p > 100) return 100;
  return p.convert_to<int>();
}

// A name with its transposes ("K", "K^T"): the operands whose dot products we write out.
const Expr* plain_operand(const Expr& e, bool& transposed) {
  const Expr* x = &e;
  transposed = false;
  while (x->kind == Expr::Kind::transpose) {
    transposed = !transposed;
    x = x->args[0].get();
  }
  return x->kind == Expr::Kind::name ? x : nullptr;
}

// An enclosure of width 0 is its value, printed as exact values are (0, not 0.00000).
std::optional<std::string> point_value(const Real& x) {
  if (!x.is_interval() || x.lower() != x.upper()) return std::nullopt;
  std::string f = to_fraction_string(x.lower());
  return f.size() <= 12 ? std::optional(f) : std::nullopt;
}

std::string exact_digits(const Real& x, int digits) {
  if (auto p = point_value(x)) return *p;
  return describe(x, digits);
}

std::string short_exact(const Real& x) {
  if (x.is_infinite()) return describe(x, 6);
  if (auto p = point_value(x)) return *p;
  if (x.is_exact()) {
    std::string f = to_fraction_string(x.exact());
    return f.size() <= 12 ? f : to_short_decimal(x.exact(), 6);
  }
  if (auto s = certified_significant(x, 6)) return *s + "…";
  return describe(x, 6);
}

class Builder {
 public:
  Builder(const CaseAudit& a, const KeyOptions& options) : a_(a), c_(*a.kase), options_(options) {
    for (std::size_t i = 0; i < c_.items.size(); ++i) {
      const auto* h = hand(i);
      const auto* e = exact(i);
      shapes_.push_back(h ? h->shape() : e ? e->shape() : Shape{});
    }
  }

  KeyView build() {
    KeyView k;
    k.audit = &a_;
    k.file = c_.file;
    k.title = c_.title;
    k.source = c_.source;
    k.follows = c_.follows == Follows::hand ? "hand" : "exact";
    k.digits = c_.digits;
    for (std::size_t i = 0; i < c_.items.size(); ++i) k.items.push_back(item_view(i));
    k.errata = group_errata(a_);
    if (a_.hand && a_.hand->undecided) k.notes.push_back("Hand pipeline: " + a_.hand->undecided->message());
    if (a_.exact && a_.exact->undecided) k.notes.push_back("Exact pipeline: " + a_.exact->undecided->message());
    return k;
  }

 private:
  const Matrix<Real>* hand(std::size_t i) const {
    return a_.hand && i < a_.hand->values.size() && a_.hand->values[i] ? &*a_.hand->values[i] : nullptr;
  }
  const Matrix<Real>* exact(std::size_t i) const {
    return a_.exact && i < a_.exact->values.size() && a_.exact->values[i] ? &*a_.exact->values[i] : nullptr;
  }

  ItemView item_view(std::size_t i) {
    const Item& item = c_.items[i];
    ItemView v;
    v.index = i;
    v.item = &item;
    v.name = item.name;
    v.is_input = item.is_input;
    v.shape = shapes_[i];
    v.digits = display_digits(i);
    if (!item.is_input) {
      v.hand_expr = to_string(*item.hand->ast);
      v.exact_expr = to_string(*item.exact->ast);
      v.same_expression = item.same_expression || v.hand_expr == v.exact_expr;
      for (const Expression* e : {&*item.hand, &*item.exact})
        for (const auto& n : referenced_names(*e->ast)) {
          long j = c_.find(n);
          if (j >= 0 && std::find(v.operands.begin(), v.operands.end(), static_cast<std::size_t>(j)) == v.operands.end())
            v.operands.push_back(static_cast<std::size_t>(j));
        }
    }
    for (std::size_t r = 0; r < v.shape.rows; ++r) v.row_labels.push_back(item.rows.at(r));
    for (std::size_t col = 0; col < v.shape.cols; ++col) v.col_labels.push_back(item.columns.at(col));
    const auto* h = hand(i);
    const auto* e = exact(i);
    v.has_hand = h != nullptr;
    v.has_exact = e != nullptr;
    for (const auto& ap : a_.approximation) {
      if (ap.item != i) continue;
      v.approximation.push_back(fmt::format("hand versus exact: largest difference {} at {}, largest relative {} at {}",
                                            ap.max_abs_diff, item.cell_label(ap.abs_row, ap.abs_col),
                                            ap.max_rel_diff, item.cell_label(ap.rel_row, ap.rel_col)));
      if (ap.probability.empty()) continue;
      v.probability = true;
      v.by_columns = ap.by_columns;
      for (const auto& p : ap.probability) {
        auto who = [](const std::vector<std::string>& names, bool undecided) {
          if (names.size() == 1) return names[0];
          return join(names, ", ") + (undecided ? " (too close to separate)" : " (tie)");
        };
        v.approximation.push_back(fmt::format("{}: largest entry by hand {}, exactly {} ({}); total variation {}",
                                              p.label, who(p.hand_argmax, false),
                                              who(p.exact_argmax, p.exact_undecided),
                                              p.hand_argmax == p.exact_argmax ? "same" : "differs",
                                              p.total_variation));
      }
    }
    v.cells = Matrix<CellView>(v.shape);
    v.hand_equals_exact = h && e;
    for (std::size_t r = 0; r < v.shape.rows; ++r)
      for (std::size_t col = 0; col < v.shape.cols; ++col) {
        CellView& cell = v.cells(r, col);
        cell.label = item.cell_label(r, col);
        if (h) {
          const Real& q = (*h)(r, col);
          cell.hand = exact_digits(q, v.digits);
          if (q.is_exact() && !is_integer(q.exact())) cell.hand_decimal = to_short_decimal(q.exact());
          if (v.probability && !q.is_infinite()) cell.heat_hand = heat(q.is_exact() ? q.exact() : q.lower());
        }
        if (e) {
          const Real& x = (*e)(r, col);
          cell.exact = exact_digits(x, v.digits);
          cell.exact_short = short_exact(x);
          if (v.probability && !x.is_infinite()) cell.heat_exact = heat(x.is_exact() ? x.exact() : x.lower());
          if (!h || !same_value(x, (*h)(r, col))) v.hand_equals_exact = false;
        }
      }
    add_stated(v);
    if (!item.is_input) add_reads_and_how(v);
    return v;
  }

  void add_stated(ItemView& v) {
    const Item& item = *v.item;
    const StepAudit* sa = nullptr;
    for (const auto& s : a_.steps)
      if (s.item == v.index) sa = &s;
    if (!sa || sa->stated.shape() != v.shape) return;
    // Blanks: a null or "?" the sheet prints, as opposed to cells it does not state at all.
    auto mark_blank = [&](std::size_t r, std::size_t col) {
      if (r < v.shape.rows && col < v.shape.cols && !sa->stated(r, col)) {
        v.cells(r, col).stated = StatedMark{true, "?", Verdict::ok, "", "", Downstream::none};
        ++v.blank;
      }
    };
    const Stated& st = *item.stated;
    switch (st.form) {
      case Stated::Form::matrix:
        for (std::size_t r = 0; r < v.shape.rows; ++r)
          for (std::size_t col = 0; col < v.shape.cols; ++col) mark_blank(r, col);
        break;
      case Stated::Form::vectors:
        for (const auto& vec : st.vectors) {
          long col = item.columns.find(vec.label, v.shape.cols), row = item.rows.find(vec.label, v.shape.rows);
          for (std::size_t k = 0; k < vec.cells.size(); ++k)
            if (!vec.cells[k].value) {
              if (col >= 0) mark_blank(k, static_cast<std::size_t>(col));
              else if (row >= 0) mark_blank(static_cast<std::size_t>(row), k);
            }
        }
        break;
      case Stated::Form::cells:
        for (const auto& cell : st.cells)
          if (!cell.cell.value && cell.row >= 1 && cell.col >= 1) mark_blank(cell.row - 1, cell.col - 1);
        break;
    }
    for (const auto& ca : sa->cells) {
      if (ca.row >= v.shape.rows || ca.col >= v.shape.cols) continue;
      v.cells(ca.row, ca.col).stated =
          StatedMark{false, ca.stated.text, ca.verdict, ca.expected_printed, ca.expected, ca.downstream};
      ++v.stated;
      switch (ca.verdict) {
        case Verdict::ok: ++v.ok; break;
        case Verdict::erratum: ++v.erratum; break;
        case Verdict::carried: ++v.carried; break;
        case Verdict::undecided: break;
      }
    }
  }

  void add_reads_and_how(ItemView& v) {
    const Item& item = *v.item;
    for (std::size_t r = 0; r < v.shape.rows; ++r)
      for (std::size_t col = 0; col < v.shape.cols; ++col) {
        CellView& cell = v.cells(r, col);
        std::set<CellRef> reads;
        for (const Expression* e : {&*item.hand, &*item.exact}) {
          auto some = walked_shape(c_, shapes_, *e->ast) == v.shape
                          ? cell_reads(c_, shapes_, *e->ast, r, col, kMaxReads)
                          : std::nullopt;
          if (!some) {
            cell.reads_all = true;
            break;
          }
          reads.insert(some->begin(), some->end());
        }
        if (reads.size() > kMaxReads) cell.reads_all = true;
        if (!cell.reads_all) cell.reads.assign(reads.begin(), reads.end());
        cell.how_hand = how(v, r, col, true);
        cell.how_exact = how(v, r, col, false);
      }
  }

  // Lines that say how one cell is computed in one pipeline, from that pipeline's values.
  std::string how(const ItemView& v, std::size_t r, std::size_t col, bool in_hand) const {
    const Item& item = *v.item;
    const Expression& expr = in_hand ? *item.hand : *item.exact;
    const CellView& cell = v.cells(r, col);
    const std::string& result = in_hand ? cell.hand : cell.exact_short;
    std::string head = fmt::format("{} = {}", cell_name(v, r, col), to_string(*expr.ast));
    if (result.empty())
      return head + (in_hand ? "\nnot computed: the hand pipeline stops before this step"
                             : "\nnot computed: the exact pipeline stops before this step");
    auto value_of = [&](std::size_t i, std::size_t rr, std::size_t cc) -> std::string {
      if (in_hand) {
        const auto* m = hand(i);
        return m ? short_exact((*m)(rr, cc)) : "?";
      }
      const auto* m = exact(i);
      return m ? short_exact((*m)(rr, cc)) : "?";
    };
    // A product of two named matrices: the dot product, term by term.
    const Expr& ast = *expr.ast;
    bool lt = false, rt = false;
    const Expr* l = ast.kind == Expr::Kind::binary && ast.op == '@' ? plain_operand(*ast.args[0], lt) : nullptr;
    const Expr* rr = ast.kind == Expr::Kind::binary && ast.op == '@' ? plain_operand(*ast.args[1], rt) : nullptr;
    if (l && rr) {
      auto li = static_cast<std::size_t>(c_.find(l->name)), ri = static_cast<std::size_t>(c_.find(rr->name));
      Shape ls = shapes_[li];
      std::size_t n = lt ? ls.rows : ls.cols;
      std::string out = fmt::format("{}\n  = row {} of {} · column {} of {}", head, r + 1,
                                    to_string(*ast.args[0]), col + 1, to_string(*ast.args[1]));
      if (n > kMaxTerms) return out + fmt::format("\n  = a sum of {} products\n  = {}", n, result);
      std::vector<std::string> terms, products;
      Rational sum = 0;
      for (std::size_t k = 0; k < n; ++k) {
        std::size_t lr = lt ? k : r, lc = lt ? r : k, br = rt ? col : k, bc = rt ? k : col;
        terms.push_back(factor(value_of(li, lr, lc)) + "×" + factor(value_of(ri, br, bc)));
        const Real* x = hand(li) ? &(*hand(li))(lr, lc) : nullptr;
        const Real* y = hand(ri) ? &(*hand(ri))(br, bc) : nullptr;
        if (in_hand && x && y && x->is_exact() && y->is_exact()) {
          Rational p = x->exact() * y->exact();
          products.push_back(factor(to_fraction_string(p)));
          sum += p;
        }
      }
      out += "\n  = " + join(terms, " + ");
      if (in_hand && products.size() == n && n > 1) {
        out += "\n  = " + join(products, " + ");
        return out + "\n  = " + to_fraction_string(sum);
      }
      return out + "\n  = " + result;
    }
    // Anything else: the operand cells it reads, with their values.
    std::string out = head;
    if (cell.reads_all) {
      std::vector<std::string> names;
      for (std::size_t i : v.operands) names.push_back(c_.items[i].name);
      if (!names.empty()) out += "\n  reads every cell of " + join(names, ", ");
    } else if (!cell.reads.empty()) {
      std::vector<std::string> parts;
      for (const auto& ref : cell.reads) {
        if (parts.size() == 12) {
          parts.push_back(fmt::format("… {} more", cell.reads.size() - 12));
          break;
        }
        parts.push_back(cell_name(view_of(ref.item), ref.row, ref.col) + " = " + value_of(ref.item, ref.row, ref.col));
      }
      out += "\n  reads " + join(parts, ", ");
    }
    return out + "\n  = " + result;
  }

  // Enough of an ItemView to name a cell of another item.
  ItemView view_of(std::size_t i) const {
    ItemView v;
    v.name = c_.items[i].name;
    v.shape = shapes_[i];
    return v;
  }

  // Significant digits of a step's exact values: --digits, else the decimals the worksheet
  // prints there plus 2 on its largest value, at least 6, within what was certified.
  int display_digits(std::size_t i) const {
    const Item& item = c_.items[i];
    if (options_.digits > 0) return std::min(options_.digits, item.digits);
    int sig = 6, d = printed_decimals(item);
    const auto* e = exact(i);
    if (d >= 0 && e) {
      long top = -1;  // decimal exponent of the largest value, at least that of 1
      for (const Real& x : e->cells()) {
        Rational big = x.is_exact() ? abs(x.exact()) : std::max(abs(x.lower()), abs(x.upper()));
        if (big != 0) top = std::max(top, decimal_exponent(big));
      }
      sig = static_cast<int>(std::min<long>(std::max<long>(top + 1 + d + 2, 6), item.digits));
    }
    return std::min(sig, item.digits);
  }

  const CaseAudit& a_;
  const Case& c_;
  KeyOptions options_;
  std::vector<Shape> shapes_;
};

// Decodes one UTF-8 code point at s[i], advancing i; -1 for an invalid byte.
long next_code_point(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i++]);
  if (b < 0x80) return b;
  int extra = (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 ? 3 : -1;
  if (extra < 0) return -1;
  long cp = b & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return cp;
}

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

KeyView build_key_view(const CaseAudit& a, const KeyOptions& options) {
  if (a.status == CaseAudit::Status::error || !a.kase) {
    if (a.error) throw *a.error;
    throw Error(ErrorId::internal_unreachable, SourceLoc{a.file, 0, 0}, "the case was not evaluated");
  }
  return Builder(a, options).build();
}

std::string cell_name(const ItemView& v, std::size_t row, std::size_t col) {
  if (v.shape.rows == 1 && v.shape.cols == 1) return v.name;
  if (v.shape.rows == 1) return fmt::format("{}[{}]", v.name, col + 1);
  if (v.shape.cols == 1) return fmt::format("{}[{}]", v.name, row + 1);
  return fmt::format("{}[{},{}]", v.name, row + 1, col + 1);
}

std::string col_header(const ItemView& v, std::size_t i) {
  return i < v.col_labels.size() && !v.col_labels[i].empty() ? v.col_labels[i] : std::to_string(i + 1);
}

std::string row_header(const ItemView& v, std::size_t i) {
  return i < v.row_labels.size() && !v.row_labels[i].empty() ? v.row_labels[i] : std::to_string(i + 1);
}

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

std::string escape_html(std::string_view raw) {
  std::string s = printable(raw);
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

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
  return out;
}

std::string markdown_code(std::string_view s) {
  std::string body;
  for (char ch : s) {
    if (ch == '\n' || ch == '\r') body += ' ';
    else if (ch == '|') body += "\\|";
    else body += ch;
  }
  if (body.find('`') == std::string::npos) return "`" + body + "`";
  return "`` " + body + " ``";
}

std::string escape_latex(std::string_view s) {
  std::string out;
  bool open_quote = true;
  for (std::size_t i = 0; i < s.size();) {
    long cp = next_code_point(s, i);
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
