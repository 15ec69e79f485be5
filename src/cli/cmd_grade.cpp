// handcheck grade CASE SHEETS...: grades student sheets with follow-through credit.
#include <fmt/format.h>
#include <memory>

#include "commands.hpp"
#include "handcheck/grade/grade.hpp"
#include "handcheck/grade/summary.hpp"
#include "handcheck/model/loader.hpp"
#include "handcheck/render/grades.hpp"
#include "limit_options.hpp"
#include "output.hpp"

namespace handcheck::cli {

namespace {

struct GradeCliOptions {
  std::string case_path;
  std::vector<std::string> sheets;
  std::string carried_credit = "1";
  std::string format = "csv";
  std::string output;
  bool summary = false;
  bool format_given = false;
  unsigned jobs = 0;
  LimitOptions limits;
};

int run_grade(const GradeCliOptions& o) {
  GradeOptions options;
  options.threads = o.jobs;
  try {
    options.carried_credit = parse_finite_literal(o.carried_credit).value;
  } catch (const DomainError& e) {
    fmt::print(stderr, "handcheck: --carried-credit {}: {}\n", o.carried_credit, e.what());
    return 2;
  }
  if (options.carried_credit < 0 || options.carried_credit > 1) {
    fmt::print(stderr, "handcheck: --carried-credit must lie between 0 and 1, not {}\n", o.carried_credit);
    return 2;
  }
  try {
    AnswerKey key(o.limits.load(o.case_path), o.limits.audit_options().pipeline);
    for (const auto& step : key.skipped())
      fmt::print(stderr, "handcheck: {}: step {} cannot be graded: its pipeline stops before it\n", o.case_path, step);
    std::vector<Sheet> sheets;
    for (const auto& path : o.sheets) {
      auto more = read_sheets_file(path, key);
      sheets.insert(sheets.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    check_sheet_ids(sheets);
    for (const auto& s : sheets)
      for (const auto& note : s.notes) fmt::print(stderr, "{}: sheet {}: {}\n", s.where.to_string(), s.id, note);
    if (o.format == "gradescope" && !o.summary && sheets.size() != 1) {
      fmt::print(stderr, "handcheck: --format gradescope writes the results of one submission; {} sheets given\n",
                 sheets.size());
      return 2;
    }
    Grader grader(key, options);
    std::vector<SheetGrade> grades = grader.grade(sheets);
    ClassSummary summary = summarise(key, sheets, grades);
    GradeRun run{key, sheets, grades, options.carried_credit};
    std::string text;
    if (o.summary) {
      text = !o.format_given          ? render_summary_text(key, summary)
             : o.format == "json" ? render_summary_json(key, summary)
             : o.format == "csv"  ? render_summary_csv(key, summary)
                                  : render_summary_text(key, summary);
    } else {
      fmt::print(stderr, "{}", render_key_warnings(key, summary));
      text = o.format == "long"         ? render_grades_long_csv(run)
             : o.format == "wide"       ? render_grades_wide_csv(run)
             : o.format == "json"       ? render_grades_json(run)
             : o.format == "gradescope" ? render_gradescope(run, 0)
                                        : render_gradebook_csv(run);
    }
    return write_output(o.output, text) ? 0 : 2;
  } catch (const Error& e) {
    fmt::print(stderr, "{}\n", e.what());
    return 2;
  }
}

}  // namespace

Runner setup_grade(CLI::App& app) {
  auto o = std::make_shared<GradeCliOptions>();
  CLI::App* cmd = app.add_subcommand("grade", "Grade student sheets against a case, with follow-through credit");
  cmd->add_option("case", o->case_path, "The case file (its steps are the questions)")->required();
  cmd->add_option("sheets", o->sheets, "Sheets: JSON Lines, or a CSV (*.csv) with id,step,cell,value; - for stdin")
      ->required();
  cmd->add_option("--carried-credit", o->carried_credit,
                  "Credit for a cell that follows correctly from an earlier mistake, 0 to 1 (default 1)");
  CLI::Option* format = cmd->add_option("--format", o->format,
                  "csv: gradebook; long: a row per sheet and cell; wide: a column per cell; json; gradescope: "
                  "results.json of one submission")
      ->check(CLI::IsMember({"csv", "long", "wide", "json", "gradescope"}));
  cmd->add_option("-o,--output", o->output, "Write to this file (whole or not at all)");
  add_limit_options(cmd, o->limits);
  cmd->add_flag("--summary", o->summary,
                "Write the class analysis instead of the grades (text; csv or json with --format)");
  cmd->add_option("-j,--jobs", o->jobs, "Threads (default: one per core)")->check(CLI::Range(1u, 1024u));
  return [o, format] {
    o->format_given = format->count() > 0;
    return run_grade(*o);
  };
}

}  // namespace handcheck::cli
