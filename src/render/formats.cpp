#include "handcheck/render/formats.hpp"

#include <fmt/format.h>

#include "handcheck/render/json.hpp"
#include "handcheck/render/junit.hpp"
#include "handcheck/render/key_html.hpp"
#include "handcheck/render/key_json.hpp"
#include "handcheck/render/key_latex.hpp"
#include "handcheck/render/key_markdown.hpp"
#include "handcheck/render/report_markdown.hpp"

namespace handcheck {

namespace {

template <class Format>
const Format* find(const std::vector<Format>& formats, std::string_view name) {
  for (const auto& f : formats)
    if (f.name == name) return &f;
  return nullptr;
}

template <class Format>
std::string describe(const std::vector<Format>& formats) {
  std::vector<std::string> parts;
  for (const auto& f : formats) parts.push_back(fmt::format("{} ({})", f.name, f.help));
  return fmt::format("{}", fmt::join(parts, ", "));
}

template <class Format>
std::vector<std::string> names(const std::vector<Format>& formats) {
  std::vector<std::string> out;
  for (const auto& f : formats) out.emplace_back(f.name);
  return out;
}

}  // namespace

const std::vector<ReportFormat>& report_formats() {
  static const std::vector<ReportFormat> formats{
      {"text", "for people, the default", &render_text},
      {"json", "report/1, for tools", [](const std::vector<CaseAudit>& c, const TextOptions&) { return render_json(c); }},
      {"junit", "JUnit XML, for CI", [](const std::vector<CaseAudit>& c, const TextOptions&) { return render_junit(c); }},
      {"md", "Markdown, for a pull request or a CI job summary", &render_report_markdown},
  };
  return formats;
}

const std::vector<KeyFormat>& key_formats() {
  static const std::vector<KeyFormat> formats{
      {"md", "Markdown, the default", &render_key_markdown, true},
      {"tex", "LaTeX", &render_key_latex, true},
      {"html", "one self-contained page", &render_key_html, true},
      {"json", "for tools", &render_key_json, false, &write_key_json},
  };
  return formats;
}

const std::vector<GradeFormat>& grade_formats() {
  static const std::vector<GradeFormat> formats{
      {"csv", "gradebook", GradesFormat::csv, false, &render_summary_csv},
      {"long", "a row per sheet and cell", GradesFormat::long_csv, true, nullptr},
      {"wide", "a column per cell", GradesFormat::wide_csv, false, nullptr},
      {"json", "", GradesFormat::json, true, &render_summary_json},
      {"gradescope", "results.json of one submission", std::nullopt, true, nullptr},
  };
  return formats;
}

const ReportFormat* find_report_format(std::string_view name) { return find(report_formats(), name); }
const KeyFormat* find_key_format(std::string_view name) { return find(key_formats(), name); }
const GradeFormat* find_grade_format(std::string_view name) { return find(grade_formats(), name); }
std::string describe_formats(const std::vector<ReportFormat>& formats) { return describe(formats); }
std::string describe_formats(const std::vector<KeyFormat>& formats) { return describe(formats); }
std::vector<std::string> format_names(const std::vector<ReportFormat>& formats) { return names(formats); }
std::vector<std::string> format_names(const std::vector<KeyFormat>& formats) { return names(formats); }
std::vector<std::string> format_names(const std::vector<GradeFormat>& formats) { return names(formats); }

std::string describe_formats(const std::vector<GradeFormat>& formats) {
  std::vector<std::string> parts;
  for (const auto& f : formats) parts.push_back(f.help.empty() ? std::string(f.name) : fmt::format("{}: {}", f.name, f.help));
  return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace handcheck
