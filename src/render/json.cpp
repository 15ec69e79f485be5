#include "handcheck/render/json.hpp"

#include "handcheck/printable.hpp"
#include "handcheck/render/text.hpp"

namespace handcheck {

using json = nlohmann::ordered_json;

namespace {

std::string_view status_name(CaseAudit::Status s) {
  switch (s) {
    case CaseAudit::Status::clean: return "clean";
    case CaseAudit::Status::errata: return "errata";
    case CaseAudit::Status::error: return "error";
  }
  return "";
}

json finding_json(const CaseAudit& a, const StepAudit& sa, const CellAudit& cell) {
  json f = {{"step", a.kase->items[sa.item].name},
            {"row", cell.row + 1},
            {"col", cell.col + 1},
            {"label", cell.label},
            {"stated", cell.stated.text},
            {"expected", cell.expected},
            {"verdict", to_string(cell.verdict)}};
  if (cell.verdict == Verdict::erratum) {
    f["downstream"] = to_string(cell.downstream);
    if (sa.downstream_scope != DownstreamScope::cell) f["downstream_scope"] = to_string(sa.downstream_scope);
    json slips = json::array();
    for (const auto& s : cell.slips) slips.push_back({{"tag", s.tag}, {"text", s.text}});
    f["slips"] = std::move(slips);
    if (!cell.slips_searched) f["slips_searched"] = false;  // the slip search's budget ran out first
  }
  if (cell.verdict == Verdict::carried) {
    json from = json::array();
    for (std::size_t e : cell.follows_from)
      from.push_back({{"step", a.kase->items[a.steps[a.errata[e].step].item].name}, {"label", a.cell(a.errata[e]).label}});
    f["follows_from"] = std::move(from);
  }
  f["line"] = cell.loc.line;
  f["column"] = cell.loc.column;
  return f;
}

json approximation_json(const CaseAudit& a, const Approximation& ap) {
  json x = {{"step", a.kase->items[ap.item].name},
            {"max_abs_diff", ap.max_abs_diff},
            {"row", ap.abs_row + 1},
            {"col", ap.abs_col + 1},
            {"max_rel_diff", ap.max_rel_diff},
            {"rel_row", ap.rel_row + 1},
            {"rel_col", ap.rel_col + 1}};
  if (ap.probability.empty()) return x;
  json lines = json::array();
  for (const auto& p : ap.probability)
    lines.push_back({{"label", p.label},
                     {"argmax_hand", p.hand_argmax},
                     {"argmax_exact", p.exact_argmax},
                     {"hand_undecided", p.hand_undecided},
                     {"exact_undecided", p.exact_undecided},
                     {"same_argmax", p.argmax == Agreement::undecided ? json(nullptr) : json(p.argmax == Agreement::same)},
                     {"total_variation", p.total_variation}});
  x["probability"] = {{"by", ap.by_columns ? "columns" : "rows"}, {"lines", std::move(lines)}};
  return x;
}

json case_json(const CaseAudit& a) {
  json j;
  j["file"] = a.file;
  j["title"] = a.title;
  j["status"] = status_name(a.status);
  if (a.error) {
    j["error"] = {{"id", to_string(a.error->id())},
                  {"message", a.error->message()},
                  {"line", a.error->where().line},
                  {"column", a.error->where().column}};
  }
  j["cells"] = {{"stated", a.stated}, {"ok", a.ok}, {"erratum", a.erratum}, {"carried", a.carried},
                {"undecided", a.undecided}};
  json findings = json::array();
  for (const auto& sa : a.steps)
    for (const auto& cell : sa.cells)
      if (cell.verdict != Verdict::ok) findings.push_back(finding_json(a, sa, cell));
  j["findings"] = std::move(findings);
  json summary = json::array();
  if (a.kase && a.status != CaseAudit::Status::error)
    for (const auto& g : group_errata(a)) {
      ErratumWords w = erratum_words(a, g);
      summary.push_back({{"headline", w.headline}, {"consequence", w.consequence}});
    }
  j["errata"] = std::move(summary);
  json approx = json::array();
  for (const auto& ap : a.approximation) approx.push_back(approximation_json(a, ap));
  j["approximation"] = std::move(approx);
  if (a.exact) j["working_precision"] = a.exact->digits10;
  return j;
}

}  // namespace

json report_json(const std::vector<CaseAudit>& cases) {
  json j;
  j["handcheck"] = "report/1";
  j["cases"] = json::array();
  std::size_t clean = 0, errata = 0, error = 0;
  for (const auto& a : cases) {
    j["cases"].push_back(case_json(a));
    switch (a.status) {
      case CaseAudit::Status::clean: ++clean; break;
      case CaseAudit::Status::errata: ++errata; break;
      case CaseAudit::Status::error: ++error; break;
    }
  }
  j["summary"] = {{"cases", cases.size()}, {"clean", clean}, {"errata", errata}, {"error", error}};
  return j;
}

// A file name from the command line may be any bytes: replaced, not a reason to fail.
std::string render_json(const std::vector<CaseAudit>& cases) {
  return json_printable(report_json(cases).dump(2, ' ', false, json::error_handler_t::replace)) + "\n";
}

}  // namespace handcheck
