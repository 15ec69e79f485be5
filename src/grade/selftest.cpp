#include "handcheck/grade/selftest.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>

#include "handcheck/audit/compare.hpp"

namespace handcheck {

namespace mp = boost::multiprecision;

std::size_t SelftestReport::failures() const {
  std::size_t n = 0;
  for (const auto& c : checks) n += !c.passed();
  return n;
}

bool faulty_compare(const CompareMode&, const Literal& stated, const Rational& truth) {
  Rational tolerance = stated.is_decimal() ? pow10(-stated.decimals) : Rational(1);
  return mp::abs(truth - stated.value) <= tolerance;
}

std::optional<std::string> correct_answer_text(const AnswerKey& key, std::size_t cell);

// The correct answer as a student would write it; nullopt (the cell left blank) where no sheet
// could hold it: a number longer than grading reads (sum(X) of 30 000 fractions 1/p), or none
// the step's comparison accepts (e under abs:0).
std::optional<std::string> correct_answer(const AnswerKey& key, std::size_t cell) {
  auto text = correct_answer_text(key, cell);
  if (text && text->size() > LiteralLimits{}.max_length) return std::nullopt;
  const KeyCell& kc = key.cells()[cell];
  const Real& x = key.steps()[kc.step].hand ? key.hand_value(cell) : key.exact_value(cell);
  if (text && !x.is_infinite() && !accepts(key.item_of(kc).compare, *text, x)) return std::nullopt;
  return text;
}

std::optional<std::string> correct_answer_text(const AnswerKey& key, std::size_t cell) {
  const KeyCell& kc = key.cells()[cell];
  const Item& item = key.item_of(kc);
  const CompareMode& mode = item.compare;
  auto rational = [&](const Rational& q) {
    return mode.kind == CompareMode::Kind::sigfig ? to_significant_string(q, mode.figures) : to_fraction_string(q);
  };
  const Real& x = key.steps()[kc.step].hand ? key.hand_value(cell) : key.exact_value(cell);
  if (x.is_infinite()) return describe(x, 1);
  if (x.is_exact()) return rational(x.exact());
  switch (mode.kind) {
    case CompareMode::Kind::sigfig: return certified_significant(x, mode.figures);
    case CompareMode::Kind::exact: return std::nullopt;
    default: return certified_fixed(x, item.digits);
  }
}

namespace {

using Texts = std::vector<std::optional<std::string>>;

class Tester {
 public:
  Tester(const AnswerKey& key, const SelftestOptions& options, SelftestReport& report)
      : key_(key), options_(options), grader_(key, options.grading), report_(report) {
    for (std::size_t i = 0; i < key.cells().size(); ++i) correct_.push_back(correct_answer(key, i));
  }

  void run() {
    spend(1 + key_.steps().size());
    graded_ = 0;
    add("correct sheet", "every answered cell ok", correct_, std::nullopt);
    single_slips();
    fewer_decimals();
    boundaries();
    last_digit_slips();
  }

 private:
  std::string where(std::size_t cell) const {
    const KeyCell& kc = key_.cells()[cell];
    return fmt::format("{} {}", key_.step_name(kc), kc.label);
  }

  // Refused before the first sheet where the sheets every step surely gets (the correct one,
  // one single slip a step) would pass the budget; else when a sheet would.
  void spend(std::size_t sheets) {
    const std::size_t cells = key_.cells().size();
    graded_ += sheets * cells;
    if (sheets > options_.max_graded_cells / std::max<std::size_t>(cells, 1) || graded_ > options_.max_graded_cells)
      throw Error(ErrorId::limit_work, {key_.kase().file, 0, 0},
                  fmt::format("the self-test of {} cells in {} steps grades more than {} cells in all (--max-work "
                              "raises it, at a twentieth of its value)",
                              cells, key_.steps().size(), options_.max_graded_cells));
  }

  SheetGrade grade(const Texts& answers) {
    spend(1);
    Sheet s;
    s.id = "selftest";
    s.answers = Answers(answers.size());
    for (std::size_t i = 0; i < answers.size(); ++i)
      if (answers[i]) s.answers.set(i, Answer::Kind::value, *answers[i]);
    return grader_.grade(s);
  }

  // Every answered cell ok but `wrong`, an erratum; blank cells blank.
  std::vector<std::string> problems(const Texts& answers, const SheetGrade& g, std::optional<std::size_t> wrong) const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < answers.size(); ++i) {
      Grade intended = !answers[i] ? Grade::blank : i == wrong ? Grade::erratum : Grade::ok;
      if (g.cells[i].grade != intended)
        out.push_back(fmt::format("{} = {}: graded {}, intended {}", where(i), answers[i].value_or("(blank)"),
                                  to_string(g.cells[i].grade), to_string(intended)));
    }
    return out;
  }

  void add(std::string name, std::string intended, const Texts& answers, std::optional<std::size_t> wrong) {
    report_.checks.push_back({std::move(name), std::move(intended), problems(answers, grade(answers), wrong)});
  }

  // A wrong value for a cell: one that a catalog slip reproduces, where one of the
  // candidates does, else the correct value + 1.
  void single_slips() {
    for (const KeyStep& step : key_.steps()) {
      std::size_t n = step.shape.cells();
      std::set<std::size_t> picks;
      for (std::size_t k : {std::size_t{0}, n / 2, n - 1})
        if (picks.size() < options_.cells_per_step) picks.insert(step.first + k);
      for (std::size_t cell : picks) {
        if (!correct_[cell]) continue;
        // The first candidate (the value + 1) unless a later one is a catalog slip.
        struct Choice {
          Wrong wrong;
          SheetGrade grade;
        };
        std::optional<Choice> chosen;
        for (auto& w : wrong_values(cell)) {
          Texts answers = correct_;
          answers[cell] = w.text;
          SheetGrade g = grade(answers);
          bool slip = g.cells[cell].grade == Grade::erratum && g.cells[cell].slip != 0;
          if (slip) w.how = std::string(g.cells[cell].slip_tag());
          if (!chosen || slip) chosen = Choice{std::move(w), std::move(g)};
          if (slip) break;
        }
        if (!chosen) continue;
        Texts answers = correct_;
        answers[cell] = chosen->wrong.text;
        report_.checks.push_back({fmt::format("single slip: {} = {} ({})", where(cell), chosen->wrong.text, chosen->wrong.how),
                                  fmt::format("erratum at {}, every other answered cell ok", where(cell)),
                                  problems(answers, chosen->grade, cell)});
      }
    }
  }

  struct Wrong {
    std::string text;
    std::string how;  // "the correct value + 1", or the slip that reproduces it
  };

  // Wrong values in the order they are tried, each written the way the correct one is.
  std::vector<Wrong> wrong_values(std::size_t cell) const {
    const KeyCell& kc = key_.cells()[cell];
    const Item& item = key_.item_of(kc);
    Literal right = parse_literal(*correct_[cell]);
    auto write = [&](const Rational& q) {
      if (item.compare.kind == CompareMode::Kind::sigfig) return to_significant_string(q, item.compare.figures);
      return right.is_decimal() ? to_fixed_string(q, right.decimals) : to_fraction_string(q);
    };
    std::vector<Wrong> tried{{write(right.value + 1), "the correct value + 1"},
                             {write(right.value - 1), "the correct value - 1"},
                             {write(right.value * 10), "the correct value x 10"}};
    if (right.value != 0) tried.push_back({write(right.value / 10), "the correct value / 10"});
    // The other pipeline's value, as a hand computation that used e^x or sqrt would print it.
    const auto& exact = key_.exact().values[key_.steps()[kc.step].item];
    if (key_.steps()[kc.step].hand && !item.same_expression && exact)
      if (auto e = certified_fixed((*exact)(kc.row, kc.col), 2)) tried.push_back({*e, "the exact pipeline's value"});
    std::vector<Wrong> out;
    for (auto& w : tried) {
      bool seen = std::any_of(out.begin(), out.end(), [&](const Wrong& o) { return o.text == w.text; });
      if (!seen && fits(w.text) && key_.matches(cell, parse_literal(w.text)) == Match::no) out.push_back(std::move(w));
    }
    return out;
  }

  // The correct values printed to 2 decimals, step by step and all at once: ok under `printed`.
  void fewer_decimals() {
    Texts all = correct_;
    bool any = false;
    for (const KeyStep& step : key_.steps()) {
      const Item& item = key_.kase().items[step.item];
      if (item.compare.kind != CompareMode::Kind::printed) continue;
      Texts answers = correct_;
      for (std::size_t k = 0; k < step.shape.cells(); ++k) {
        std::size_t cell = step.first + k;
        std::optional<std::string> text = certified_fixed(value(cell), 2);
        if (text && fits(*text)) answers[cell] = all[cell] = text;
      }
      any = true;
      add(fmt::format("2 decimals: {}", item.name), "every answered cell ok", answers, std::nullopt);
    }
    if (any) add("2 decimals: every printed step", "every answered cell ok", all, std::nullopt);
  }

  // A value with k decimals ending in 5, printed to k - 1 decimals, lies exactly on the
  // boundary of both printings (0.375 as 0.37 or 0.38): ok. One more unit away: an erratum.
  void boundaries() {
    std::size_t found = 0;
    for (std::size_t cell = 0; cell < key_.cells().size() && found < options_.boundary_cells; ++cell) {
      const KeyCell& kc = key_.cells()[cell];
      const KeyStep& step = key_.steps()[kc.step];
      if (key_.item_of(kc).compare.kind != CompareMode::Kind::printed || !correct_[cell]) continue;
      std::optional<Rational> q;
      if (value(cell).is_exact()) q = value(cell).exact();
      if (!q) continue;
      (void)step;
      int k = 0;
      while (k <= 12 && !is_integer(*q * pow10(k))) ++k;
      if (k < 2 || k > 12 || mp::abs(Integer(mp::numerator(*q * pow10(k)))) % 10 != 5) continue;
      ++found;
      Rational half = pow10(-k) * 5, unit = pow10(-(k - 1));
      std::string name = fmt::format("{} = {}", where(cell), to_fraction_string(*q));
      struct Variant {
        Rational value;
        bool ok;
      };
      for (const auto& v : {Variant{*q - half, true}, Variant{*q + half, true}, Variant{*q - half - unit, false},
                            Variant{*q + half + unit, false}}) {
        Texts answers = correct_;
        answers[cell] = to_fixed_string(v.value, k - 1);
        add(fmt::format("{}: {} printed {}", v.ok ? "on the rounding boundary" : "beyond the rounding boundary", name,
                        *answers[cell]),
            v.ok ? "every answered cell ok" : fmt::format("erratum at {}, every other answered cell ok", where(cell)),
            answers, v.ok ? std::nullopt : std::optional<std::size_t>(cell));
      }
    }
  }

  // A one-unit slip in the last printed digit of one cell of every step the worksheet prints
  // with decimals, on a sheet that prints every such step as the worksheet does: an erratum,
  // every other cell ok (a correctly printed operand stands for the range between its
  // printed and its correct value, not its whole printing band, DESIGN §5).
  void last_digit_slips() {
    Texts printed = correct_;
    std::vector<std::pair<std::size_t, int>> steps;  // key step, decimals
    for (std::size_t s = 0; s < key_.steps().size(); ++s) {
      const KeyStep& step = key_.steps()[s];
      const Item& item = key_.kase().items[step.item];
      int decimals = printed_decimals(item);
      if (decimals <= 0 || item.compare.kind != CompareMode::Kind::printed) continue;
      bool all = true;
      for (std::size_t k = 0; k < step.shape.cells() && all; ++k) {
        auto text = certified_fixed(value(step.first + k), decimals);
        all = text.has_value() && fits(*text);
        if (text) printed[step.first + k] = *text;
      }
      if (all) steps.emplace_back(s, decimals);
    }
    for (auto [s, decimals] : steps) {
      const KeyStep& step = key_.steps()[s];
      Texts sheet = finer_than(printed, steps, s, decimals);
      std::string blank;  // the steps left blank on this sheet, which the report names
      for (std::size_t t = 0; t < key_.steps().size(); ++t) {
        const KeyStep& other = key_.steps()[t];
        for (std::size_t k = 0; k < other.shape.cells(); ++k)
          if (!sheet[other.first + k] && printed[other.first + k]) {
            blank += (blank.empty() ? "; blank: " : ", ") + key_.kase().items[other.item].name;
            break;
          }
      }
      for (std::size_t k = 0; k < step.shape.cells(); ++k) {
        std::size_t cell = step.first + k;
        const Real& truth = value(cell);
        if (truth.is_infinite()) continue;
        Literal shown = parse_literal(*printed[cell]);
        // One unit away from the truth, so that it is at least a unit off.
        Rational unit = pow10(-decimals);
        Rational slipped = shown.value >= truth.lower() ? shown.value + unit : shown.value - unit;
        Texts answers = sheet;
        answers[cell] = to_fixed_string(slipped, decimals);
        add(fmt::format("last-digit slip: {} = {} (printed {}{})", where(cell), *answers[cell], *printed[cell], blank),
            fmt::format("erratum at {}, every other answered cell ok", where(cell)), answers, cell);
        break;  // one cell a step
      }
    }
  }

  // The sheet for a slip in step `slipped` printed to `decimals`: the steps it reads, steps
  // printed as coarsely or more, and irrational steps written to fewer digits, are left blank
  // (read as their correct values), since a one-unit slip can lie inside the range printed
  // operands allow (DESIGN §5) and grading then rightly calls it ok: a steep step (a log near
  // zero, a division by a small number, 100 x a number printed to 2 decimals) widens an
  // operand's range of half a unit to more than a unit. With its operands blank, the slipped
  // cell's recomputation is its correct value, which the slip misses by a unit.
  Texts finer_than(const Texts& printed, const std::vector<std::pair<std::size_t, int>>& steps, std::size_t slipped,
                   int decimals) const {
    const Item& item = key_.kase().items[key_.steps()[slipped].item];
    const std::vector<std::string> read = referenced_names(*(item.follows == Follows::hand ? item.hand : item.exact)->ast);
    Texts sheet = printed;
    for (std::size_t s = 0; s < key_.steps().size(); ++s) {
      if (s == slipped) continue;
      auto listed = std::find_if(steps.begin(), steps.end(), [&](const auto& p) { return p.first == s; });
      const KeyStep& step = key_.steps()[s];
      const Item& other = key_.kase().items[step.item];
      const bool operand = std::find(read.begin(), read.end(), other.name) != read.end();
      const int written = listed != steps.end() ? listed->second : other.digits;
      if (!operand && written > decimals) continue;
      for (std::size_t k = 0; k < step.shape.cells(); ++k)
        if (operand || listed != steps.end() || !value(step.first + k).is_exact()) sheet[step.first + k].reset();
    }
    return sheet;
  }

  // The most decimals the worksheet prints a step's stated numbers with, or -1.
  static int printed_decimals(const Item& item) {
    int d = -1;
    if (!item.stated) return d;
    auto see = [&](const std::optional<Literal>& l) {
      if (l && l->is_decimal()) d = std::max(d, l->decimals);
    };
    for (const auto& row : item.stated->rows)
      for (const auto& cell : row) see(cell.value);
    for (const auto& v : item.stated->vectors)
      for (const auto& cell : v.cells) see(cell.value);
    for (const auto& cell : item.stated->cells) see(cell.cell.value);
    return d;
  }

  // A number a sheet can hold: grading reads no longer one (a huge value to 2 decimals).
  static bool fits(const std::string& text) { return text.size() <= LiteralLimits{}.max_length; }

  const Real& value(std::size_t cell) const {
    const KeyCell& kc = key_.cells()[cell];
    return key_.steps()[kc.step].hand ? key_.hand_value(cell) : key_.exact_value(cell);
  }

  const AnswerKey& key_;
  const SelftestOptions& options_;
  Grader grader_;
  SelftestReport& report_;
  Texts correct_;
  std::size_t graded_ = 0;
};

}  // namespace

SelftestReport selftest(const AnswerKey& key, const SelftestOptions& options) {
  SelftestReport report;
  report.file = key.kase().file;
  Tester(key, options, report).run();
  return report;
}

}  // namespace handcheck
