#include "handcheck/audit/approximation.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "handcheck/audit/compare.hpp"
#include "handcheck/linalg/products.hpp"
#include "handcheck/ops/scalar.hpp"
#include "handcheck/parallel.hpp"

namespace handcheck {

namespace {

// A difference (never negative) to 6 certified digits; when the cap leaves its digits
// undecided (a total variation of 1e-3000, say), a certified bound: the upper end raised by a
// part in 10^5 before rounding to 6 digits, so that the printed number is above it.
std::string certified6(const Real& x) {
  if (x.is_exact() || certified_significant(x, 6)) return describe(x, 6);
  Rational above = x.upper() * Rational(100001, 100000);
  return "< " + to_significant_string(above, 6);
}

// The largest absolute and relative differences and their cells; false when no cell has a
// finite difference. `diffs` gets |h - e| of each cell, row by row (none for an infinity).
bool largest_differences(const Matrix<Real>& h, const Matrix<Real>& e, Approximation& a,
                         std::vector<std::optional<Real>>& diffs) {
  diffs.assign(h.size(), std::nullopt);
  std::optional<Real> best_abs, best_rel;
  Rational best_abs_hi = -1, best_rel_hi = -1;
  for (std::size_t r = 0; r < h.rows(); ++r)
    for (std::size_t col = 0; col < h.cols(); ++col) {
      if (h(r, col).is_infinite() || e(r, col).is_infinite()) continue;  // the same infinity, or no number
      Real d = scalar::abs(h(r, col) - e(r, col));
      diffs[r * h.cols() + col] = d;
      if (d.upper() > best_abs_hi) {
        best_abs_hi = d.upper();
        best_abs = d;
        a.abs_row = r;
        a.abs_col = col;
      }
      auto s = certain_sign(e(r, col));
      if (s && *s != 0) {
        Real rel = d / scalar::abs(e(r, col));
        if (rel.upper() > best_rel_hi) {
          best_rel_hi = rel.upper();
          best_rel = rel;
          a.rel_row = r;
          a.rel_col = col;
        }
      }
    }
  if (!best_abs) return false;
  a.max_abs_diff = certified6(*best_abs);
  a.max_rel_diff = best_rel ? certified6(*best_rel) : "n/a";
  return true;
}

// A line of probabilities sums to 1: exactly, or for intervals an enclosure of the sum holds 1.
bool line_sums_to_one(const std::vector<const Real*>& line) {
  std::vector<const Rational*> exact_terms;
  for (const Real* x : line) {
    if (x->is_infinite()) return false;
    if (x->is_exact()) exact_terms.push_back(&x->exact());
  }
  if (exact_terms.size() == line.size()) return sum_exact(exact_terms) == 1;
  Real total = Rational(0);
  for (const Real* x : line) total = total + *x;
  return total.lower() <= 1 && 1 <= total.upper();
}

// Every entry at least 0 and every column (or row) summing to 1 in both pipelines.
bool probabilities(const Matrix<Real>& h, const Matrix<Real>& e, bool by_cols) {
  std::size_t lines = by_cols ? h.cols() : h.rows(), len = by_cols ? h.rows() : h.cols();
  for (std::size_t l = 0; l < lines; ++l) {
    std::vector<const Real*> hl, el;
    for (std::size_t k = 0; k < len; ++k) {
      const Real& x = by_cols ? h(k, l) : h(l, k);
      const Real& y = by_cols ? e(k, l) : e(l, k);
      if (x.is_infinite() || y.is_infinite() || x.upper() < 0 || y.upper() < 0) return false;
      hl.push_back(&x);
      el.push_back(&y);
    }
    // The exact pipeline's enclosure first: it rules most lines out for little.
    if (!line_sums_to_one(el) || !line_sums_to_one(hl)) return false;
  }
  return true;
}

// The entries of a line that may be the largest, and whether they are known to be equal (a
// tie) or only too close to separate.
template <class Value>
std::vector<std::size_t> top(std::size_t len, Value value, bool& undecided) {
  std::vector<std::size_t> best;
  bool all_exact = true;
  for (std::size_t k = 0; k < len && all_exact; ++k) all_exact = value(k).is_exact();
  if (all_exact && len > 0) {
    // Rationals are totally ordered: an entry is beaten by some entry iff by the largest one.
    std::size_t m = 0;
    for (std::size_t j = 1; j < len; ++j)
      if (compare(value(j), value(m)) > 0) m = j;
    for (std::size_t k = 0; k < len; ++k)
      if (compare(value(m), value(k)) <= 0) best.push_back(k);
    undecided = false;
    return best;
  }
  // Entry j beats k (compare > 0, no entry of a probability line being infinite) where j's
  // lower end is above k's upper end: k is beaten iff the largest lower end is. One pass, not
  // every pair (8 000 tied entries took 24 s).
  if (len == 0) return best;
  Rational highest_lower = value(0).lower();
  for (std::size_t j = 1; j < len; ++j)
    if (Rational lo = value(j).lower(); lo > highest_lower) highest_lower = std::move(lo);
  for (std::size_t k = 0; k < len; ++k)
    if (!(highest_lower > value(k).upper())) best.push_back(k);
  undecided = false;
  for (std::size_t k = 1; k < best.size(); ++k) undecided = undecided || !same_value(value(best[k]), value(best.front()));
  return best;
}

// Two sets of largest entries, each exact or only the candidates (undecided): the same where
// both are known and equal, different where they are known to differ (no candidate in common).
Agreement agreement(const std::vector<std::size_t>& hand, bool hand_undecided, const std::vector<std::size_t>& exact,
                    bool exact_undecided) {
  if (!hand_undecided && !exact_undecided) return hand == exact ? Agreement::same : Agreement::differs;
  // Both in increasing order: a candidate in common is found by one merge.
  for (std::size_t i = 0, j = 0; i < hand.size() && j < exact.size();) {
    if (hand[i] == exact[j]) return Agreement::undecided;
    hand[i] < exact[j] ? ++i : ++j;
  }
  return Agreement::differs;
}

std::vector<ProbabilityLine> probability_lines(const Item& item, const Matrix<Real>& h, const Matrix<Real>& e,
                                               bool by_cols, const std::vector<std::optional<Real>>& diffs) {
  std::size_t lines = by_cols ? h.cols() : h.rows(), len = by_cols ? h.rows() : h.cols();
  const Labels& across = by_cols ? item.rows : item.columns;  // names of the entries of a line
  const Labels& line_names = by_cols ? item.columns : item.rows;
  auto entry_name = [&](std::size_t k) {
    std::string n = across.at(k);
    return n.empty() ? fmt::format("{} {}", by_cols ? "row" : "column", k + 1) : n;
  };
  std::vector<ProbabilityLine> out;
  for (std::size_t l = 0; l < lines; ++l) {
    ProbabilityLine p;
    p.label = line_names.at(l).empty() ? fmt::format("{} {}", by_cols ? "column" : "row", l + 1) : line_names.at(l);
    auto hv = [&](std::size_t k) -> const Real& { return by_cols ? h(k, l) : h(l, k); };
    auto ev = [&](std::size_t k) -> const Real& { return by_cols ? e(k, l) : e(l, k); };
    std::vector<std::size_t> hand = top(len, hv, p.hand_undecided), exact = top(len, ev, p.exact_undecided);
    for (std::size_t k : hand) p.hand_argmax.push_back(entry_name(k));
    for (std::size_t k : exact) p.exact_argmax.push_back(entry_name(k));
    p.argmax = agreement(hand, p.hand_undecided, exact, p.exact_undecided);
    Real tv = Rational(0);
    // |h - e| as largest_differences found it (no entry of a probability line is infinite).
    for (std::size_t k = 0; k < len; ++k) tv = tv + *diffs[by_cols ? k * h.cols() + l : l * h.cols() + k];
    p.total_variation = certified6(tv / Real(Rational(2)));
    out.push_back(std::move(p));
  }
  return out;
}

std::optional<Approximation> compare_step(const Case& c, const HandRun& hand, const ExactRun& exact, std::size_t i) {
  const Item& item = c.items[i];
  if (item.is_input || !hand.values[i] || !exact.values[i]) return std::nullopt;
  const auto& h = *hand.values[i];
  const auto& e = *exact.values[i];
  if (h.shape() != e.shape()) return std::nullopt;
  bool differs = false;
  for (std::size_t k = 0; k < h.size() && !differs; ++k) differs = !same_value(h.cells()[k], e.cells()[k]);
  if (!differs) return std::nullopt;
  Approximation a;
  a.item = i;
  std::vector<std::optional<Real>> diffs;
  if (!largest_differences(h, e, a, diffs)) return std::nullopt;
  bool by_cols = probabilities(h, e, true);
  if (!by_cols && !probabilities(h, e, false)) return a;
  a.by_columns = by_cols;
  a.probability = probability_lines(item, h, e, by_cols, diffs);
  return a;
}

}  // namespace

std::vector<Approximation> compare_pipelines(const Case& c, const HandRun& hand, const ExactRun& exact,
                                             unsigned threads) {
  // A step written once for both pipelines over such steps is one value in both.
  std::vector<bool> same(c.items.size(), true);
  for (std::size_t i = 0; i < c.items.size(); ++i) {
    const Item& item = c.items[i];
    if (item.is_input) continue;
    same[i] = item.same_expression;
    for (const auto& n : referenced_names(*item.hand->ast)) same[i] = same[i] && same[static_cast<std::size_t>(c.find(n))];
  }
  // Step by step, on several threads for a large case; kept in step order.
  std::vector<std::optional<Approximation>> found(c.items.size());
  parallel_for(c.items.size(), [&](std::size_t i) {
    if (same[i]) return;
    with_precision(std::max(hand.digits10, exact.digits10), [&] { found[i] = compare_step(c, hand, exact, i); });
  }, threads);
  std::vector<Approximation> out;
  for (auto& a : found)
    if (a) out.push_back(std::move(*a));
  return out;
}

}  // namespace handcheck
