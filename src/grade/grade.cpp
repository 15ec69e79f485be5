#include "handcheck/grade/grade.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <unordered_map>

#include "handcheck/expr/ast.hpp"
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

// Grades of sheets already audited, by their answers: a class shares its common slips. Bounded
// by bytes held; when full it starts again, so that a long class keeps its recent sheets.
struct Grader::Memo {
  struct Table {
    std::unordered_map<std::string, Audited> entries;
    std::size_t bytes = 0;

    std::optional<Audited> find(const std::string& key) const {
      auto it = entries.find(key);
      if (it == entries.end()) return std::nullopt;
      return it->second;
    }
    void add(std::string key, const Audited& grades) {
      std::size_t size = key.size() + grades.cells.size() * sizeof(CellGrade) + 64;
      if (bytes + size > max_bytes) {
        entries.clear();
        bytes = 0;
      }
      if (entries.emplace(std::move(key), grades).second) bytes += size;
    }
  };
  static constexpr std::size_t max_bytes = 8u << 20;
  std::mutex mutex;
  Table sheets;  // by every answer of the sheet

  // Steps recomputed from their stated operands, by the answers of the steps they read: a class
  // shares its slips and what follows from them, even on sheets that differ elsewhere.
  using Value = std::shared_ptr<const std::optional<Matrix<Real>>>;
  std::mutex recomputed_mutex;
  std::unordered_map<std::string, Value> recomputed;
  std::size_t recomputed_bytes = 0;
};

// Appends a cell's answer to a key: its kind, its length, its text (so that no two answers
// write the same bytes).
static void append_answer(std::string& key, const Answers& answers, std::size_t cell) {
  std::string_view text = answers.text(cell);
  auto n = static_cast<std::uint32_t>(text.size());
  key += static_cast<char>('0' + static_cast<int>(answers.kind(cell)));
  key.append(reinterpret_cast<const char*>(&n), sizeof n);
  key += text;
}

// One sheet's view of the shared store: the key of a step is what the audit is given of every
// step it reads (in either pipeline's expression): nothing when the step is not given, else
// each cell's answer.
class Grader::SheetRecomputed : public Recomputed {
 public:
  SheetRecomputed(const Grader& g, const Sheet& sheet, const std::vector<char>& give)
      : g_(g), sheet_(sheet), give_(give) {}

  std::string key(std::size_t item) const override {
    long s = g_.step_of_[item];
    if (s < 0) return {};
    std::string key = std::to_string(item);
    for (std::size_t o : g_.reads_[static_cast<std::size_t>(s)]) {
      key += give_[o] ? '=' : '-';
      key += std::to_string(o);
      if (!give_[o]) continue;
      const KeyStep& step = g_.key_.steps()[o];
      for (std::size_t i = 0; i < step.shape.cells(); ++i) append_answer(key, sheet_.answers, step.first + i);
    }
    return key;
  }
  std::shared_ptr<const std::optional<Matrix<Real>>> find(const std::string& key) const override {
    std::lock_guard<std::mutex> lock(g_.memo_->recomputed_mutex);
    auto it = g_.memo_->recomputed.find(key);
    return it == g_.memo_->recomputed.end() ? nullptr : it->second;
  }
  void add(std::string key, std::shared_ptr<const std::optional<Matrix<Real>>> value) const override {
    // What the values hold, numbers of any size included: the store's bound is on bytes.
    std::size_t size = key.size() + 128;
    if (*value)
      for (const Real& x : **value)
        size += sizeof(Real) + 64 +
                (x.is_exact() ? rational_bits(x.exact()) / 8 : x.is_infinite() ? 0 : rational_bits(x.upper()) / 4);
    std::lock_guard<std::mutex> lock(g_.memo_->recomputed_mutex);
    Memo& m = *g_.memo_;
    if (m.recomputed_bytes + size > Memo::max_bytes) {
      m.recomputed.clear();
      m.recomputed_bytes = 0;
    }
    if (m.recomputed.emplace(std::move(key), std::move(value)).second) m.recomputed_bytes += size;
  }

 private:
  const Grader& g_;
  const Sheet& sheet_;
  const std::vector<char>& give_;
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

  // (ok + credit x carried) / cells, computed once per pair of counts.
  const Rational& score(std::size_t ok, std::size_t carried, std::size_t cells, const Rational& credit) {
    if (cells == 0) return zero_;
    std::uint64_t k = (static_cast<std::uint64_t>(ok) << 32) | carried;
    auto it = scores_.find(k);
    if (it == scores_.end()) {
      if (scores_.size() >= max_texts) scores_.clear();
      it = scores_.emplace(k, (Rational(ok) + credit * carried) / cells).first;
    }
    return it->second;
  }

  const Judgement& operator()(std::size_t cell, std::string_view text) {
    // Most of a class writes a cell the same way: try the last text first, without hashing.
    auto& [last_text, last] = last_[cell];
    if (last && last_text == text) return *last;
    auto& seen = seen_[cell];
    auto it = seen.find(text);
    if (it == seen.end()) {
      // Bounded: a class of all-different answers starts the cell's table again.
      if (seen.size() >= max_texts) {
        seen.clear();
        last = nullptr;
      }
      it = seen.emplace(text, judge(cell, text)).first;
    }
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

  static constexpr std::size_t max_texts = 256;
  const AnswerKey& key_;
  Comparator compare_;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  // Node-based: the references kept in last_ stay valid as the maps grow.
  std::vector<std::unordered_map<std::string, Judgement, Hash, std::equal_to<>>> seen_;
  std::vector<std::pair<std::string_view, const Judgement*>> last_;
  std::unordered_map<std::uint64_t, Rational> scores_;
  Rational zero_ = 0;
};

Grader::Grader(const AnswerKey& key, GradeOptions options)
    : key_(key), options_(std::move(options)), step_of_(key.kase().items.size(), -1), memo_(std::make_unique<Memo>()) {
  const auto& steps = key_.steps();
  for (std::size_t k = 0; k < steps.size(); ++k) step_of_[steps[k].item] = static_cast<long>(k);
  // The steps each step reads, by name, in either pipeline's expression: more than the audit
  // follows is safe (a step given that need not be).
  const Case& c = key_.kase();
  reads_.resize(steps.size());
  for (std::size_t k = 0; k < steps.size(); ++k) {
    const Item& item = c.items[steps[k].item];
    for (const auto* e : {&item.hand, &item.exact}) {
      if (!*e) continue;
      for (const auto& name : referenced_names(*(*e)->ast)) {
        long i = c.find(name);
        if (i >= 0 && step_of_[static_cast<std::size_t>(i)] >= 0)
          reads_[k].push_back(static_cast<std::size_t>(step_of_[static_cast<std::size_t>(i)]));
      }
    }
  }
}

Grader::~Grader() = default;

CaseAudit Grader::audit(const Sheet& sheet) const {
  Judge judge(key_, options_.compare);
  return audit_with(judge, sheet, false);
}

CaseAudit Grader::audit_with(Judge& judge, const Sheet& sheet, bool grading) const {
  const Case& c = key_.kase();
  const auto& steps = key_.steps();
  // For grades, a step is given to the audit only where it matters: it has an answer that does
  // not match its correct value, or such a step reads it. Every other step is all ok (§5: ok is
  // "matches C") whatever the audit would recompute, and nothing given reads it.
  const bool subset = grading && options_.shortcuts;
  std::vector<char> give(steps.size(), subset ? 0 : 1);
  if (subset)
    for (std::size_t k = 0; k < steps.size(); ++k) {
      bool wrong = false;
      for (std::size_t i = 0; i < steps[k].shape.cells() && !wrong; ++i) {
        std::size_t cell = steps[k].first + i;
        if (sheet.answers.kind(cell) != Answer::Kind::value) continue;
        const Judge::Judgement& j = judge(cell, sheet.answers.text(cell));
        wrong = j.literal && !j.matches;
      }
      if (!wrong) continue;
      give[k] = 1;
      for (std::size_t o : reads_[k]) give[o] = 1;
    }
  StatedValues stated(c.items.size());
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const KeyStep& step = steps[s];
    Matrix<std::optional<Literal>> m(step.shape);
    for (std::size_t k = 0; give[s] && k < step.shape.cells(); ++k) {
      std::size_t cell = step.first + k;
      if (sheet.answers.kind(cell) == Answer::Kind::value)
        m(k / step.shape.cols, k % step.shape.cols) = judge(cell, sheet.answers.text(cell)).literal;
    }
    stated[step.item] = std::move(m);
  }
  if (!grading) return audit_stated(c, key_.hand(), key_.exact(), stated, key_.options());
  // Grading needs verdicts and slips only: no `downstream`, and the per-sheet slip budget.
  AuditWork work;
  work.downstream = false;
  work.texts = !options_.shortcuts;
  work.slip_cells = options_.slip_cells;
  SheetRecomputed recomputed(*this, sheet, give);
  if (options_.shortcuts && options_.reuse_identical) work.recomputed = &recomputed;
  return audit_stated(c, key_.hand(), key_.exact(), stated, key_.options(), nullptr, work);
}

Grader::Audited Grader::grades_of(const CaseAudit& a) const {
  Audited audited;
  audited.unsearched = a.slips_unsearched;
  std::vector<CellGrade>& out = audited.cells;
  out.resize(key_.cells().size());
  for (const auto& sa : a.steps) {
    // A step the key skipped (its pipeline stopped before it) has no cells to grade, though
    // the case file's own stated values of it are audited.
    if (step_of_[sa.item] < 0) continue;
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
  return audited;
}

Grader::Audited Grader::audited(Judge& judge, const Sheet& sheet) const {
  std::string signature;
  const bool reuse = options_.reuse_identical && options_.shortcuts;
  if (reuse) {
    signature.reserve(sheet.answers.size() * 10);
    for (std::size_t i = 0; i < sheet.answers.size(); ++i) append_answer(signature, sheet.answers, i);
    std::lock_guard<std::mutex> lock(memo_->mutex);
    if (auto found = memo_->sheets.find(signature)) return std::move(*found);
  }
  Audited out = grades_of(audit_with(judge, sheet, !options_.compare));
  if (reuse) {
    std::lock_guard<std::mutex> lock(memo_->mutex);
    memo_->sheets.add(std::move(signature), out);
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
  if (!all_match || !options_.shortcuts) {
    Audited a = audited(judge, sheet);
    // A step not given to the audit keeps the judge's grades (ok, blank, invalid).
    for (std::size_t i = 0; i < g.cells.size(); ++i)
      if (g.cells[i].grade != Grade::invalid && a.cells[i].grade != Grade::blank) g.cells[i] = a.cells[i];
    g.slips_unsearched = a.unsearched;
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
  g.score = judge.score(g.ok, g.carried, g.cells.size(), options_.carried_credit);
  return g;
}

SheetGrade Grader::grade(const Sheet& sheet) const {
  Judge judge(key_, options_.compare);
  return grade_with(judge, sheet);
}

std::vector<SheetGrade> Grader::grade(const std::vector<Sheet>& sheets) const {
  std::vector<SheetGrade> out;
  grade(sheets, out);
  return out;
}

void Grader::grade(const std::vector<Sheet>& sheets, std::vector<SheetGrade>& out) const {
  grade(sheets, out, std::vector<const SheetGrade*>(sheets.size(), nullptr));
}

void Grader::grade(const std::vector<Sheet>& sheets, std::vector<SheetGrade>& out,
                   const std::vector<const SheetGrade*>& known) const {
  out.resize(sheets.size());
  std::atomic<std::size_t> next{0};
  unsigned threads = thread_count(sheets.size(), options_.threads);
  // A judge per job, kept from batch to batch: a streamed class reads each text once.
  std::lock_guard<std::mutex> lock(judges_mutex_);
  while (judges_.size() < threads) judges_.push_back(std::make_unique<Judge>(key_, options_.compare));
  parallel_for(
      threads,
      [&](std::size_t job) {
        Judge& judge = *judges_[job];
        for (std::size_t i; (i = next.fetch_add(1)) < sheets.size();) {
          if (i < known.size() && known[i]) out[i] = *known[i];
          else out[i] = grade_with(judge, sheets[i]);
        }
      },
      threads);
}

}  // namespace handcheck
