#include "handcheck/render/junit.hpp"

#include <fmt/format.h>

#include "handcheck/detail/text.hpp"
#include "handcheck/printable.hpp"
#include "handcheck/render/text.hpp"

namespace handcheck {

namespace {

// XML 1.0 text or attribute value: UTF-8, markup escaped, control characters (which XML 1.0
// forbids, or a terminal would act on) written visibly.
std::string xml(std::string_view raw) { return detail::escape_markup(raw, detail::Markup::xml); }

// Element text keeps its line breaks.
std::string xml_text(std::string_view s) {
  std::string out = xml(s);
  for (std::size_t at; (at = out.find("&#10;")) != std::string::npos;) out.replace(at, 5, "\n");
  return out;
}

// cases/slips/x.yaml -> cases.slips.x: CI systems split a class name at its dots.
std::string class_name(std::string path) {
  for (const char* ext : {".yaml", ".yml"})
    if (path.size() > std::string_view(ext).size() && path.ends_with(ext)) path.resize(path.size() - std::string_view(ext).size());
  for (auto& c : path)
    if (c == '/' || c == '\\' || c == '.') c = '.';
  while (!path.empty() && path.front() == '.') path.erase(0, 1);
  return path;
}

struct Suite {
  std::string body;
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
};

Suite suite_of(const CaseAudit& a) {
  Suite s;
  std::string cls = xml(class_name(a.file));
  if (a.status == CaseAudit::Status::error) {
    s.tests = s.errors = 1;
    const SourceLoc& w = a.error->where();
    s.body = fmt::format("    <testcase name=\"load and evaluate\" classname=\"{}\" file=\"{}\"{}>\n"
                         "      <error message=\"{}\" type=\"error\">{}</error>\n    </testcase>\n",
                         cls, xml(a.file), w.line ? fmt::format(" line=\"{}\"", w.line) : "", xml(a.error->message()),
                         xml_text(a.error->what()));
    return s;
  }
  const Case& c = *a.kase;
  std::vector<const StepAudit*> audited(c.items.size(), nullptr);
  for (const auto& sa : a.steps) audited[sa.item] = &sa;
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    const Item& item = c.items[i];
    if (item.is_input) continue;
    ++s.tests;
    const StepAudit* sa = audited[i];
    std::string head = fmt::format("    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\" assertions=\"{}\"",
                                   xml(item.name), cls, xml(a.file), item.loc.line, sa ? sa->cells.size() : 0);
    if (!sa) {
      ++s.skipped;
      s.body += head + ">\n      <skipped message=\"" +
                xml(item.stated ? "not evaluated: its pipeline stops before it" : "nothing stated") + "\"/>\n    </testcase>\n";
      continue;
    }
    std::string failures;
    for (const auto& cell : sa->cells) {
      if (cell.verdict == Verdict::ok) continue;
      std::string message = fmt::format("{}: stated {}, expected {} ({})", cell.label, cell.stated.text,
                                        cell.expected_printed, to_string(cell.verdict));
      std::string detail = fmt::format("step: {}\ncell: {} (row {}, column {})\nstated: {}\nexpected: {}\nverdict: {}\n",
                                       item.name, cell.label, cell.row + 1, cell.col + 1, cell.stated.text, cell.expected,
                                       to_string(cell.verdict));
      if (cell.verdict == Verdict::erratum) detail += fmt::format("downstream: {}\n", to_string(cell.downstream));
      if (cell.verdict == Verdict::carried && cell.root >= 0) {
        const ErratumRef& root = a.errata[static_cast<std::size_t>(cell.root)];
        detail += fmt::format("follows from: {} {}\n", c.items[a.steps[root.step].item].name, a.cell(root).label);
      }
      for (const auto& slip : cell.slips) detail += fmt::format("slip: {} [{}]\n", slip.text, slip.tag);
      if (!cell.slips_searched) detail += "slips: not searched (the slip search's work budget ran out)\n";
      detail += fmt::format("at: {}\n", cell.loc.to_string());
      failures += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", xml(message),
                              to_string(cell.verdict), xml_text(detail));
    }
    if (failures.empty()) {
      s.body += head + "/>\n";
    } else {
      ++s.failures;
      s.body += head + ">\n" + failures + "    </testcase>\n";
    }
  }
  s.body += "    <system-out>" + xml_text(render_text({a})) + "</system-out>\n";
  return s;
}

}  // namespace

std::string render_junit(const std::vector<CaseAudit>& cases) {
  std::string suites;
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  for (const auto& a : cases) {
    Suite s = suite_of(a);
    tests += s.tests;
    failures += s.failures;
    errors += s.errors;
    skipped += s.skipped;
    std::string properties =
        a.title.empty() ? "" : fmt::format("    <properties>\n      <property name=\"title\" value=\"{}\"/>\n    </properties>\n", xml(a.title));
    suites += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" file=\"{}\">\n{}{}"
                          "  </testsuite>\n",
                          xml(a.file), s.tests, s.failures, s.errors, s.skipped, xml(a.file), properties, s.body);
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<testsuites name=\"handcheck\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n{}"
                     "</testsuites>\n",
                     tests, failures, errors, skipped, suites);
}

}  // namespace handcheck
