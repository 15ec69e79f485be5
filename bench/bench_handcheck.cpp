// Benchmarks of bench/README.md: one check of the seed case, grading throughput on the seed
// worksheet, and both pipelines on the scaled attention cases.
#include <benchmark/benchmark.h>

#include <fmt/format.h>
#include <random>

#include "handcheck/audit/audit.hpp"
#include "handcheck/grade/grade.hpp"
#include "handcheck/grade/selftest.hpp"
#include "handcheck/linalg/products.hpp"
#include "handcheck/model/loader.hpp"

namespace {

using namespace handcheck;

const std::string kSeed = std::string(HANDCHECK_SOURCE_DIR) + "/cases/self-attention-6-3.yaml";

const AnswerKey& seed_key() {
  static AnswerKey key(std::make_shared<Case>(load_case_file(kSeed)));
  return key;
}

std::size_t cell(const AnswerKey& key, const std::string& step, const std::string& label) {
  return *key.find_cell(*key.find_step(step), label);
}

// A class of n sheets: 85% correct (Z printed to two decimals, as on the worksheet), 10% with
// one cell off by one, 3% with the column sum of q2 miscounted as 40 and A and Z carried on
// from it, 2% with blanks and an answer that is not a number.
std::vector<Sheet> seed_class(std::size_t n) {
  const AnswerKey& key = seed_key();
  Answers correct(key.cells().size());
  for (std::size_t i = 0; i < key.cells().size(); ++i) {
    const KeyCell& kc = key.cells()[i];
    std::string text = key.step_name(kc) == "Z" ? to_fixed_string(key.hand_value(i), 2) : *correct_answer(key, i);
    correct.set(i, Answer::Kind::value, text);
  }
  auto value = [](Sheet& s, std::size_t i, std::string_view text) { s.answers.set(i, Answer::Kind::value, text); };
  std::mt19937 rng(2024);
  std::vector<Sheet> sheets(n);
  for (std::size_t s = 0; s < n; ++s) {
    Sheet& sheet = sheets[s];
    sheet.id = fmt::format("student-{:05}", s);
    sheet.answers = correct;
    std::size_t kind = s % 100;
    if (kind >= 85 && kind < 95) {
      std::size_t i = rng() % correct.size();
      value(sheet, i, to_fraction_string(parse_literal(correct.text(i)).value + 1));
    } else if (kind >= 95 && kind < 98) {
      value(sheet, cell(key, "C", "q2[1]"), "40");
      const char* a[] = {"9/40", "3/40", "27/40", "3/40"};
      const char* z[] = {"1.80", "1.20", "0.45"};
      for (int k = 0; k < 4; ++k) value(sheet, cell(key, "A", fmt::format("q2[{}]", k + 1)), a[k]);
      for (int k = 0; k < 3; ++k) value(sheet, cell(key, "Z", fmt::format("z2[{}]", k + 1)), z[k]);
    } else if (kind >= 98) {
      sheet.answers.set(rng() % correct.size(), Answer::Kind::blank);
      value(sheet, rng() % correct.size(), "twelve");
    }
  }
  return sheets;
}

// The same class as JSON Lines, every step as a full matrix, numbers as JSON numbers or strings.
std::string seed_class_jsonl(const std::vector<Sheet>& sheets) {
  const AnswerKey& key = seed_key();
  std::string out;
  for (const auto& s : sheets) {
    out += fmt::format("{{\"id\": \"{}\", \"answers\": {{", s.id);
    for (std::size_t k = 0; k < key.steps().size(); ++k) {
      const KeyStep& step = key.steps()[k];
      out += fmt::format("{}\"{}\": [", k ? ", " : "", key.kase().items[step.item].name);
      for (std::size_t r = 0; r < step.shape.rows; ++r) {
        out += r ? ", [" : "[";
        for (std::size_t c = 0; c < step.shape.cols; ++c) {
          const Answer a = s.answers[step.first + r * step.shape.cols + c];
          bool number = a.kind == Answer::Kind::value && a.text.find_first_not_of("0123456789.-") == std::string::npos;
          out += c ? ", " : "";
          out += a.kind == Answer::Kind::blank ? "null" : number ? a.text : "\"" + a.text + "\"";
        }
        out += "]";
      }
      out += "]";
    }
    out += "}}\n";
  }
  return out;
}

void BM_CheckSeed(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(audit_file(kSeed));
}
BENCHMARK(BM_CheckSeed)->Unit(benchmark::kMillisecond);

// The seed's exact pipeline alone, every printed digit certified, at 30 and 1000 digits.
void BM_ExactSeed(benchmark::State& state) {
  auto c = std::make_shared<Case>(load_case_file(kSeed));
  c->set_digits(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(run_exact(*c));
}
BENCHMARK(BM_ExactSeed)->ArgName("digits")->Arg(30)->Arg(1000)->Unit(benchmark::kMillisecond);

// The whole audit at 1000 digits: both pipelines, verdicts, approximation report.
void BM_CheckSeedDigits(benchmark::State& state) {
  AuditOptions options;
  options.digits = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(audit_file(kSeed, options));
}
BENCHMARK(BM_CheckSeedDigits)->ArgName("digits")->Arg(30)->Arg(1000)->Unit(benchmark::kMillisecond);

// Arguments: reuse the grades of identical sheets (1) or not (0); threads.
void BM_GradeSeedClass(benchmark::State& state) {
  static const std::vector<Sheet> sheets = seed_class(10000);
  GradeOptions options;
  options.reuse_identical = state.range(0) != 0;
  options.threads = static_cast<unsigned>(state.range(1));
  for (auto _ : state) {
    Grader grader(seed_key(), options);  // a fresh grader: nothing carried over between runs
    benchmark::DoNotOptimize(grader.grade(sheets));
  }
  state.counters["sheets/s"] =
      benchmark::Counter(static_cast<double>(sheets.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_GradeSeedClass)
    ->ArgNames({"reuse", "threads"})
    ->Args({1, 2})
    ->Args({0, 2})
    ->Args({1, 1})
    ->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()
    ->UseRealTime();

// Only correct sheets: the cost of reading every answer once.
void BM_GradeCorrectClass(benchmark::State& state) {
  std::vector<Sheet> sheets(10000, seed_class(1)[0]);
  GradeOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) {
    Grader grader(seed_key(), options);
    benchmark::DoNotOptimize(grader.grade(sheets));
  }
  state.counters["sheets/s"] =
      benchmark::Counter(static_cast<double>(sheets.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_GradeCorrectClass)->ArgName("threads")->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)
    ->MeasureProcessCPUTime()->UseRealTime();

// Reading the class from JSON Lines text, then grading it.
void BM_ReadAndGradeSeedClass(benchmark::State& state) {
  static const std::string text = seed_class_jsonl(seed_class(10000));
  for (auto _ : state) {
    std::vector<Sheet> sheets = read_sheets_jsonl(text, "class.jsonl", seed_key());
    Grader grader(seed_key());
    benchmark::DoNotOptimize(grader.grade(sheets));
  }
  state.counters["sheets/s"] = benchmark::Counter(10000.0, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ReadAndGradeSeedClass)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

// The full audit of one sheet with one wrong cell (argument: the cell).
void BM_AuditOneSlip(benchmark::State& state) {
  Sheet sheet = seed_class(1)[0];
  auto i = static_cast<std::size_t>(state.range(0));
  sheet.answers.set(i, Answer::Kind::value, to_fraction_string(parse_literal(sheet.answers.text(i)).value + 1));
  Grader grader(seed_key());
  for (auto _ : state) benchmark::DoNotOptimize(grader.audit(sheet));
}
BENCHMARK(BM_AuditOneSlip)->ArgName("cell")->Arg(0)->Arg(60)->Arg(110)->Unit(benchmark::kMicrosecond);

std::shared_ptr<const Case> scale_case(long n) {
  return std::make_shared<Case>(load_case_file(fmt::format("{}/scale-{}.yaml", HANDCHECK_BENCH_DIR, n)));
}

// N = 128 makes 114 688 cells over all steps, more than the default limit, and needs the
// limits on bits and exact work raised as `check` does (docs/limits.md).
PipelineOptions scale_options() {
  PipelineOptions o;
  o.eval.max_cells = 1u << 20;
  o.max_bits = std::size_t{1} << 24;
  o.max_total_bits = std::size_t{6} << 30;
  o.max_rational_work = std::size_t{1} << 30;
  return o;
}

void BM_ScaleHand(benchmark::State& state) {
  auto c = scale_case(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(run_hand(*c, scale_options()));
}
BENCHMARK(BM_ScaleHand)->ArgName("N")->Arg(32)->Arg(64)->Arg(128)->Unit(benchmark::kMillisecond)->Iterations(1)
    ->MeasureProcessCPUTime()->UseRealTime();

// The hand pipeline up to Z, without the final `total: sum(Z)`.
void BM_ScaleHandToZ(benchmark::State& state) {
  auto c = std::make_shared<Case>(*scale_case(state.range(0)));
  c->items.pop_back();
  for (auto _ : state) benchmark::DoNotOptimize(run_hand(*c, scale_options()));
}
BENCHMARK(BM_ScaleHandToZ)->ArgName("N")->Arg(32)->Arg(64)->Arg(128)->Unit(benchmark::kMillisecond)->Iterations(1)
    ->MeasureProcessCPUTime()->UseRealTime();

void BM_ScaleExact(benchmark::State& state) {
  auto c = scale_case(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(run_exact(*c, scale_options()));
}
BENCHMARK(BM_ScaleExact)->ArgName("N")->Arg(32)->Arg(64)->Arg(128)->Unit(benchmark::kMillisecond)->Iterations(1)
    ->MeasureProcessCPUTime()->UseRealTime();

// Both pipelines and their comparison, as `check` runs them: a large case's pipelines side by
// side, then hand versus exact for every step.
void BM_ScaleCheck(benchmark::State& state) {
  auto c = scale_case(state.range(0));
  AuditOptions o;
  o.pipeline = scale_options();
  for (auto _ : state) benchmark::DoNotOptimize(audit_case(c, o));
}
BENCHMARK(BM_ScaleCheck)->ArgName("N")->Arg(32)->Arg(64)->Arg(128)->Unit(benchmark::kMillisecond)->Iterations(1)
    ->MeasureProcessCPUTime()->UseRealTime();

// An exact sum of fractions over unrelated denominators (1/n, n random below 2^60): the cost
// of the pairwise additions, which the search for a denominator's multiple must not outgrow.
void BM_SumUnrelatedDenominators(benchmark::State& state) {
  std::mt19937_64 rng(1);
  std::vector<Rational> terms;
  for (long k = 0; k < state.range(0); ++k) terms.push_back(Rational(1) / Rational(Integer(rng() >> 4) + 2));
  std::vector<const Rational*> refs;
  for (const auto& q : terms) refs.push_back(&q);
  for (auto _ : state) benchmark::DoNotOptimize(sum_exact(refs));
}
BENCHMARK(BM_SumUnrelatedDenominators)->ArgName("terms")->Arg(4000)->Arg(16000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
