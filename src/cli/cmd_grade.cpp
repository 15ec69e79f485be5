// handcheck grade CASE SHEETS...: grades student sheets with follow-through credit. Sheets
// stream in a batch at a time and rows stream out in the sheets' order, so memory does not
// grow with the class; the class analysis is folded as they pass.
#include <algorithm>
#include <fmt/format.h>
#include <cstdlib>
#include <future>
#include <memory>
#include <optional>
#include <string_view>
#include <system_error>

#include "commands.hpp"
#include "handcheck/grade/grade.hpp"
#include "handcheck/grade/summary.hpp"
#include "handcheck/model/loader.hpp"
#include "handcheck/parallel.hpp"
#include "handcheck/printable.hpp"
#include "handcheck/render/formats.hpp"
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

// The credit of a carried cell, or nullopt after a message.
std::optional<Rational> carried_credit(const std::string& text) {
  Rational credit;
  const std::string shown = printable(detail::shortened(text), false);
  try {
    credit = parse_finite_literal(text).value;
  } catch (const DomainError& e) {
    eprint("{}\n", error_line("handcheck", ErrorId::cli_option,
                                          fmt::format("--carried-credit {}: {}", shown, printable(e.what(), false))));
    return std::nullopt;
  }
  if (credit < 0 || credit > 1) {
    eprint("{}\n", error_line("handcheck", ErrorId::cli_option,
                                          fmt::format("--carried-credit must lie between 0 and 1, not {}", shown)));
    return std::nullopt;
  }
  return credit;
}

void one_submission_error(const char* given) {
  eprint("{}\n",
             error_line("handcheck", ErrorId::cli_ungradable,
                        fmt::format("--format gradescope writes the results of one submission; {} given", given)));
}

// A class graded as its sheets stream past: rows go out as they are graded (in the format's
// GradesWriter), the class analysis is folded, and Gradescope's one submission is kept. Two
// stages: while one batch is read and graded, the one before is tallied and written, in order.
class ClassGrading {
 public:
  ClassGrading(const GradeCliOptions& o, const GradeFormat& f, const AnswerKey& key, const GradeOptions& options)
      : o_(o),
        key_(key),
        credit_(options.carried_credit),
        grader_(key, options),
        tally_(key),
        gradescope_(!f.rows && !o.summary),
        rows_(!o.summary && !gradescope_),
        slips_(o.summary || f.names_slips),
        remember_lines_(options.shortcuts),
        overlap_(thread_count(2, o.jobs) > 1),
        batch_(std::clamp<std::size_t>(kCellsAtOnce / std::max<std::size_t>(key.cells().size(), 1), 1,
                                       std::max<std::size_t>(o.batch, 1))),
        out_(o.output),
        writer_(f.rows.value_or(GradesFormat::csv), key, options.carried_credit) {}

  // Every sheets file, then the tail or the analysis.
  ExitCode run(const GradeFormat& f) {
    // The head goes out with the first rows: a sheets file that cannot be read prints nothing.
    if (rows_) writer_.head(text_);
    if (!read_all()) return ExitCode::error;
    if (gradescope_ && first_sheet_.empty()) {
      one_submission_error("0 sheets");
      return ExitCode::error;
    }
    ClassSummary summary = tally_.summary();
    if (o_.summary) {
      text_ = o_.format_given && f.summary ? f.summary(key_, summary) : render_summary_text(key_, summary);
    } else {
      eprint("{}", render_key_warnings(key_, summary));
      if (gradescope_) text_ = render_gradescope({key_, first_sheet_, first_grade_, credit_}, 0);
      else writer_.tail(text_);  // after the head alone when there were no sheets
    }
    return out_.write(text_) && out_.commit() ? ExitCode::clean : ExitCode::error;
  }

 private:
  struct Batch {
    std::vector<Sheet> sheets;
    std::vector<SheetGrade> grades;
    std::vector<const SheetGrade*> known;
  };

  // Reads and grades every batch; false after a message. A bad line is reported (thrown) after
  // the batches before it are written, as without the overlap.
  bool read_all() {
    std::size_t at = 0;
    for (const auto& path : o_.sheets) {
      SheetStream in(path, key_, o_.jobs, remember_lines_);
      bool any = false;
      for (;;) {
        Batch& b = batches_[at];
        bool more;
        try {
          more = in.next(b.sheets, b.known, batch_);
        } catch (...) {
          if (!finish_previous()) return false;
          throw;
        }
        if (!more) break;
        any = true;
        grader_.grade(b.sheets, b.grades, b.known);
        in.remember(b.sheets, b.grades);
        if (!finish_previous()) return false;
        if (!overlap_ || !emit_beside(b))
          if (!emit(b)) return false;
        at ^= 1;
      }
      // Graded as a class of none, but most likely not the file meant.
      if (!any)
        eprint("{}\n", printable(fmt::format("warning: {}: no sheets in this file", path == "-" ? "standard input" : path), false));
    }
    return finish_previous();
  }

  // Starts writing batch b on a thread of its own while the next is graded; false when no
  // thread could be had (a process limit), and b is then the caller's to write.
  bool emit_beside(Batch& b) {
    try {
      writing_ = std::async(std::launch::async, [this, &b] { return emit(b); });
      return true;
    } catch (const std::system_error&) {
      return false;
    }
  }

  // Waits for the batch being written; false when it failed (after its message). An Error it
  // threw (an id given twice) is thrown here.
  bool finish_previous() {
    if (!writing_.valid()) return true;
    return writing_.get();
  }

  // Notes, the analysis and the rows of a graded batch; false after a message.
  bool emit(const Batch& b) {
    for (const auto& s : b.sheets) {
      ids_.add(s);
      for (const auto& note : s.notes)
        eprint("{}\n", printable(fmt::format("{}: sheet {}: {}", s.where.to_string(), detail::shortened(s.id), note), false));
    }
    if (gradescope_ && tally_.sheets() + b.sheets.size() > 1) {
      one_submission_error("more sheets");
      return false;
    }
    for (std::size_t i = 0; i < b.sheets.size(); ++i)
      if (slips_ && b.grades[i].slips_unsearched > 0)
        fmt::print(stderr,
                   "{}: sheet {}: {} errata past the slip budget (--max-slip-cells {}) are graded without a slip name\n",
                   printable(b.sheets[i].where.to_string(), false), printable(detail::shortened(b.sheets[i].id), false),
                   b.grades[i].slips_unsearched, o_.slip_cells);
    tally_.add(b.sheets, b.grades);
    if (gradescope_) {
      first_sheet_ = b.sheets;
      first_grade_ = b.grades;
    }
    if (!rows_) return true;
    writer_.rows(b.sheets, b.grades, text_);
    if (!out_.write(text_)) return false;
    text_.clear();
    return true;
  }

  const GradeCliOptions& o_;
  const AnswerKey& key_;
  Rational credit_;
  Grader grader_;
  ClassTally tally_;
  SheetIds ids_;
  const bool gradescope_, rows_, slips_;
  // Lines repeated under new ids are graded once (not when every shortcut is off).
  const bool remember_lines_;
  const bool overlap_;  // more than one thread: write a batch while the next one is graded
  // A batch's grades and rows grow with the key's cells (a long gradebook writes a row a cell):
  // at most kCellsAtOnce cells' worth of sheets at a time, whatever --batch says.
  static constexpr std::size_t kCellsAtOnce = std::size_t{1} << 20;
  const std::size_t batch_;
  OutputStream out_;
  GradesWriter writer_;
  std::string text_;
  Batch batches_[2];
  std::future<bool> writing_;
  // Gradescope's results are of one submission: its sheet and grade are kept.
  std::vector<Sheet> first_sheet_;
  std::vector<SheetGrade> first_grade_;
};

ExitCode run_grade(const GradeCliOptions& o) {
  const GradeFormat* format = find_grade_format(o.format);
  if (!format) {
    eprint("{}\n", error_line("handcheck", ErrorId::cli_option, fmt::format("unknown --format {}", printable(detail::shortened(o.format), false))));
    return ExitCode::error;
  }
  GradeOptions options;
  options.threads = o.jobs;
  // A debugging aid: grade every sheet by the full audit alone, without any shortcut.
  if (const char* v = std::getenv("HANDCHECK_NO_REUSE"); v && *v && std::string_view(v) != "0") options.shortcuts = false;
  // The gradebook and the wide table show no slip names: do not search for them.
  options.slip_cells = o.summary || format->names_slips ? o.slip_cells : 0;
  auto credit = carried_credit(o.carried_credit);
  if (!credit) return ExitCode::error;
  options.carried_credit = *credit;
  std::vector<std::string> inputs{o.case_path};
  inputs.insert(inputs.end(), o.sheets.begin(), o.sheets.end());
  if (!output_spares_inputs(o.output, inputs)) return ExitCode::error;
  try {
    AnswerKey key(o.limits.load(o.case_path), o.limits.audit_options().pipeline);
    for (const auto& step : key.skipped())
      eprint("handcheck: {}: step {} cannot be graded: its pipeline stops before it\n",
                 printable(o.case_path, false), printable(step, false));
    return ClassGrading(o, *format, key, options).run(*format);
  } catch (const Error& e) {
    eprint("{}\n", e.what());
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
  CLI::Option* format = cmd->add_option("--format", o->format, describe_formats(grade_formats()))
                             ->check(CLI::IsMember(format_names(grade_formats())));
  cmd->add_option("-o,--output", o->output, "Write to this file (whole or not at all)");
  add_limit_options(cmd, o->limits);
  cmd->add_flag("--summary", o->summary,
                "Write the class analysis instead of the grades (text; csv or json with --format)");
  cmd->add_option("-j,--jobs", o->jobs, "Threads (default: one per core)")
      ->check(decimal_number())
      ->check(CLI::Range(1u, 1024u));
  cmd->add_option("--max-slip-cells", o->slip_cells,
                  "Per sheet: wrong cells searched for a known slip (default 64); past it, errata get no slip name")
      ->check(decimal_number())
      ->check(CLI::Range(std::size_t{0}, std::size_t{1} << 30));
  cmd->add_option("--batch", o->batch, "Sheets read and graded at a time (default 4096); memory grows with it")
      ->check(decimal_number())
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20));
  return [o, format] {
    o->format_given = format->count() > 0;
    return run_grade(*o);
  };
}

}  // namespace handcheck::cli
