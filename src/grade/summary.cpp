#include "handcheck/grade/summary.hpp"

#include <algorithm>
#include <map>

namespace handcheck {

ClassSummary summarise(const AnswerKey& key, const std::vector<Sheet>& sheets, const std::vector<SheetGrade>& grades,
                       std::size_t top) {
  ClassSummary out;
  out.sheets = sheets.size();
  Rational total = 0;
  for (const auto& g : grades) total += g.score;
  out.mean_score = sheets.empty() ? Rational(0) : total / sheets.size();
  for (std::size_t i = 0; i < key.cells().size(); ++i) {
    CellSummary cs;
    cs.cell = i;
    // Wrong answers grouped by value, so that 0.5 and 1/2 count together.
    struct Group {
      std::map<std::string, std::size_t> texts;
      std::map<std::string_view, std::size_t> slips;
      std::size_t count = 0;
    };
    std::map<Rational, Group> groups;
    for (std::size_t s = 0; s < sheets.size(); ++s) {
      const CellGrade& g = grades[s].cells[i];
      switch (g.grade) {
        case Grade::ok: ++cs.ok; break;
        case Grade::carried: ++cs.carried; break;
        case Grade::erratum: ++cs.erratum; break;
        case Grade::blank: ++cs.blank; break;
        case Grade::invalid: ++cs.invalid; break;
        case Grade::undecided: ++cs.undecided; break;
      }
      if (g.grade != Grade::erratum && g.grade != Grade::carried) continue;
      auto literal = answer_literal(sheets[s].answers[i]);
      if (!literal) continue;
      Group& group = groups[literal->value];
      ++group.count;
      ++group.texts[std::string(sheets[s].answers.text(i))];
      if (g.slip != 0) ++group.slips[g.slip_tag()];
    }
    auto most = [](const auto& counts) {
      auto it = std::max_element(counts.begin(), counts.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
      return it->first;
    };
    std::vector<WrongValue> wrong;
    for (const auto& [value, group] : groups)
      wrong.push_back({most(group.texts), group.count, group.slips.empty() ? std::string_view() : most(group.slips)});
    std::stable_sort(wrong.begin(), wrong.end(), [](const WrongValue& a, const WrongValue& b) { return a.count > b.count; });
    // One or two sheets agreeing says nothing about the key.
    if (!wrong.empty() && sheets.size() >= 3 && 2 * wrong.front().count > sheets.size())
      out.warnings.push_back({i, wrong.front()});
    if (wrong.size() > top) wrong.resize(top);
    cs.wrong = std::move(wrong);
    out.cells.push_back(std::move(cs));
  }
  return out;
}

}  // namespace handcheck
