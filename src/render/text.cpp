#include "handcheck/render/text.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>

#include "handcheck/detail/text.hpp"
#include "handcheck/printable.hpp"

namespace handcheck {

namespace {

using detail::join;

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

ErratumWords erratum_words(const CaseAudit& a, const ErratumGroup& g) {
  const Case& c = *a.kase;
  ErratumWords w;
  bool vector = g.expected.size() > 1;
  std::string want = vector ? "[" + join(g.expected, ", ") + "]" : g.expected[0];
  std::string got = vector ? "[" + join(g.stated, ", ") + "]" : g.stated[0];
  w.headline = fmt::format("{}: {} should be {}, not {}", c.items[a.steps[g.step].item].name, g.name, want, got);
  for (const auto& cc : g.carried) w.carried.push_back(fmt::format("{}: {}", c.items[cc.item].name, join(cc.labels, ", ")));
  switch (g.reach) {
    case ErratumReach::partly:
      w.consequence = "partly propagated: some later numbers use the stated value, some the correct one";
      break;
    case ErratumReach::typo:
      // A carried cell of the vector is not part of the claim: later steps use it as printed.
      w.consequence = g.only_errata_differ ? fmt::format("a typo: later steps use {}", want)
                                           : fmt::format("a typo: later steps use the correct {} of {}",
                                                         g.errata_labels.size() == 1 ? "value" : "values",
                                                         join(g.errata_labels, ", "));
      break;
    case ErratumReach::propagated:
      w.consequence = g.carried_cells ? fmt::format("propagated: {} follow{} from it",
                                                    plural(g.carried_cells, "later cell", "later cells"),
                                                    g.carried_cells == 1 ? "s" : "")
                                      : "propagated: later steps use the stated value";
      break;
    case ErratumReach::unknown: break;
  }
  if (g.scope != DownstreamScope::cell && !w.consequence.empty())
    w.consequence += fmt::format(" (judged together with the other errata of its {}: too many to judge one by one)",
                                 to_string(g.scope));
  return w;
}

namespace {

// The values section lists this many cells of a step at most: a report, not a dump.
constexpr std::size_t kValueCells = 100;
// Fractions longer than this print by their first digits: 3^x over its column sum has
// thousands of digits.
constexpr std::size_t kExactChars = 60;

std::string hand_text(const Real& x, int digits) {
  return x.is_exact() ? to_readable_fraction(x.exact(), kExactChars, digits) : describe(x, digits);
}

void render_values(std::string& out, const CaseAudit& a, std::size_t i) {
  const Case& c = *a.kase;
  const Item& item = c.items[i];
  const auto& h = a.hand->values[i];
  const auto& e = a.exact->values[i];
  if (!h && !e) return;
  Shape s = h ? h->shape() : e->shape();
  out += fmt::format("    {} ({}), hand | exact to {} certified digits:\n", item.name, s.to_string(), item.digits);
  for (std::size_t k = 0; k < std::min(s.cells(), kValueCells); ++k) {
    std::size_t r = k / s.cols, col = k % s.cols;
    std::string hv = h ? hand_text((*h)(r, col), item.digits) : "-";
    std::string ev = e ? describe((*e)(r, col), item.digits) : "-";
    out += fmt::format("      {:<10} {:>10} | {}\n", item.cell_label(r, col), hv, ev);
  }
  if (s.cells() > kValueCells)
    out += fmt::format("      … {} more cells: `handcheck key` lists every value\n", s.cells() - kValueCells);
}


void render_errata(std::string& out, const CaseAudit& a) {
  auto groups = group_errata(a);
  if (groups.empty()) return;
  out += fmt::format("\n  {}:\n", plural(a.erratum, "erratum", "errata"));
  for (const auto& g : groups) {
    const CellAudit& first = a.cell(a.errata[g.errata[0]]);
    ErratumWords w = erratum_words(a, g);
    out += fmt::format("    {}{}\n", w.headline, w.consequence.empty() ? "" : " — " + w.consequence);
    out += fmt::format("      at {}\n", first.loc.to_string());
    for (std::size_t e : g.errata) {
      const CellAudit& cell = a.cell(a.errata[e]);
      for (const auto& s : cell.slips) out += fmt::format("      {}: {} [{}]\n", cell.label, s.text, s.tag);
    }
    for (const auto& line : w.carried) out += fmt::format("      carried in {}\n", line);
  }
}

void render_unsearched(std::string& out, const CaseAudit& a) {
  std::vector<std::string> unsearched;
  for (const auto& ref : a.errata)
    if (!a.cell(ref).slips_searched) {
      const std::string& step = a.kase->items[a.steps[ref.step].item].name;
      const std::string& label = a.cell(ref).label;
      unsearched.push_back(label.starts_with(step + "[") ? label : step + " " + label);
    }
  if (unsearched.empty()) return;
  constexpr std::size_t kListed = 10;
  std::size_t more = unsearched.size() > kListed ? unsearched.size() - kListed : 0;
  unsearched.resize(unsearched.size() - more);
  out += fmt::format("\n  slip search: its work budget ran out; {} not searched for slips: {}{} (raise the "
                     "budget with --max-slip-work)\n", plural(unsearched.size() + more, "erratum", "errata"),
                     join(unsearched, ", "), more ? fmt::format(" and {} more", more) : "");
}

void render_undecided(std::string& out, const CaseAudit& a) {
  std::vector<std::string> undecided;
  for (const auto& sa : a.steps)
    for (const auto& cell : sa.cells)
      if (cell.verdict == Verdict::undecided)
        undecided.push_back(fmt::format("{} (stated {}, correct {})", cell.label, cell.stated.text, cell.expected));
  if (!undecided.empty())
    out += fmt::format("\n  undecided (never ok) at {} digits of working precision: {}\n",
                       std::max(a.hand->digits10, a.exact->digits10), join(undecided, "; "));
  for (const auto* run : {&*a.hand, &*a.exact})
    if (run->undecided)
      out += fmt::format("\n  {} pipeline: {}\n", run == &*a.hand ? "hand" : "exact", run->undecided->message());
}

void render_approximation(std::string& out, const CaseAudit& a) {
  if (a.approximation.empty()) return;
  out += fmt::format("\n  hand versus exact:\n");
  for (const auto& ap : a.approximation) {
    const Item& item = a.kase->items[ap.item];
    out += fmt::format("    {}: largest difference {} at {}, largest relative {} at {}\n", item.name, ap.max_abs_diff,
                       item.cell_label(ap.abs_row, ap.abs_col), ap.max_rel_diff,
                       item.cell_label(ap.rel_row, ap.rel_col));
    for (const auto& p : ap.probability) {
      auto who = [](const std::vector<std::string>& v, bool undecided) {
        if (v.size() == 1) return v[0];
        return join(v, ", ") + (undecided ? " (too close to separate)" : " (tie)");
      };
      out += fmt::format("      {}: argmax hand {}, exact {} ({}); total variation {}\n", p.label,
                         who(p.hand_argmax, p.hand_undecided), who(p.exact_argmax, p.exact_undecided),
                         to_string(p.argmax), p.total_variation);
    }
  }
}

// The values of the probability steps and of the last step, when hand and exact differ.
void render_values_section(std::string& out, const CaseAudit& a) {
  if (!a.hand || !a.exact || a.approximation.empty()) return;
  const Case& c = *a.kase;
  std::vector<std::size_t> show;
  for (const auto& ap : a.approximation)
    if (!ap.probability.empty()) show.push_back(ap.item);
  if (!c.items.empty() && !c.items.back().is_input &&
      std::find(show.begin(), show.end(), c.items.size() - 1) == show.end())
    show.push_back(c.items.size() - 1);
  out += "\n  values:\n";
  for (std::size_t i : show) render_values(out, a, i);
}

void render_case(std::string& out, const CaseAudit& a, const TextOptions& options) {
  // One line whatever they hold: a line feed in a title could forge a line of the report.
  out += fmt::format("{}{}\n", printable(a.file, false), a.title.empty() ? "" : " — " + printable(a.title, false));
  const char* verdict = a.status == CaseAudit::Status::clean ? "clean"
                        : a.erratum + a.carried == 0     ? "undecided"
                                                         : "errata";
  out += fmt::format("  {}: {} stated, {} ok, {}, {}", verdict,
                     plural(a.stated, "cell", "cells"), a.ok, plural(a.erratum, "erratum", "errata"),
                     fmt::format("{} carried", a.carried));
  if (a.undecided) out += fmt::format(", {} undecided", a.undecided);
  out += "\n";
  render_errata(out, a);
  render_unsearched(out, a);
  render_undecided(out, a);
  render_approximation(out, a);
  if (options.values) render_values_section(out, a);
  out += "\n";
}

}  // namespace

std::string render_text(const std::vector<CaseAudit>& cases, const TextOptions& options) {
  std::string out;
  std::size_t clean = 0, errata = 0, undecided = 0, errors = 0;
  for (const auto& a : cases) {
    if (a.status == CaseAudit::Status::error) {
      ++errors;
      out += fmt::format("{}: error\n  {}\n\n", printable(a.file, false), printable(a.error->what(), false));
      continue;
    }
    // Not clean but with no wrong number found: its undecided cells are all it has.
    bool only_undecided = a.status != CaseAudit::Status::clean && a.erratum + a.carried == 0;
    ++(a.status == CaseAudit::Status::clean ? clean : only_undecided ? undecided : errata);
    render_case(out, a, options);
  }
  out += fmt::format("{}: {} clean, {}{}, {}\n", plural(cases.size(), "case", "cases"), clean,
                     fmt::format("{} with errata", errata),
                     undecided ? fmt::format(", {} with undecided cells only", undecided) : "",
                     plural(errors, "error", "errors"));
  // Titles, explanations, file names and messages come from outside: no control character
  // reaches a terminal through the report.
  return printable(out);
}

}  // namespace handcheck
