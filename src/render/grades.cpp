#include "handcheck/render/grades.hpp"

#include <fmt/format.h>
#include <iterator>
#include <nlohmann/json.hpp>

#include "handcheck/printable.hpp"

namespace handcheck {

namespace {

using json = nlohmann::ordered_json;

std::string csv(std::string_view field) {
  if (field.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// A free-text field (an id, an answer) of a gradebook: a spreadsheet runs a field that starts
// with = + - @ (or a tab or carriage return) as a formula, so such a field that is not a number
// gets a leading ' (OWASP, "CSV Injection").
std::string csv_formula_safe(std::string_view field) {
  if (!field.empty() && std::string_view("=+-@\t\r").find(field.front()) != std::string_view::npos) {
    bool number = true;
    try {
      parse_literal(field);
    } catch (const DomainError&) {
      number = false;
    }
    if (!number) return csv("'" + std::string(field));
  }
  return csv(field);
}

std::string csv_text(std::string_view field) {
  // Control characters, bidi controls and line separators are written visibly, as in every
  // text output (the gradebook may go to a terminal). Plain ASCII needs no pass.
  for (unsigned char c : field)
    if (c < 0x20 || c >= 0x7F) return csv_formula_safe(printable(field, false));
  return csv_formula_safe(field);
}

// A score or a share as a plain decimal: exact when it terminates within `decimals`,
// else rounded; no trailing zeros.
std::string decimal(const Rational& q, int decimals = 4) {
  std::string s = to_fixed_string(q, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

std::string percent(std::size_t n, std::size_t of) {
  return of == 0 ? "0%" : decimal(Rational(100 * n) / of, 1) + "%";
}

std::string cell_name(const AnswerKey& key, std::size_t cell) {
  const KeyCell& kc = key.cells()[cell];
  return fmt::format("{} {}", key.step_name(kc), kc.label);
}

// JSON text of `j`: invalid UTF-8 replaced by U+FFFD, C1 controls and DEL escaped too.
std::string json_text(const json& j, int indent = -1) {
  return json_printable(j.dump(indent, ' ', false, json::error_handler_t::replace));
}

// A JSON number written from an exact decimal: no double in between.
std::string json_number(const Rational& q) { return decimal(q, 4); }

}  // namespace

GradesWriter::GradesWriter(GradesFormat format, const AnswerKey& key, Rational carried_credit)
    : format_(format), key_(key), carried_credit_(std::move(carried_credit)) {}

const std::string& GradesWriter::score_text(const Rational& score) {
  auto it = scores_.find(score);
  if (it == scores_.end()) {
    if (scores_.size() >= 4096) scores_.clear();
    it = scores_.emplace(score, decimal(score)).first;
  }
  return it->second;
}

void GradesWriter::head(std::string& out) {
  switch (format_) {
    case GradesFormat::csv: out += "id,cells,ok,carried,erratum,blank,invalid,score\n"; break;
    case GradesFormat::long_csv: out += "id,step,cell,stated,expected,expected_decimal,verdict,slip\n"; break;
    case GradesFormat::wide_csv:
      out += "id,score";
      for (std::size_t i = 0; i < key_.cells().size(); ++i) out += "," + csv_text(cell_name(key_, i));
      out += "\n";
      break;
    case GradesFormat::json: {
      // The document of render_grades_json up to its sheets; each sheet is dumped on its own
      // and indented to its place, so that the pieces joined are that dump, byte for byte.
      json j;
      j["handcheck"] = "grades/1";
      j["case"] = key_.kase().file;
      j["title"] = key_.kase().title;
      j["carried_credit"] = to_fraction_string(carried_credit_);
      j["cells"] = key_.cells().size();
      std::string text = json_text(j, 2);
      text.pop_back();  // the closing brace
      while (!text.empty() && text.back() == '\n') text.pop_back();
      out += text + ",\n  \"sheets\": [";
      break;
    }
  }
}

void GradesWriter::rows(const std::vector<Sheet>& sheets, const std::vector<SheetGrade>& grades, std::string& out) {
  for (std::size_t s = 0; s < sheets.size(); ++s) {
    const Sheet& sheet = sheets[s];
    const SheetGrade& g = grades[s];
    switch (format_) {
      case GradesFormat::csv:
        fmt::format_to(std::back_inserter(out), "{},{},{},{},{},{},{},{}\n", csv_text(sheet.id), g.cells.size(), g.ok,
                       g.carried, g.erratum + g.undecided, g.blank, g.invalid, score_text(g.score));
        break;
      case GradesFormat::long_csv: long_rows(sheet, g, out); break;
      case GradesFormat::wide_csv:
        out += csv_text(sheet.id);
        out += ',';
        out += score_text(g.score);
        for (const auto& c : g.cells) {
          out += ',';
          out += to_string(c.grade);
        }
        out += '\n';
        break;
      case GradesFormat::json: json_row(sheet, g, out); break;
    }
  }
}

// A row per cell of the sheet.
void GradesWriter::long_rows(const Sheet& sheet, const SheetGrade& g, std::string& out) {
  const auto& cells = key_.cells();
  std::string id = csv_text(sheet.id);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const CellGrade& c = g.cells[i];
    fmt::format_to(std::back_inserter(out), "{},{},{},{},{},{},{},{}\n", id, csv_text(key_.step_name(cells[i])),
                   csv_text(cells[i].label), csv_text(sheet.answers.text(i)), csv(cells[i].expected),
                   csv(cells[i].expected_decimal), to_string(c.grade), c.slip_tag());
  }
}

// The sheet's object in the "sheets" array, with the cells that are not ok.
void GradesWriter::json_row(const Sheet& sheet, const SheetGrade& g, std::string& out) {
  const auto& cells = key_.cells();
  json x = {{"id", sheet.id},
            {"ok", g.ok},
            {"carried", g.carried},
            {"erratum", g.erratum},
            {"blank", g.blank},
            {"invalid", g.invalid},
            {"undecided", g.undecided},
            {"score", to_fraction_string(g.score)},
            {"score_decimal", score_text(g.score)}};
  json findings = json::array();
  for (std::size_t i = 0; i < g.cells.size(); ++i) {
    if (g.cells[i].grade == Grade::ok || g.cells[i].grade == Grade::blank) continue;
    const KeyCell& kc = cells[i];
    json f = {{"step", key_.step_name(kc)},
              {"row", kc.row + 1},
              {"col", kc.col + 1},
              {"label", kc.label},
              {"stated", sheet.answers.text(i)},
              {"expected", kc.expected},
              {"verdict", to_string(g.cells[i].grade)}};
    if (g.cells[i].slip != 0) f["slip"] = g.cells[i].slip_tag();
    findings.push_back(std::move(f));
  }
  x["findings"] = std::move(findings);
  if (!sheet.notes.empty()) x["notes"] = sheet.notes;
  if (g.slips_unsearched > 0) x["slips_unsearched"] = g.slips_unsearched;
  out += first_ ? "\n" : ",\n";
  first_ = false;
  // Four spaces: the sheet's depth in the whole document.
  std::string text = json_text(x, 2);
  std::size_t from = 0;
  for (;;) {
    std::size_t nl = text.find('\n', from);
    out += "    ";
    out.append(text, from, nl == std::string::npos ? std::string::npos : nl + 1 - from);
    if (nl == std::string::npos) break;
    from = nl + 1;
  }
}

void GradesWriter::tail(std::string& out) {
  if (format_ == GradesFormat::json) out += first_ ? "]\n}\n" : "\n  ]\n}\n";
}

namespace {

std::string render_whole(GradesFormat format, const GradeRun& run) {
  GradesWriter w(format, run.key, run.carried_credit);
  std::string out;
  w.head(out);
  w.rows(run.sheets, run.grades, out);
  w.tail(out);
  return out;
}

}  // namespace

std::string render_gradebook_csv(const GradeRun& run) { return render_whole(GradesFormat::csv, run); }
std::string render_grades_long_csv(const GradeRun& run) { return render_whole(GradesFormat::long_csv, run); }
std::string render_grades_wide_csv(const GradeRun& run) { return render_whole(GradesFormat::wide_csv, run); }
std::string render_grades_json(const GradeRun& run) { return render_whole(GradesFormat::json, run); }

std::string render_gradescope(const GradeRun& run, std::size_t s) {
  const SheetGrade& g = run.grades[s];
  const Sheet& sheet = run.sheets[s];
  std::string tests;
  Rational total = 0;
  for (const KeyStep& step : run.key.steps()) {
    Rational points = 0;
    std::string output;
    for (std::size_t k = 0; k < step.shape.cells(); ++k) {
      std::size_t i = step.first + k;
      const CellGrade& c = g.cells[i];
      const KeyCell& kc = run.key.cells()[i];
      if (c.grade == Grade::ok) points += 1;
      if (c.grade == Grade::carried) points += run.carried_credit;
      if (c.grade == Grade::ok) continue;
      std::string stated = sheet.answers.kind(i) == Answer::Kind::blank ? "blank" : std::string(sheet.answers.text(i));
      output += fmt::format("{}: {}, expected {} ({}{})\n", kc.label, stated, kc.expected, to_string(c.grade),
                            c.slip == 0 ? "" : fmt::format("; looks like {}", c.slip_tag()));
    }
    total += points;
    tests += fmt::format("{}    {{\"name\": {}, \"score\": {}, \"max_score\": {}, \"output\": {}}}", tests.empty() ? "" : ",\n",
                         json_text(run.key.kase().items[step.item].name), json_number(points), step.shape.cells(),
                         json_text(output.empty() ? std::string("all correct") : output));
  }
  std::string notes;
  for (const auto& n : sheet.notes) notes += n + "\n";
  if (g.slips_unsearched > 0)
    notes += fmt::format("{} wrong cells are graded without a slip name (the per-sheet slip budget)\n", g.slips_unsearched);
  return fmt::format("{{\n  \"score\": {},\n  \"output\": {},\n  \"tests\": [\n{}\n  ]\n}}\n", json_number(total),
                     json_text(fmt::format("{}: {} of {} cells ok, {} carried; score {}\n{}", sheet.id, g.ok,
                                           g.cells.size(), g.carried, decimal(g.score), notes)),
                     tests);
}

std::string render_key_warnings(const AnswerKey& key, const ClassSummary& s) {
  std::string out;
  for (const auto& w : s.warnings)
    out += fmt::format("warning: {}: {} of {} sheets ({}) give {}, the key says {} — the key itself may be wrong\n",
                       cell_name(key, w.cell), w.value.count, s.sheets, percent(w.value.count, s.sheets), w.value.text,
                       key.cells()[w.cell].expected);
  return printable(out);
}

namespace {

std::string wrong_list(const CellSummary& c) {
  std::string out;
  for (const auto& w : c.wrong)
    out += fmt::format("{}{} ×{}{}", out.empty() ? "" : ", ", w.text, w.count, w.slip.empty() ? "" : fmt::format(" ({})", w.slip));
  return out;
}

}  // namespace

std::string render_summary_text(const AnswerKey& key, const ClassSummary& s) {
  std::string out = fmt::format("{} — {} sheets, mean score {}\n\n", key.kase().file, s.sheets, decimal(s.mean_score));
  // Blank (no answer) and invalid (an answer that is not a number) apart: the second is
  // often a transcription or export problem rather than a student's gap.
  out += fmt::format("{:<16} {:>10} {:>7} {:>7} {:>7} {:>7} {:>7}  {}\n", "cell", "key", "right", "carried", "wrong",
                     "blank", "invalid", "most common wrong values");
  for (const auto& c : s.cells) {
    std::string key_value = key.cells()[c.cell].expected_decimal;
    out += fmt::format("{:<16} {:>10} {:>7} {:>7} {:>7} {:>7} {:>7}  {}\n", cell_name(key, c.cell), key_value,
                       percent(c.ok, s.sheets), percent(c.carried, s.sheets), percent(c.erratum + c.undecided, s.sheets),
                       percent(c.blank, s.sheets), percent(c.invalid, s.sheets), wrong_list(c));
  }
  std::string warnings = render_key_warnings(key, s);
  if (!warnings.empty()) out += "\n" + warnings;
  return printable(out);  // the case's file name, the sheets' answers
}

std::string render_summary_csv(const AnswerKey& key, const ClassSummary& s) {
  std::string out = "step,cell,expected,sheets,ok,carried,erratum,blank,invalid,common_wrong,key_may_be_wrong\n";
  for (const auto& c : s.cells) {
    const KeyCell& kc = key.cells()[c.cell];
    bool warned = false;
    for (const auto& w : s.warnings) warned = warned || w.cell == c.cell;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", csv_text(key.step_name(kc)), csv_text(kc.label), csv(kc.expected),
                       s.sheets, c.ok, c.carried, c.erratum + c.undecided, c.blank, c.invalid, csv_text(wrong_list(c)),
                       warned ? "yes" : "no");
  }
  return out;
}

std::string render_summary_json(const AnswerKey& key, const ClassSummary& s) {
  json j;
  j["handcheck"] = "class-summary/1";
  j["case"] = key.kase().file;
  j["sheets"] = s.sheets;
  j["mean_score"] = to_fraction_string(s.mean_score);
  json cells = json::array();
  for (const auto& c : s.cells) {
    const KeyCell& kc = key.cells()[c.cell];
    json wrong = json::array();
    for (const auto& w : c.wrong) {
      json x = {{"value", w.text}, {"count", w.count}};
      if (!w.slip.empty()) x["slip"] = w.slip;
      wrong.push_back(std::move(x));
    }
    cells.push_back({{"step", key.step_name(kc)},
                     {"label", kc.label},
                     {"expected", kc.expected},
                     {"ok", c.ok},
                     {"carried", c.carried},
                     {"erratum", c.erratum},
                     {"blank", c.blank},
                     {"invalid", c.invalid},
                     {"undecided", c.undecided},
                     {"wrong", std::move(wrong)}});
  }
  j["cells"] = std::move(cells);
  json warnings = json::array();
  for (const auto& w : s.warnings) {
    const KeyCell& kc = key.cells()[w.cell];
    warnings.push_back({{"step", key.step_name(kc)},
                        {"label", kc.label},
                        {"expected", kc.expected},
                        {"value", w.value.text},
                        {"count", w.value.count},
                        {"message", "most sheets agree on a value that differs from the key: the key itself may be wrong"}});
  }
  j["warnings"] = std::move(warnings);
  return json_text(j, 2) + "\n";
}

std::string render_selftest_text(const SelftestReport& r) {
  std::string out = fmt::format("selftest {}\n", r.file);
  for (const auto& c : r.checks) {
    out += fmt::format("  {} {} — intended: {}\n", c.passed() ? "pass" : "FAIL", c.name, c.intended);
    for (const auto& p : c.problems) out += fmt::format("       {}\n", p);
  }
  out += fmt::format("{} checks, {} passed, {} failed\n", r.checks.size(), r.checks.size() - r.failures(), r.failures());
  return printable(out);  // the case's file name
}

}  // namespace handcheck
