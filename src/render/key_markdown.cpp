#include "handcheck/render/key_markdown.hpp"

#include <fmt/format.h>

#include "handcheck/printable.hpp"
#include "key_common.hpp"

namespace handcheck {

namespace {

using keys::CellView;
using keys::ItemView;

// A GitHub table of one matrix; `cell` gives the text of each cell (already escaped).
template <class F>
std::string table(const ItemView& v, F cell) {
  std::string out = "|   |";
  for (std::size_t c = 0; c < v.shape.cols; ++c) out += " " + keys::escape_markdown(keys::col_header(v, c)) + " |";
  out += "\n|---|";
  for (std::size_t c = 0; c < v.shape.cols; ++c) out += "---:|";
  out += "\n";
  for (std::size_t r = 0; r < v.shape.rows; ++r) {
    out += "| **" + keys::escape_markdown(keys::row_header(v, r)) + "** |";
    for (std::size_t c = 0; c < v.shape.cols; ++c) out += " " + cell(v.cells(r, c)) + " |";
    out += "\n";
  }
  return out + "\n";
}

std::string hand_cell(const CellView& c) {
  std::string s = keys::escape_markdown(c.hand);
  return c.hand_decimal.empty() ? s : s + " (" + keys::escape_markdown(c.hand_decimal) + ")";
}

std::string stated_cell(const CellView& c) {
  if (!c.stated) return "";
  const keys::StatedMark& s = *c.stated;
  if (s.blank) return "?";
  std::string t = keys::escape_markdown(s.text);
  switch (s.verdict) {
    case Verdict::ok: return t + " ✓";
    case Verdict::erratum: return "**" + t + "** ✗ (" + keys::escape_markdown(s.expected) + ")";
    case Verdict::carried: return "*" + t + "* ↷ (" + keys::escape_markdown(s.expected) + ")";
    case Verdict::undecided: return t + " ?";
  }
  return t;
}

std::string counts(const ItemView& v) {
  std::vector<std::string> parts;
  if (v.ok) parts.push_back(fmt::format("{} ok", v.ok));
  if (v.erratum) parts.push_back(fmt::format("{} {}", v.erratum, v.erratum == 1 ? "erratum" : "errata"));
  if (v.carried) parts.push_back(fmt::format("{} carried", v.carried));
  if (v.blank) parts.push_back(fmt::format("{} blank", v.blank));
  std::string s;
  for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? ", " : "") + parts[i];
  return s;
}

void item_section(std::string& out, const ItemView& v, std::size_t number) {
  if (v.is_input) {
    out += fmt::format("## {}. Input {}\n\n", number, keys::markdown_code(v.name));
  } else if (v.same_expression) {
    out += fmt::format("## {}. {}\n\n", number, keys::markdown_code(v.name + " = " + v.hand_expr));
  } else {
    out += fmt::format("## {}. Step {}\n\n", number, keys::markdown_code(v.name));
    out += fmt::format("- by hand: {}\n- exactly: {}\n\n", keys::markdown_code(v.name + " = " + v.hand_expr),
                       keys::markdown_code(v.name + " = " + v.exact_expr));
  }
  if (!v.item->explain.empty()) out += "> " + keys::escape_markdown(v.item->explain) + "\n\n";
  if (v.shape.cells() == 0) {
    out += "*Not computed: both pipelines stop before this step.*\n\n";
    return;
  }
  if (v.is_input || v.hand_equals_exact) {
    out += v.is_input ? "**Value:**\n\n" : "**Hand and exact** (the two pipelines agree exactly):\n\n";
    out += table(v, hand_cell);
  } else {
    if (v.has_hand) {
      out += v.hand_rational ? "**Hand** (exact fractions):\n\n"
                             : fmt::format("**Hand** (exact fractions, certified to {} significant digits where irrational):\n\n", v.digits);
      out += table(v, hand_cell);
    } else {
      out += "**Hand:** not computed, the hand pipeline stops before this step.\n\n";
    }
    if (v.has_exact) {
      out += fmt::format("**Exact** (certified to {} significant digits):\n\n", v.digits);
      out += table(v, [](const CellView& c) { return keys::escape_markdown(c.exact); });
    } else {
      out += "**Exact:** not computed, the exact pipeline stops before this step.\n\n";
    }
  }
  for (const auto& line : v.approximation) out += "- " + keys::escape_markdown(line) + "\n";
  if (!v.approximation.empty()) out += "\n";
  if (v.stated + v.blank > 0) {
    out += fmt::format("**Stated on the worksheet** ({}):\n\n", counts(v));
    out += table(v, stated_cell);
    for (std::size_t r = 0; r < v.shape.rows; ++r)
      for (std::size_t c = 0; c < v.shape.cols; ++c) {
        const auto& cell = v.cells(r, c);
        if (cell.stated && !cell.stated->blank && cell.stated->verdict != Verdict::ok)
          out += fmt::format("- {}: {}\n", keys::markdown_code(cell.label), keys::escape_markdown(keys::verdict_note(*cell.stated)));
      }
    if (v.erratum + v.carried > 0) out += "\n";
  }
}

}  // namespace

std::string render_key_markdown(const CaseAudit& a, const KeyOptions& options) {
  keys::KeyView k = keys::build_key_view(a, options);
  std::string out = "# Answer key: " + keys::escape_markdown(k.title.empty() ? k.file : k.title) + "\n\n";
  if (!k.source.empty()) out += "**Source:** " + keys::escape_markdown(k.source) + "\n\n";
  out += fmt::format(
      "Hand values are exact fractions, with a decimal beside them (an irrational one, where a hand step takes a "
      "root or an exponential, by its certified digits). Exact values are certified: every printed "
      "digit is proven. The stated numbers of this worksheet follow the {} pipeline; "
      "✓ ok, ✗ erratum (the correct value in parentheses), ↷ carried from an earlier erratum.\n\n",
      k.follows);
  if (!k.errata.empty()) {
    out += "## Errata\n\n";
    for (const auto& g : k.errata) {
      ErratumWords w = erratum_words(*k.audit, g);
      out += "- " + keys::escape_markdown(w.headline);
      if (!w.consequence.empty()) out += " — " + keys::escape_markdown(w.consequence);
      out += "\n";
      for (const auto& line : w.carried) out += "  - carried in " + keys::escape_markdown(line) + "\n";
    }
    out += "\n";
  }
  for (const auto& note : k.notes) out += "*" + keys::escape_markdown(note) + "*\n\n";
  for (std::size_t i = 0; i < k.items.size(); ++i) item_section(out, k.items[i], i + 1);
  // Titles and explanations come from the case: no control character reaches a terminal or a
  // viewer through the key.
  return printable(out);
}

}  // namespace handcheck
