#include "handcheck/render/report_markdown.hpp"

#include <fmt/format.h>

#include "handcheck/printable.hpp"
#include "key_common.hpp"

namespace handcheck {

namespace {

using keys::escape_markdown;
using keys::markdown_code;

std::string_view status_word(const CaseAudit& a) {
  switch (a.status) {
    case CaseAudit::Status::clean: return "✓ clean";
    case CaseAudit::Status::error: return "error";
    case CaseAudit::Status::errata: return a.erratum + a.carried == 0 ? "? undecided" : "✗ errata";
  }
  return "";
}

void render_errata(std::string& out, const CaseAudit& a) {
  auto groups = group_errata(a);
  if (groups.empty()) return;
  out += "\n**Errata**\n\n";
  for (const auto& g : groups) {
    ErratumWords w = erratum_words(a, g);
    const CellAudit& first = a.cell(a.errata[g.errata[0]]);
    out += fmt::format("- {}{} (at {})\n", escape_markdown(w.headline),
                       w.consequence.empty() ? "" : " — " + escape_markdown(w.consequence),
                       markdown_code(first.loc.to_string()));
    for (std::size_t e : g.errata) {
      const CellAudit& cell = a.cell(a.errata[e]);
      for (const auto& s : cell.slips)
        out += fmt::format("  - {}: {} {}\n", escape_markdown(cell.label), escape_markdown(s.text), markdown_code(s.tag));
    }
    for (const auto& line : w.carried) out += "  - carried in " + escape_markdown(line) + "\n";
  }
}

void render_undecided(std::string& out, const CaseAudit& a) {
  std::vector<std::string> cells;
  for (const auto& sa : a.steps)
    for (const auto& cell : sa.cells)
      if (cell.verdict == Verdict::undecided)
        cells.push_back(fmt::format("{} (stated {}, correct {})", escape_markdown(cell.label),
                                    markdown_code(cell.stated.text), markdown_code(cell.expected)));
  if (!cells.empty())
    out += fmt::format("\n**Undecided** (never ok) at {} digits of working precision: {}\n",
                       std::max(a.hand ? a.hand->digits10 : 0, a.exact ? a.exact->digits10 : 0), fmt::join(cells, "; "));
}

void render_approximation(std::string& out, const CaseAudit& a) {
  if (a.approximation.empty()) return;
  out += "\n**Hand versus exact**\n\n| step | largest difference | at | largest relative | at |\n|---|---|---|---|---|\n";
  for (const auto& ap : a.approximation) {
    const Item& item = a.kase->items[ap.item];
    out += fmt::format("| {} | {} | {} | {} | {} |\n", markdown_code(item.name), ap.max_abs_diff,
                       markdown_code(item.cell_label(ap.abs_row, ap.abs_col)), ap.max_rel_diff,
                       markdown_code(item.cell_label(ap.rel_row, ap.rel_col)));
  }
}

}  // namespace

std::string render_report_markdown(const std::vector<CaseAudit>& cases, const TextOptions&) {
  std::string out = "# handcheck report\n\n| case | status | stated | ok | errata | carried | undecided |\n"
                    "|---|---|---|---|---|---|---|\n";
  for (const auto& a : cases)
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", markdown_code(a.file), status_word(a), a.stated, a.ok,
                       a.erratum, a.carried, a.undecided);
  for (const auto& a : cases) {
    out += fmt::format("\n## {}\n\n", markdown_code(a.file));
    if (!a.title.empty()) out += escape_markdown(a.title) + "\n\n";
    if (a.status == CaseAudit::Status::error) {
      out += "**error:** " + escape_markdown(a.error ? a.error->what() : "the case was not evaluated") + "\n";
      continue;
    }
    out += fmt::format("**{}**: {} stated, {} ok, {} {}, {} carried, {} undecided\n", status_word(a),
                       a.stated == 1 ? "1 cell" : fmt::format("{} cells", a.stated), a.ok, a.erratum,
                       a.erratum == 1 ? "erratum" : "errata", a.carried, a.undecided);
    render_errata(out, a);
    render_undecided(out, a);
    render_approximation(out, a);
  }
  return printable(out);
}

}  // namespace handcheck
