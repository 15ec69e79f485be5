#include "handcheck/grade/grade.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <unordered_map>

#include "handcheck/parallel.hpp"

namespace handcheck {

std::string_view to_string(Grade g) {
  switch (g) {
    case Grade::ok: return "ok";
    case Grade::carried: return "carried";
    case Grade::erratum: return "erratum";
    case Grade::blank: return "blank";
    case Grade::invalid: return "invalid";
    case Grade::undecided: return "undecided";
  }
  return "";
}

std::string_view CellGrade::slip_tag() const { return slip ? slip_tags()[slip - 1u] : std::string_view(); }

std::optional<Literal> answer_literal(const Answer& a) {
  if (a.kind != Answer::Kind::value) return std::nullopt;
  try {
    return parse_literal(a.text);
  } catch (const DomainError&) {
    return std::nullopt;
  }
}

// Grades of sheets already audited, by their answers: a class shares its common slips.
struct Grader::Memo {
  std::mutex mutex;
  std::unordered_map<std::string, std::vector<CellGrade>> sheets;
  static constexpr std::size_t max_sheets = 1u << 16;
};

// What each written answer means for its cell: parsed and compared once per distinct text.
// One per thread, so that it needs no lock.
class Grader::Judge {
 public:
  struct Judgement {
    std::optional<Literal> literal;  // nullopt: the text is not a number
    bool matches = false;            // it matches the correct value: ok, whatever else the sheet says
  };

  Judge(const AnswerKey& key, Comparator compare)
      : key_(key), compare_(compare), seen_(key.cells().size()), last_(key.cells().size()) {}

  const Judgement& operator()(std::size_t cell, std::string_view text) {
    // Most of a class writes a cell the same way: try the last text first, without hashing.
    auto& [last_text, last] = last_[cell];
    if (last && last_text == text) return *last;
    auto& seen = seen_[cell];
    auto it = seen.find(text);
    if (it == seen.end()) it = seen.emplace(text, judge(cell, text)).first;
    last_text = it->first;
    last = &it->second;
    return it->second;
  }

 private:
  Judgement judge(std::size_t cell, std::string_view text) const {
    Judgement j;
    j.literal = answer_literal({Answer::Kind::value, std::string(text)});
    if (j.literal) {
      const KeyCell& kc = key_.cells()[cell];
      const Real& truth = key_.steps()[kc.step].hand ? key_.hand_value(cell) : key_.exact_value(cell);
      if (compare_ && truth.is_exact()) j.matches = compare_(key_.item_of(kc).compare, *j.literal, truth.exact());
      else j.matches = key_.matches(cell, *j.literal) == Match::yes;
    }
    return j;
  }

  const AnswerKey& key_;
  Comparator compare_;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // Node-based: the references kept in last_ stay valid as the maps grow.
  std::vector<std::unordered_map<std::string, Judgement, Hash, std::equal_to<>>> seen_;
  std::vector<std::pair<std::string_view, const Judgement*>> last_;
};

Grader::Grader(const AnswerKey& key, GradeOptions options)
    : key_(key), options_(std::move(options)), step_of_(key.kase().items.size(), -1), memo_(std::make_unique<Memo>()) {
  for (std::size_t k = 0; k < key_.steps().size(); ++k) step_of_[key_.steps()[k].item] = static_cast<long>(k);
}

Grader::~Grader() = default;

CaseAudit Grader::audit(const Sheet& sheet) const {
  Judge judge(key_, options_.compare);
  return audit_with(judge, sheet);
}

CaseAudit Grader::audit_with(Judge& judge, const Sheet& sheet) const {
  const Case& c = key_.kase();
  StatedValues stated(c.items.size());
  for (const KeyStep& step : key_.steps()) {
    Matrix<std::optional<Literal>> m(step.shape);
    for (std::size_t k = 0; k < step.shape.cells(); ++k) {
      std::size_t cell = step.first + k;
      if (sheet.answers.kind(cell) == Answer::Kind::value)
        m(k / step.shape.cols, k % step.shape.cols) = judge(cell, sheet.answers.text(cell)).literal;
    }
    stated[step.item] = std::move(m);
  }
  return audit_stated(c, key_.hand(), key_.exact(), stated, key_.options());
}

std::vector<CellGrade> Grader::audited(Judge& judge, const Sheet& sheet) const {
  std::string signature;
  if (options_.reuse_identical) {
    for (std::size_t i = 0; i < sheet.answers.size(); ++i) {
      signature += static_cast<char>('0' + static_cast<int>(sheet.answers.kind(i)));
      signature += sheet.answers.text(i);
      signature += '\x1f';
    }
    std::lock_guard<std::mutex> lock(memo_->mutex);
    if (auto it = memo_->sheets.find(signature); it != memo_->sheets.end()) return it->second;
  }
  CaseAudit a = audit_with(judge, sheet);
  std::vector<CellGrade> out(key_.cells().size());
  for (const auto& sa : a.steps) {
    const KeyStep& step = key_.steps()[static_cast<std::size_t>(step_of_[sa.item])];
    for (const auto& cell : sa.cells) {
      CellGrade& cg = out[step.first + cell.row * step.shape.cols + cell.col];
      switch (cell.verdict) {
        case Verdict::ok: cg.grade = Grade::ok; break;
        case Verdict::carried: cg.grade = Grade::carried; break;
        case Verdict::erratum: cg.grade = Grade::erratum; break;
        case Verdict::undecided: cg.grade = Grade::undecided; break;
      }
      if (!cell.slips.empty()) {
        const auto& tags = slip_tags();
        auto at = std::find(tags.begin(), tags.end(), cell.slips.front().tag);
        if (at != tags.end() && at - tags.begin() < 255) cg.slip = static_cast<std::uint8_t>(at - tags.begin() + 1);
      }
    }
  }
  if (options_.reuse_identical) {
    std::lock_guard<std::mutex> lock(memo_->mutex);
    if (memo_->sheets.size() < Memo::max_sheets) memo_->sheets.emplace(std::move(signature), out);
  }
  return out;
}

SheetGrade Grader::grade_with(Judge& judge, const Sheet& sheet) const {
  SheetGrade g;
  g.cells.resize(key_.cells().size());
  bool all_match = true;
  for (std::size_t i = 0; i < g.cells.size(); ++i) {
    Answer::Kind kind = sheet.answers.kind(i);
    if (kind == Answer::Kind::blank) continue;
    if (kind == Answer::Kind::invalid) {
      g.cells[i].grade = Grade::invalid;
      continue;
    }
    const Judge::Judgement& j = judge(i, sheet.answers.text(i));
    if (!j.literal) g.cells[i].grade = Grade::invalid;
    else if (j.matches) g.cells[i].grade = Grade::ok;
    else all_match = false;
  }
  // When every answer matches its correct value, every one is ok (DESIGN §5) without the
  // audit; otherwise the audit decides every answered cell (invalid ones count as blank).
  if (!all_match) {
    std::vector<CellGrade> audited_cells = audited(judge, sheet);
    for (std::size_t i = 0; i < g.cells.size(); ++i)
      if (g.cells[i].grade != Grade::invalid) g.cells[i] = audited_cells[i];
  }
  for (const auto& cell : g.cells) {
    switch (cell.grade) {
      case Grade::ok: ++g.ok; break;
      case Grade::carried: ++g.carried; break;
      case Grade::erratum: ++g.erratum; break;
      case Grade::blank: ++g.blank; break;
      case Grade::invalid: ++g.invalid; break;
      case Grade::undecided: ++g.undecided; break;
    }
  }
  g.score = g.cells.empty() ? Rational(0) : (Rational(g.ok) + options_.carried_credit * g.carried) / g.cells.size();
  return g;
}

SheetGrade Grader::grade(const Sheet& sheet) const {
  Judge judge(key_, options_.compare);
  return grade_with(judge, sheet);
}

std::vector<SheetGrade> Grader::grade(const std::vector<Sheet>& sheets) const {
  std::vector<SheetGrade> out(sheets.size());
  std::atomic<std::size_t> next{0};
  unsigned threads = thread_count(sheets.size(), options_.threads);
  parallel_for(
      threads,
      [&](std::size_t) {
        Judge judge(key_, options_.compare);
        for (std::size_t i; (i = next.fetch_add(1)) < sheets.size();) out[i] = grade_with(judge, sheets[i]);
      },
      threads);
  return out;
}

}  // namespace handcheck
