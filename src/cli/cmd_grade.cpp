// handcheck grade CASE SHEETS...: grades student sheets with follow-through credit. Sheets
// stream in a batch at a time and rows stream out in the sheets' order, so memory does not
// grow with the class; the class analysis is folded as they pass.
#include <fmt/format.h>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "commands.hpp"
#include "handcheck/grade/grade.hpp"
#include "handcheck/grade/summary.hpp"
#include "handcheck/model/loader.hpp"
#include "handcheck/printable.hpp"
#include "handcheck/render/grades.hpp"
#include "limit_options.hpp"
#include "output.hpp"
#include "output_stream.hpp"

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
  std::size_t batch = 4096;
  std::size_t slip_cells = GradeOptions{}.slip_cells;
  LimitOptions limits;
};

GradesFormat grades_format(const std::string& f) {
  return f == "long" ? GradesFormat::long_csv : f == "wide" ? GradesFormat::wide_csv : f == "json" ? GradesFormat::json
                                                                                                  : GradesFormat::csv;
}

ExitCode run_grade(const GradeCliOptions& o) {
  GradeOptions options;
  options.threads = o.jobs;
  // A debugging aid: grade every sheet by the full audit alone, without any shortcut.
  if (const char* v = std::getenv("HANDCHECK_NO_REUSE"); v && *v && std::string_view(v) != "0") options.shortcuts = false;
  // The gradebook and the wide table show no slip names: do not search for them.
  const bool slips = o.summary || o.format == "long" || o.format == "json" || o.format == "gradescope";
  options.slip_cells = slips ? o.slip_cells : 0;
  try {
    options.carried_credit = parse_finite_literal(o.carried_credit).value;
  } catch (const DomainError& e) {
    fmt::print(stderr, "{}\n", error_line("handcheck", ErrorId::cli_option, fmt::format("--carried-credit {}: {}", o.carried_credit, e.what())));
    return ExitCode::error;
  }
  if (options.carried_credit < 0 || options.carried_credit > 1) {
    fmt::print(stderr, "{}\n", error_line("handcheck", ErrorId::cli_option,
                                       fmt::format("--carried-credit must lie between 0 and 1, not {}", o.carried_credit)));
    return ExitCode::error;
  }
  std::vector<std::string> inputs{o.case_path};
  inputs.insert(inputs.end(), o.sheets.begin(), o.sheets.end());
  if (!output_spares_inputs(o.output, inputs)) return ExitCode::error;
  try {
    AnswerKey key(o.limits.load(o.case_path), o.limits.audit_options().pipeline);
    for (const auto& step : key.skipped())
      fmt::print(stderr, "handcheck: {}: step {} cannot be graded: its pipeline stops before it\n",
                 printable(o.case_path, false), printable(step, false));
    Grader grader(key, options);
    ClassTally tally(key);
    SheetIds ids;
    const bool gradescope = o.format == "gradescope" && !o.summary;
    const bool rows = !o.summary && !gradescope;
    // Gradescope's results are of one submission: its sheet and grade are kept.
    std::vector<Sheet> first_sheet;
    std::vector<SheetGrade> first_grade;
    OutputStream out(o.output);
    GradesWriter writer(grades_format(o.format), key, options.carried_credit);
    // The head goes out with the first rows: a sheets file that cannot be read prints nothing.
    std::string text;
    if (rows) writer.head(text);
    std::vector<Sheet> batch;
    std::vector<SheetGrade> grades;
    for (const auto& path : o.sheets) {
      SheetStream in(path, key, o.jobs);
      while (in.next(batch, o.batch)) {
        for (const auto& s : batch) {
          ids.add(s);
          for (const auto& note : s.notes)
            fmt::print(stderr, "{}\n", printable(fmt::format("{}: sheet {}: {}", s.where.to_string(), s.id, note), false));
        }
        if (gradescope && tally.sheets() + batch.size() > 1) {
          fmt::print(stderr, "{}\n", error_line("handcheck", ErrorId::cli_ungradable,
                                                 "--format gradescope writes the results of one submission; more sheets given"));
          return ExitCode::error;
        }
        grader.grade(batch, grades);
        for (std::size_t i = 0; i < batch.size(); ++i)
          if (slips && grades[i].slips_unsearched > 0)
            fmt::print(stderr, "{}: sheet {}: {} errata past the slip budget (--max-slip-cells {}) are graded without a slip name\n",
                       printable(batch[i].where.to_string(), false), printable(batch[i].id, false),
                       grades[i].slips_unsearched, o.slip_cells);
        tally.add(batch, grades);
        if (gradescope) {
          first_sheet = batch;
          first_grade = grades;
        }
        if (rows) {
          writer.rows(batch, grades, text);
          if (!out.write(text)) return ExitCode::error;
          text.clear();
        }
      }
    }
    if (gradescope && first_sheet.empty()) {
      fmt::print(stderr, "{}\n", error_line("handcheck", ErrorId::cli_ungradable,
                                         "--format gradescope writes the results of one submission; 0 sheets given"));
      return ExitCode::error;
    }
    ClassSummary summary = tally.summary();
    if (o.summary) {
      text = !o.format_given          ? render_summary_text(key, summary)
             : o.format == "json" ? render_summary_json(key, summary)
             : o.format == "csv"  ? render_summary_csv(key, summary)
                                  : render_summary_text(key, summary);
    } else {
      fmt::print(stderr, "{}", render_key_warnings(key, summary));
      if (gradescope) text = render_gradescope({key, first_sheet, first_grade, options.carried_credit}, 0);
      else writer.tail(text);  // after the head alone when there were no sheets
    }
    return out.write(text) && out.commit() ? ExitCode::clean : ExitCode::error;
  } catch (const Error& e) {
    fmt::print(stderr, "{}\n", e.what());
    return ExitCode::error;
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
  cmd->add_option("--max-slip-cells", o->slip_cells,
                  "Per sheet: wrong cells searched for a known slip (default 64); past it, errata get no slip name")
      ->check(CLI::Range(std::size_t{0}, std::size_t{1} << 30));
  cmd->add_option("--batch", o->batch, "Sheets read and graded at a time (default 4096); memory grows with it")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20));
  return [o, format] {
    o->format_given = format->count() > 0;
    return run_grade(*o);
  };
}

}  // namespace handcheck::cli
