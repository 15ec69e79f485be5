// One seeded property test over every operation of the registry, in Arb's style (t-<op>.c):
// random small rationals (and the infinities where an operation takes them) go through each
// operation exactly and as intervals that contain them, and the results must agree:
//   inclusion   the result on exact inputs lies inside the result on any intervals that contain
//               them (point intervals, tight and wide ones), at the same precision;
//   refinement  the enclosure at a higher precision lies inside the one at a lower precision,
//               for exact inputs and for the same interval inputs;
//   exactness   where the result on exact inputs is a rational, the result on point intervals
//               (the inputs as intervals of width 0, no widening) contains it and is as narrow
//               as the precision allows.
// An operation the registry gains without a generator here fails the test: adding an
// operation means adding its case below (docs/contributing.md).
#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "handcheck/error.hpp"
#include "handcheck/ops/registry.hpp"

using namespace handcheck;

namespace {

// A deterministic generator (splitmix64): the same samples on every library and platform,
// where the distributions of <random> are not specified bit for bit.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // A whole number in [lo, hi].
  long in(long lo, long hi) { return lo + static_cast<long>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
  bool one_in(long n) { return in(1, n) == 1; }

 private:
  std::uint64_t s_;
};

constexpr std::uint64_t kSeed = 20261130;
// Each operation's own stream, so adding an operation changes no other's samples.
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char ch : s) h = (h ^ static_cast<unsigned char>(ch)) * 0x100000001b3ULL;
  return h;
}
constexpr int kSamples = 150;

// One argument of a sample: its exact value, and whether it is a value the operation computes
// with (made an interval for the inclusion checks) or a structural whole number (an index, a
// size, a stride, a number of decimals) that stays exact.
struct Arg {
  Matrix<Real> value;
  bool interval = true;
};
using Sample = std::vector<Arg>;

struct Generator {
  std::function<Sample(Rng&)> make;
  bool infinities = false;  // the samples include -inf and inf where the operation takes them
  bool steps = false;       // a step function or a comparison: not continuous at its steps
};

Generator stepwise(Generator g) {
  g.steps = true;
  return g;
}

// --- values --------------------------------------------------------------------------------

Rational small_rational(Rng& g) {
  static const long dens[] = {1, 1, 1, 2, 3, 4, 5, 8, 10};
  return Rational(g.in(-12, 12), dens[g.in(0, 8)]);
}

// Random values; one cell in eight infinite when infinities are asked for; `positive` keeps
// most of them above 0 (sqrt, log) while leaving some 0s and negatives for the domain errors.
Matrix<Real> values(Rng& g, std::size_t rows, std::size_t cols, bool infinities, bool positive = false) {
  Matrix<Real> m(rows, cols);
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c) {
      if (infinities && g.one_in(8)) {
        m(r, c) = Real::infinity(g.one_in(2) ? -1 : 1);
        continue;
      }
      Rational x = small_rational(g);
      if (positive && !g.one_in(6)) x = boost::multiprecision::abs(x) + Rational(1, 4);
      m(r, c) = x;
    }
  return m;
}
// Values drawn from a few integers, so ties (argmax, eq, max) are common.
Matrix<Real> tied_values(Rng& g, std::size_t rows, std::size_t cols) {
  Matrix<Real> m(rows, cols);
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c) m(r, c) = Rational(g.in(-1, 2));
  return m;
}
Arg val(Matrix<Real> m) { return {std::move(m), true}; }
Arg whole(long n) { return {Matrix<Real>::scalar(Rational(n)), false}; }
std::size_t dim(Rng& g) { return static_cast<std::size_t>(g.in(1, 3)); }

// --- generators ----------------------------------------------------------------------------

Generator unary(bool infinities, bool positive = false) {
  return {[=](Rng& g) { return Sample{val(values(g, dim(g), dim(g), infinities, positive))}; }, infinities};
}
Generator with_decimals() {  // floor, ceil, round: optionally to d decimals
  return {[](Rng& g) {
            Sample s{val(values(g, dim(g), dim(g), true))};
            if (g.one_in(2)) s.push_back(whole(g.in(-1, 2)));
            return s;
          },
          true};
}
Generator binary(bool infinities) {
  return {[=](Rng& g) {
            std::size_t r = dim(g), c = dim(g);
            Matrix<Real> a = values(g, r, c, infinities), b = values(g, r, c, infinities);
            if (g.one_in(3)) b = a;  // equal operands: eq, ge, max of a tie
            if (g.one_in(4)) b = Matrix<Real>::scalar(b(0, 0));  // broadcast a scalar
            return Sample{val(a), val(b)};
          },
          infinities};
}
Generator matrix(bool infinities) {
  return {[=](Rng& g) {
            return Sample{val(g.one_in(3) ? tied_values(g, dim(g), dim(g)) : values(g, dim(g), dim(g), infinities))};
          },
          infinities};
}
Generator softmax() {
  return {[](Rng& g) {
            Sample s{val(values(g, dim(g), dim(g), true))};
            static const Rational bases[] = {Rational(2), Rational(3), Rational(1, 2), Rational(5, 2)};
            if (g.one_in(2)) s.push_back(val(Matrix<Real>::scalar(bases[g.in(0, 3)])));
            return s;
          },
          true};
}
Generator concat(bool by_cols) {
  return {[=](Rng& g) {
            std::size_t fixed = dim(g);
            Sample s;
            for (long k = g.in(1, 3); k > 0; --k)
              s.push_back(val(by_cols ? values(g, fixed, dim(g), true) : values(g, dim(g), fixed, true)));
            return s;
          },
          true};
}
Generator pick(bool column) {  // col(M, j), row(M, i)
  return {[=](Rng& g) {
            std::size_t r = dim(g), c = dim(g);
            return Sample{val(values(g, r, c, true)), whole(g.in(1, static_cast<long>(column ? c : r)))};
          },
          true};
}
Generator block() {
  return {[](Rng& g) {
            long r = g.in(1, 3), c = g.in(1, 3);
            long r1 = g.in(1, r), c1 = g.in(1, c);
            return Sample{val(values(g, static_cast<std::size_t>(r), static_cast<std::size_t>(c), true)), whole(r1),
                          whole(g.in(r1, r)), whole(c1), whole(g.in(c1, c))};
          },
          true};
}
Generator sizes(std::size_t n) {  // identity, zeros, ones, causal_mask
  return {[=](Rng& g) {
            Sample s;
            for (std::size_t k = 0; k < n; ++k) s.push_back(whole(g.in(1, 3)));
            return s;
          },
          false};
}
Generator normalise() {  // layernorm, batchnorm, optionally with eps
  return {[](Rng& g) {
            Sample s{val(g.one_in(4) ? tied_values(g, dim(g), dim(g)) : values(g, dim(g), dim(g), false))};
            static const Rational eps[] = {Rational(0), Rational(1, 100), Rational(1, 10), Rational(1)};
            if (g.one_in(2)) s.push_back(val(Matrix<Real>::scalar(eps[g.in(0, 3)])));
            return s;
          },
          false};
}
Matrix<Real> vector_of(Rng& g, bool infinities) {
  std::size_t n = dim(g);
  return g.one_in(2) ? values(g, 1, n, infinities) : values(g, n, 1, infinities);
}
Generator repeat() {
  return {[](Rng& g) { return Sample{val(values(g, dim(g), dim(g), true)), whole(g.in(1, 3))}; }, true};
}
Generator where() {
  return {[](Rng& g) {
            std::size_t r = dim(g), c = dim(g);
            Matrix<Real> cond(r, c);
            for (std::size_t i = 0; i < r; ++i)
              for (std::size_t j = 0; j < c; ++j) cond(i, j) = Rational(g.in(-1, 1));
            return Sample{val(cond), val(values(g, r, c, true)), val(values(g, r, c, true))};
          },
          true};
}
Generator clip() {
  return {[](Rng& g) {
            Rational a = small_rational(g), b = small_rational(g);
            if (b < a) std::swap(a, b);
            return Sample{val(values(g, dim(g), dim(g), true)), val(Matrix<Real>::scalar(a)), val(Matrix<Real>::scalar(b))};
          },
          true};
}
Generator conv(bool two_d) {
  return {[=](Rng& g) {
            long r = two_d ? g.in(2, 4) : 1, c = g.in(2, 5);
            long kr = two_d ? g.in(1, r) : 1, kc = g.in(1, c);
            Sample s{val(values(g, static_cast<std::size_t>(r), static_cast<std::size_t>(c), false)),
                     val(values(g, static_cast<std::size_t>(kr), static_cast<std::size_t>(kc), false))};
            if (g.one_in(2)) {
              s.push_back(whole(g.in(1, 2)));
              if (g.one_in(2)) s.push_back(whole(g.in(0, 1)));
            }
            return s;
          },
          false};
}
Generator pool() {
  return {[](Rng& g) {
            long r = g.in(1, 4), c = g.in(2, 4);
            Sample s{val(values(g, static_cast<std::size_t>(r), static_cast<std::size_t>(c), true)),
                     whole(g.in(1, std::min(r == 1 ? c : r, c)))};
            if (g.one_in(2)) s.push_back(whole(g.in(1, 2)));
            return s;
          },
          true};
}

// Every operation of the registry and how its samples are made.
const std::map<std::string, Generator, std::less<>>& generators() {
  static const std::map<std::string, Generator, std::less<>> table = {
      {"floor", stepwise(with_decimals())},
      {"ceil", stepwise(with_decimals())},
      {"round", stepwise(with_decimals())},
      {"trunc", stepwise(unary(true))},
      {"abs", unary(true)},
      {"sign", stepwise(unary(true))},
      {"relu", unary(true)},
      {"min", binary(true)},
      {"max", binary(true)},
      {"sqrt", unary(true, true)},
      {"exp", unary(true)},
      {"log", unary(true, true)},
      // sin(±inf) and cos(±inf) are undefined: finite arguments only.
      {"sin", unary(false)},
      {"cos", unary(false)},
      {"tanh", unary(true)},
      {"sigmoid", unary(true)},
      {"colsum", matrix(true)},
      {"rowsum", matrix(true)},
      {"sum", matrix(true)},
      {"colmax", matrix(true)},
      {"rowmax", matrix(true)},
      {"colmean", matrix(true)},
      {"rowmean", matrix(true)},
      {"softmax_cols", softmax()},
      {"softmax_rows", softmax()},
      {"argmax_cols", stepwise(matrix(true))},
      {"argmax_rows", stepwise(matrix(true))},
      {"concat_cols", concat(true)},
      {"concat_rows", concat(false)},
      {"col", pick(true)},
      {"row", pick(false)},
      {"block", block()},
      // No value argument: only sizes, which stay exact, so inclusion is checked on exact
      // inputs alone (the result is the same exact matrix at every precision).
      {"identity", sizes(1)},
      {"zeros", sizes(2)},
      {"ones", sizes(2)},
      {"causal_mask", sizes(1)},
      // A mean of a line holding an infinity is inf - inf: finite values only.
      {"layernorm", normalise()},
      {"batchnorm", normalise()},
      {"outer", {[](Rng& g) { return Sample{val(vector_of(g, true)), val(vector_of(g, true))}; }, true}},
      {"diag", {[](Rng& g) { return Sample{val(g.one_in(2) ? vector_of(g, true) : values(g, dim(g), dim(g), true))}; }, true}},
      {"repeat_rows", repeat()},
      {"repeat_cols", repeat()},
      {"cumsum_rows", matrix(true)},
      {"cumsum_cols", matrix(true)},
      {"gt", stepwise(binary(true))},
      {"ge", stepwise(binary(true))},
      {"lt", stepwise(binary(true))},
      {"le", stepwise(binary(true))},
      {"eq", stepwise(binary(true))},
      {"where", stepwise(where())},
      {"clip", clip()},
      {"hard_tanh", unary(true)},
      {"hard_sigmoid", unary(true)},
      {"gelu", unary(true)},
      // A product-sum over a window holding an infinity meets 0 * inf: finite values only.
      {"conv1d", conv(false)},
      {"conv2d", conv(true)},
      {"maxpool", pool()},
      {"avgpool", pool()},
  };
  return table;
}

// --- evaluation and comparison -------------------------------------------------------------

enum class Outcome { value, domain, undecided, limit };
struct Result {
  Outcome outcome = Outcome::value;
  Matrix<Real> m;
  std::string what;
};

Result run(const OpSpec& op, const std::vector<Matrix<Real>>& args) {
  try {
    return {Outcome::value, op.fn(args), ""};
  } catch (const LimitError& e) {
    return {Outcome::limit, {}, e.what()};
  } catch (const DomainError& e) {
    return {Outcome::domain, {}, e.what()};
  } catch (const Undecided& e) {
    return {Outcome::undecided, {}, e.what()};
  }
}

// The inputs at the current precision: exact, or each value cell as an interval that holds it,
// reaching up to twice the half-width below and above it, off centre as `g` draws it (0: the
// point as an interval); infinities and structural arguments stay as they are.
std::vector<Matrix<Real>> inputs(const Sample& s, const Rational* half_width, Rng g = Rng(0)) {
  std::vector<Matrix<Real>> out;
  for (const Arg& a : s) {
    if (!half_width || !a.interval) {
      out.push_back(a.value);
      continue;
    }
    out.push_back(map_cells(a.value, [&](const Real& x) {
      if (x.is_infinite()) return x;
      if (*half_width == 0) return Real(to_interval(x.exact()));
      long below = g.in(0, 4), above = g.in(0, 4);
      if (below + above == 0) below = above = 2;
      return real_between(x.exact() - *half_width * below / 2, x.exact() + *half_width * above / 2);
    }));
  }
  return out;
}

Rational low(const Real& x) { return x.is_exact() ? x.exact() : x.lower(); }
Rational high(const Real& x) { return x.is_exact() ? x.exact() : x.upper(); }

// Whether every value `in` may take is a value `out` may take.
bool inside(const Real& in, const Real& out) {
  if (in.is_infinite() || out.is_infinite()) return in.infinity_sign() == out.infinity_sign();
  if (out.is_exact()) return in.is_exact() && in.exact() == out.exact();
  return out.lower() <= low(in) && high(in) <= out.upper();
}
bool inside(const Matrix<Real>& in, const Matrix<Real>& out) {
  if (in.shape() != out.shape()) return false;
  for (std::size_t r = 0; r < in.rows(); ++r)
    for (std::size_t c = 0; c < in.cols(); ++c)
      if (!inside(in(r, c), out(r, c))) return false;
  return true;
}

std::string show(const Matrix<Real>& m) {
  std::string s = "[";
  for (std::size_t r = 0; r < m.rows(); ++r) {
    s += r ? "; " : "";
    for (std::size_t c = 0; c < m.cols(); ++c) s += (c ? ", " : "") + describe(m(r, c), 40);
  }
  return s + "]";
}
std::string show(const Sample& s) {
  std::string out;
  for (const Arg& a : s) out += (out.empty() ? "" : ", ") + show(a.value);
  return out;
}
std::string show(const Result& r) {
  switch (r.outcome) {
    case Outcome::value: return show(r.m);
    case Outcome::domain: return "domain error: " + r.what;
    case Outcome::undecided: return "undecided: " + r.what;
    case Outcome::limit: return "limit: " + r.what;
  }
  return "";
}

bool has_infinity(const Sample& s) {
  for (const Arg& a : s)
    for (std::size_t r = 0; r < a.value.rows(); ++r)
      for (std::size_t c = 0; c < a.value.cols(); ++c)
        if (a.value(r, c).is_infinite()) return true;
  return false;
}
bool has_interval_argument(const Sample& s) {
  for (const Arg& a : s)
    if (a.interval) return true;
  return false;
}

constexpr unsigned kDigits = 30, kLowDigits = 15, kHighDigits = 60;

// What one operation's samples showed.
struct Tally {
  int checked = 0, infinite = 0, domain = 0, interval_checks = 0, undecided = 0;
};

void check_refinement(const OpSpec& op, const Sample& s, std::uint64_t seed);

// Every check on one sample; a failure names the operation, the inputs and both results.
void check_sample(const OpSpec& op, const Sample& s, bool steps, std::uint64_t seed, Tally& t) {
  Result exact;
  {
    WorkingPrecision p(kDigits);
    exact = run(op, inputs(s, nullptr));
  }
  if (exact.outcome == Outcome::domain || exact.outcome == Outcome::limit) {
    ++t.domain;  // outside the operation's domain: the sample is not a case
    return;
  }
  BOOST_REQUIRE_MESSAGE(exact.outcome == Outcome::value,
                        fmt::format("{}({}) on exact inputs: {}", op.name, show(s), show(exact)));
  ++t.checked;
  if (has_infinity(s)) ++t.infinite;

  // Inclusion, at the same precision: point intervals, tight and wide ones.
  static const Rational widths[] = {Rational(0), Rational(1, 1L << 30), Rational(1, 16), Rational(1)};
  Result point, tight;
  for (const Rational& w : widths) {
    if (!has_interval_argument(s)) return check_refinement(op, s, seed);
    WorkingPrecision p(kDigits);
    Result wide = run(op, inputs(s, &w, Rng(seed)));
    if (&w == &widths[0]) point = wide;
    if (&w == &widths[1]) tight = wide;
    if (wide.outcome == Outcome::undecided || wide.outcome == Outcome::limit) {
      ++t.undecided;  // no claim made: the pipelines raise the precision
      continue;
    }
    ++t.interval_checks;
    BOOST_CHECK_MESSAGE(wide.outcome == Outcome::value && inside(exact.m, wide.m),
                        fmt::format("inclusion: {}({}) is {}, but with intervals of up to {} around the inputs "
                                    "(seed {}) it is {}",
                                    op.name, show(s), show(exact), to_fraction_string(2 * w), seed, show(wide)));
  }

  // Exactness: a rational result is what the point intervals give, to the precision. A step
  // function or a comparison at a step (a tie, an integer boundary, a non-dyadic input on a
  // decimal boundary) has no narrow enclosure at any precision: there it is checked only
  // where intervals of half-width 2^-30 already decide the cell.
  if (point.outcome == Outcome::value && inside(exact.m, point.m)) {
    for (std::size_t r = 0; r < exact.m.rows(); ++r)
      for (std::size_t c = 0; c < exact.m.cols(); ++c) {
        const Real& x = exact.m(r, c);
        if (!x.is_exact()) continue;
        if (steps && (tight.outcome != Outcome::value || !tight.m(r, c).is_exact())) continue;
        Rational bound = pow10(-static_cast<long>(kDigits) + 8) * (1 + boost::multiprecision::abs(x.exact()));
        BOOST_CHECK_MESSAGE(high(point.m(r, c)) - low(point.m(r, c)) <= bound,
                            fmt::format("exactness: {}({}) is {} exactly, but on point intervals cell ({}, {}) is "
                                        "only {}",
                                        op.name, show(s), describe(x, 40), r + 1, c + 1, describe(point.m(r, c), 40)));
      }
  }
  check_refinement(op, s, seed);
}

// Refinement: more digits never widen an enclosure, for exact inputs and for intervals.
void check_refinement(const OpSpec& op, const Sample& s, std::uint64_t seed) {
  static const Rational refine_widths[] = {Rational(1, 1L << 20)};
  for (const Rational* w : {static_cast<const Rational*>(nullptr), &refine_widths[0]}) {
    if (w && !has_interval_argument(s)) break;
    Result coarse, fine;
    {
      WorkingPrecision p(kLowDigits);
      coarse = run(op, inputs(s, w, Rng(seed)));
    }
    {
      WorkingPrecision p(kHighDigits);
      fine = run(op, inputs(s, w, Rng(seed)));
    }
    if (coarse.outcome != Outcome::value) continue;  // nothing claimed at the lower precision
    BOOST_CHECK_MESSAGE(fine.outcome == Outcome::value && inside(fine.m, coarse.m),
                        fmt::format("refinement: {}({}{}) is {} at {} digits but {} at {}", op.name, show(s),
                                    w ? fmt::format(" widened by {}", to_fraction_string(*w)) : "",
                                    show(coarse), kLowDigits, show(fine), kHighDigits));
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(property_containment)

BOOST_AUTO_TEST_CASE(every_registry_operation_has_a_generator) {
  std::set<std::string> names;
  for (const auto& op : all_ops()) {
    names.emplace(op.name);
    BOOST_CHECK_MESSAGE(generators().count(op.name) == 1,
                        fmt::format("operation {} has no case in tests/property/containment_test.cpp", op.name));
  }
  for (const auto& [name, gen] : generators())
    BOOST_CHECK_MESSAGE(names.count(name) == 1, fmt::format("{} is not an operation of the registry", name));
}

BOOST_AUTO_TEST_CASE(inclusion_refinement_and_exactness_of_every_operation) {
  for (const auto& op : all_ops()) {
    auto it = generators().find(op.name);
    if (it == generators().end()) continue;  // reported by the test above
    const Generator& gen = it->second;
    Rng g(kSeed ^ fnv1a(op.name));
    Tally t;
    for (int i = 0; i < kSamples; ++i) check_sample(op, gen.make(g), gen.steps, g.next(), t);
    BOOST_TEST_MESSAGE(fmt::format("{}: {} samples checked ({} with an infinity), {} interval checks, {} undecided, "
                                   "{} outside the domain",
                                   op.name, t.checked, t.infinite, t.interval_checks, t.undecided, t.domain));
    // Every operation is exercised: enough samples inside its domain, with intervals where it
    // takes values, and with an infinity where it takes one.
    BOOST_CHECK_MESSAGE(t.checked >= kSamples / 3, fmt::format("{}: only {} of {} samples were in its domain",
                                                                op.name, t.checked, kSamples));
    if (has_interval_argument(gen.make(g)))
      BOOST_CHECK_MESSAGE(t.interval_checks >= kSamples / 3,
                          fmt::format("{}: only {} interval checks", op.name, t.interval_checks));
    if (gen.infinities)
      BOOST_CHECK_MESSAGE(t.infinite > 0, fmt::format("{}: no sample with an infinity was in its domain", op.name));
  }
}

BOOST_AUTO_TEST_SUITE_END()
