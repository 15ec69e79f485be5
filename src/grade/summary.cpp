#include "handcheck/grade/summary.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

namespace handcheck {

// Per cell: the verdict counts, and each wrong text with the sheets that wrote it and the
// slips their errata match. Texts are grouped by value only at the end: a class writes few.
struct ClassTally::Cell {
  std::array<std::size_t, 6> count{};  // by Grade
  struct Text {
    std::size_t count = 0;
    std::map<std::uint8_t, std::size_t> slips;  // slip (CellGrade::slip) -> sheets
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, Text, Hash, std::equal_to<>> wrong;
  // The last text seen, looked up without hashing: most wrong answers repeat.
  const std::string* last_text = nullptr;
  Text* last = nullptr;
};

ClassTally::ClassTally(const AnswerKey& key) : key_(key), cells_(key.cells().size()) {}
ClassTally::~ClassTally() = default;

void ClassTally::add(const Sheet& sheet, const SheetGrade& grade) {
  ++sheets_;
  // A class has few distinct scores: count them, and add them up once at the end. A score
  // follows from its counts: the entry last used for them is tried first (and checked).
  auto& hint = score_hints_[(grade.ok * 31 + grade.carried) % score_hints_.size()];
  if (!hint.used || hint.at->first != grade.score) hint = {scores_.try_emplace(grade.score).first, true};
  ++hint.at->second;
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    Cell& c = cells_[i];
    const CellGrade& g = grade.cells[i];
    ++c.count[static_cast<std::size_t>(g.grade)];
    if (g.grade != Grade::erratum && g.grade != Grade::carried) continue;
    std::string_view text = sheet.answers.text(i);
    if (!c.last || *c.last_text != text) {
      auto it = c.wrong.find(text);
      if (it == c.wrong.end()) it = c.wrong.emplace(std::string(text), Cell::Text{}).first;
      c.last_text = &it->first;
      c.last = &it->second;
    }
    ++c.last->count;
    if (g.slip != 0) ++c.last->slips[g.slip];
  }
}

void ClassTally::add(const std::vector<Sheet>& sheets, const std::vector<SheetGrade>& grades) {
  for (std::size_t s = 0; s < sheets.size(); ++s) add(sheets[s], grades[s]);
}

ClassSummary ClassTally::summary(std::size_t top) const {
  ClassSummary out;
  out.sheets = sheets_;
  Rational total = 0;
  for (const auto& [score, n] : scores_) total += score * n;
  out.mean_score = sheets_ == 0 ? Rational(0) : total / sheets_;
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    const Cell& c = cells_[i];
    CellSummary cs;
    cs.cell = i;
    auto n = [&](Grade g) { return c.count[static_cast<std::size_t>(g)]; };
    cs.ok = n(Grade::ok);
    cs.carried = n(Grade::carried);
    cs.erratum = n(Grade::erratum);
    cs.blank = n(Grade::blank);
    cs.invalid = n(Grade::invalid);
    cs.undecided = n(Grade::undecided);
    // Wrong answers grouped by value, so that 0.5 and 1/2 count together.
    struct Group {
      std::map<std::string, std::size_t> texts;
      std::map<std::string_view, std::size_t> slips;
      std::size_t count = 0;
    };
    std::map<Rational, Group> groups;
    for (const auto& [text, t] : c.wrong) {
      auto literal = answer_literal({Answer::Kind::value, text});
      if (!literal) continue;
      Group& group = groups[literal->value];
      group.count += t.count;
      group.texts[text] += t.count;
      for (const auto& [slip, n] : t.slips) group.slips[CellGrade{Grade::erratum, slip}.slip_tag()] += n;
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
    if (!wrong.empty() && sheets_ >= 3 && 2 * wrong.front().count > sheets_) out.warnings.push_back({i, wrong.front()});
    if (wrong.size() > top) wrong.resize(top);
    cs.wrong = std::move(wrong);
    out.cells.push_back(std::move(cs));
  }
  return out;
}

ClassSummary summarise(const AnswerKey& key, const std::vector<Sheet>& sheets, const std::vector<SheetGrade>& grades,
                       std::size_t top) {
  ClassTally tally(key);
  tally.add(sheets, grades);
  return tally.summary(top);
}

}  // namespace handcheck
