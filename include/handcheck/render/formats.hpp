// The output formats of `check`, `key` and `grade`, one row each: the command line's choices and help,
// the Python module and the dispatch all read these tables, so a format is added in one place.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handcheck/audit/audit.hpp"
#include "handcheck/audit/key_view.hpp"
#include "handcheck/render/grades.hpp"
#include "handcheck/render/key_json.hpp"
#include "handcheck/render/text.hpp"

namespace handcheck {

struct ReportFormat {
  std::string_view name;
  std::string_view help;
  std::string (*render)(const std::vector<CaseAudit>& cases, const TextOptions& options);
};

struct KeyFormat {
  std::string_view name;
  std::string_view help;
  std::string (*render)(const CaseAudit& a, const KeyOptions& options);
  bool shows_approximation;  // the key says how far the hand pipeline is from the exact one
  // The same text in pieces as it is made (a key of tens of megabytes); nullptr: render's, whole.
  void (*write)(const CaseAudit& a, const KeyOptions& options, const TextSink& sink) = nullptr;
};

// Grades stream out a batch of sheets at a time (GradesWriter), except Gradescope's results,
// which are of one submission. With --summary and --format, the class analysis.
struct GradeFormat {
  std::string_view name;
  std::string_view help;  // "" when the name says it all
  std::optional<GradesFormat> rows;  // nullopt: render_gradescope of the one sheet
  bool names_slips;                  // the output names slips, so grading searches for them
  std::string (*summary)(const AnswerKey& key, const ClassSummary& s);  // nullptr: the text analysis
};

const std::vector<ReportFormat>& report_formats();
const std::vector<KeyFormat>& key_formats();
const std::vector<GradeFormat>& grade_formats();

// The row of that name, or nullptr.
const ReportFormat* find_report_format(std::string_view name);
const KeyFormat* find_key_format(std::string_view name);
const GradeFormat* find_grade_format(std::string_view name);

// "text (the default), json, ..." for a command's help.
std::string describe_formats(const std::vector<ReportFormat>& formats);
std::string describe_formats(const std::vector<KeyFormat>& formats);
// "csv: gradebook; ...; json; ..." (grade's help names its default in the option).
std::string describe_formats(const std::vector<GradeFormat>& formats);
std::vector<std::string> format_names(const std::vector<ReportFormat>& formats);
std::vector<std::string> format_names(const std::vector<KeyFormat>& formats);
std::vector<std::string> format_names(const std::vector<GradeFormat>& formats);

}  // namespace handcheck
