#include "handcheck/render/grades.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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

// A JSON number written from an exact decimal: no double in between.
std::string json_number(const Rational& q) { return decimal(q, 4); }

}  // namespace

std::string render_gradebook_csv(const GradeRun& run) {
  std::string out = "id,cells,ok,carried,erratum,blank,invalid,score\n";
  for (std::size_t s = 0; s < run.sheets.size(); ++s) {
    const SheetGrade& g = run.grades[s];
    out += fmt::format("{},{},{},{},{},{},{},{}\n", csv(run.sheets[s].id), g.cells.size(), g.ok, g.carried,
                       g.erratum + g.undecided, g.blank, g.invalid, decimal(g.score));
  }
  return out;
}

std::string render_grades_long_csv(const GradeRun& run) {
  std::string out = "id,step,cell,stated,expected,expected_decimal,verdict,slip\n";
  const auto& cells = run.key.cells();
  for (std::size_t s = 0; s < run.sheets.size(); ++s) {
    std::string id = csv(run.sheets[s].id);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const CellGrade& g = run.grades[s].cells[i];
      out += fmt::format("{},{},{},{},{},{},{},{}\n", id, csv(run.key.step_name(cells[i])), csv(cells[i].label),
                         csv(run.sheets[s].answers.text(i)), csv(cells[i].expected), csv(cells[i].expected_decimal),
                         to_string(g.grade), g.slip_tag());
    }
  }
  return out;
}

std::string render_grades_wide_csv(const GradeRun& run) {
  std::string out = "id,score";
  for (std::size_t i = 0; i < run.key.cells().size(); ++i) out += "," + csv(cell_name(run.key, i));
  out += "\n";
  for (std::size_t s = 0; s < run.sheets.size(); ++s) {
    out += csv(run.sheets[s].id) + "," + decimal(run.grades[s].score);
    for (const auto& g : run.grades[s].cells) {
      out += ",";
      out += to_string(g.grade);
    }
    out += "\n";
  }
  return out;
}

std::string render_grades_json(const GradeRun& run) {
  json j;
  j["handcheck"] = "grades/1";
  j["case"] = run.key.kase().file;
  j["title"] = run.key.kase().title;
  j["carried_credit"] = to_fraction_string(run.carried_credit);
  j["cells"] = run.key.cells().size();
  json sheets = json::array();
  for (std::size_t s = 0; s < run.sheets.size(); ++s) {
    const SheetGrade& g = run.grades[s];
    json x = {{"id", run.sheets[s].id},
              {"ok", g.ok},
              {"carried", g.carried},
              {"erratum", g.erratum},
              {"blank", g.blank},
              {"invalid", g.invalid},
              {"undecided", g.undecided},
              {"score", to_fraction_string(g.score)},
              {"score_decimal", decimal(g.score)}};
    json findings = json::array();
    for (std::size_t i = 0; i < g.cells.size(); ++i) {
      if (g.cells[i].grade == Grade::ok || g.cells[i].grade == Grade::blank) continue;
      const KeyCell& kc = run.key.cells()[i];
      json f = {{"step", run.key.step_name(kc)},
                {"row", kc.row + 1},
                {"col", kc.col + 1},
                {"label", kc.label},
                {"stated", run.sheets[s].answers.text(i)},
                {"expected", kc.expected},
                {"verdict", to_string(g.cells[i].grade)}};
      if (g.cells[i].slip != 0) f["slip"] = g.cells[i].slip_tag();
      findings.push_back(std::move(f));
    }
    x["findings"] = std::move(findings);
    if (!run.sheets[s].notes.empty()) x["notes"] = run.sheets[s].notes;
    sheets.push_back(std::move(x));
  }
  j["sheets"] = std::move(sheets);
  return j.dump(2) + "\n";
}

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
                         json(run.key.kase().items[step.item].name).dump(), json_number(points), step.shape.cells(),
                         json(output.empty() ? std::string("all correct") : output).dump());
  }
  std::string notes;
  for (const auto& n : sheet.notes) notes += n + "\n";
  return fmt::format("{{\n  \"score\": {},\n  \"output\": {},\n  \"tests\": [\n{}\n  ]\n}}\n", json_number(total),
                     json(fmt::format("{}: {} of {} cells ok, {} carried; score {}\n{}", sheet.id, g.ok, g.cells.size(),
                                      g.carried, decimal(g.score), notes))
                         .dump(),
                     tests);
}

std::string render_key_warnings(const AnswerKey& key, const ClassSummary& s) {
  std::string out;
  for (const auto& w : s.warnings)
    out += fmt::format("warning: {}: {} of {} sheets ({}) give {}, the key says {} — the key itself may be wrong\n",
                       cell_name(key, w.cell), w.value.count, s.sheets, percent(w.value.count, s.sheets), w.value.text,
                       key.cells()[w.cell].expected);
  return out;
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
  out += fmt::format("{:<16} {:>10} {:>7} {:>7} {:>7} {:>7}  {}\n", "cell", "key", "right", "carried", "wrong", "blank",
                     "most common wrong values");
  for (const auto& c : s.cells) {
    std::string key_value = key.cells()[c.cell].expected_decimal;
    out += fmt::format("{:<16} {:>10} {:>7} {:>7} {:>7} {:>7}  {}\n", cell_name(key, c.cell), key_value,
                       percent(c.ok, s.sheets), percent(c.carried, s.sheets), percent(c.erratum + c.undecided, s.sheets),
                       percent(c.blank + c.invalid, s.sheets), wrong_list(c));
  }
  std::string warnings = render_key_warnings(key, s);
  if (!warnings.empty()) out += "\n" + warnings;
  return out;
}

std::string render_summary_csv(const AnswerKey& key, const ClassSummary& s) {
  std::string out = "step,cell,expected,sheets,ok,carried,erratum,blank,invalid,common_wrong,key_may_be_wrong\n";
  for (const auto& c : s.cells) {
    const KeyCell& kc = key.cells()[c.cell];
    bool warned = false;
    for (const auto& w : s.warnings) warned = warned || w.cell == c.cell;
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", csv(key.step_name(kc)), csv(kc.label), csv(kc.expected),
                       s.sheets, c.ok, c.carried, c.erratum + c.undecided, c.blank, c.invalid, csv(wrong_list(c)),
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
  return j.dump(2) + "\n";
}

std::string render_selftest_text(const SelftestReport& r) {
  std::string out = fmt::format("selftest {}\n", r.file);
  for (const auto& c : r.checks) {
    out += fmt::format("  {} {} — intended: {}\n", c.passed() ? "pass" : "FAIL", c.name, c.intended);
    for (const auto& p : c.problems) out += fmt::format("       {}\n", p);
  }
  out += fmt::format("{} checks, {} passed, {} failed\n", r.checks.size(), r.checks.size() - r.failures(), r.failures());
  return out;
}

}  // namespace handcheck
