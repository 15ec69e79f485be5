#include "handcheck/audit/slips.hpp"

#include <fmt/format.h>
#include <gmp.h>

#include <bit>

#include "handcheck/audit/compare.hpp"
#include "handcheck/expr/transform.hpp"
#include "handcheck/ops/registry.hpp"

namespace handcheck {

namespace {

const std::vector<std::string_view> kTags = {
    "dropped-term",      "flipped-sign",     "product-off-by-one", "wrong-row",         "wrong-column",
    "swapped-operands",  "transposed-operand", "softmax-wrong-axis", "no-normalisation", "exp-for-power",
    "power-for-exp",     "ceil-for-floor",   "round-for-floor",    "exact-for-hand",    "hand-for-exact",   "times-for-power",
    "decimal-point",     "rounded-wrong-way",
};

// "WQ[3,4]" for the cell (r, k) of an operand written as a name or a transposed name.
std::string operand_cell(const Expr& e, std::size_t r, std::size_t c) {
  if (e.kind == Expr::Kind::name) return fmt::format("{}[{},{}]", e.name, r + 1, c + 1);
  if (e.kind == Expr::Kind::transpose && e.args[0]->kind == Expr::Kind::name)
    return fmt::format("{}[{},{}]", e.args[0]->name, c + 1, r + 1);
  return fmt::format("({})[{},{}]", to_string(e), r + 1, c + 1);
}

std::string show(const Range& r) {
  return r.is_point() ? to_fraction_string(r.lo) : fmt::format("[{}, {}]", to_fraction_string(r.lo), to_fraction_string(r.hi));
}

std::size_t bits(const Rational& q) {
  mpq_srcptr x = q.backend().data();
  return mpz_sizeinbase(mpq_numref(x), 2) + mpz_sizeinbase(mpq_denref(x), 2);
}

// The search ran out of its budget in the middle of a cell.
struct OutOfWork {};

class Search {
 public:
  explicit Search(const SlipQuery& q) : q_(q) {}

  std::optional<std::vector<Slip>> run() {
    if (q_.budget && !q_.budget->spend(cost())) return std::nullopt;
    const Expr& e = *q_.expression;
    try {
      if (q_.evaluate && e.kind == Expr::Kind::binary && e.op == '@') product_slips(e);
      if (q_.evaluate && summing(e)) sum_slips(e);
    } catch (const OutOfWork&) {
      return std::nullopt;
    }
    expression_slips();
    value_slips();
    std::stable_sort(found_.begin(), found_.end(), [](const Slip& a, const Slip& b) {
      return std::find(kTags.begin(), kTags.end(), a.tag) < std::find(kTags.begin(), kTags.end(), b.tag);
    });
    return std::move(found_);
  }

 private:
  // The work of run(), from the shapes of the operands (their values are shared by the cells of
  // a step and evaluated once): the terms of the cell's dot product or sum, and its row and
  // column for the wrong-row and wrong-column slips; one for each other slip.
  std::size_t cost() const {
    constexpr std::size_t kOtherSlips = 32;
    const Expr& e = *q_.expression;
    if (!q_.evaluate || e.kind == Expr::Kind::number || e.kind == Expr::Kind::name || e.args.empty())
      return kOtherSlips;
    if (e.kind == Expr::Kind::binary && e.op == '@') {
      auto a = q_.evaluate(*e.args[0]);
      auto b = q_.evaluate(*e.args[1]);
      if (!a || !b) return kOtherSlips;
      return kOtherSlips + 5 * a->cols() + a->rows() + b->cols();
    }
    if (const OpSpec* sum = summing(e)) {
      auto m = q_.evaluate(*e.args[0]);
      if (!m) return kOtherSlips;
      return kOtherSlips + 2 * (sum->reads == Reads::column_fold ? m->rows()
                                : sum->reads == Reads::row_fold  ? m->cols()
                                                                 : m->size());
    }
    return kOtherSlips;
  }

  // A result of the term-by-term slips, paid for by its size: cost() counts operations on small
  // numbers, and an operation on exact numbers of w × 256 bits costs about w log w more (a sum
  // of 30 000 fractions 1/p over distinct primes reaches a million bits).
  Range paid(Range x) const {
    if (!q_.budget) return x;
    std::size_t w = (bits(x.lo) + (x.is_point() ? 0 : bits(x.hi))) / 256;
    if (w > 0 && !q_.budget->spend(w * static_cast<std::size_t>(std::bit_width(w)))) throw OutOfWork{};
    return x;
  }

  // Certainly, under the step's comparison: a value that merely meets the band of the stated
  // number explains nothing (the band is wider than the comparison under sigfig, and an
  // enclosure may straddle its edge).
  bool reproduces(const Real& v) const { return matches(q_.compare, q_.stated, v) == Match::yes; }
  bool reproduces(const Range& v) const { return reproduces(v.is_point() ? Real(v.lo) : hull(Real(v.lo), Real(v.hi))); }

  void add(std::string_view tag, std::string text) {
    for (const auto& s : found_)
      if (s.tag == tag) return;  // one explanation per kind of slip is enough
    found_.push_back({tag, fmt::format("stated {} = {}", q_.stated.text, text)});
  }

  // Cell-level slips in a dot product: A[r,:] · B[:,c].
  void product_slips(const Expr& e) {
    auto a = q_.evaluate(*e.args[0]);
    auto b = q_.evaluate(*e.args[1]);
    if (!a || !b || a->cols() != b->rows() || q_.row >= a->rows() || q_.col >= b->cols()) return;
    const std::size_t r = q_.row, c = q_.col, n = a->cols();
    std::vector<Range> terms;
    for (std::size_t k = 0; k < n; ++k) terms.push_back(paid((*a)(r, k) * (*b)(k, c)));
    auto term_name = [&](std::size_t k) {
      return fmt::format("{}·{}", operand_cell(*e.args[0], r, k), operand_cell(*e.args[1], k, c));
    };
    // The sum without term k from the sums before and after it: linear in n, where summing
    // the others anew for every k would be quadratic. (An interval minus a term would widen.)
    std::vector<Range> before(n + 1, Range(Rational(0))), after(n + 1, Range(Rational(0)));
    for (std::size_t k = 0; k < n; ++k) before[k + 1] = paid(before[k] + terms[k]);
    for (std::size_t k = n; k-- > 0;) after[k] = paid(after[k + 1] + terms[k]);
    auto total_without = [&](std::size_t skip) { return paid(before[skip] + after[skip + 1]); };
    for (std::size_t k = 0; k < n; ++k) {
      if (terms[k].is_point() && terms[k].lo == 0) continue;  // dropping a zero changes nothing
      Range rest = total_without(k);
      if (reproduces(rest)) add("dropped-term", fmt::format("the sum without the term {}", term_name(k)));
      if (reproduces(paid(rest - terms[k])))
        add("flipped-sign", fmt::format("the sum with the sign of {} flipped", term_name(k)));
    }
    // A term off by one moves the sum by one, whichever term it is: named by the first that is
    // not zero.
    for (std::size_t k = 0; k < n; ++k) {
      if (terms[k].is_point() && terms[k].lo == 0) continue;
      for (int d : {1, -1})
        if (reproduces(before[n] + Range(Rational(d))))
          add("product-off-by-one", fmt::format("the sum with {} off by {}", term_name(k), d > 0 ? "+1" : "-1"));
      break;
    }
    // Other rows and columns: cells of the whole product over the stated operands, which the
    // caller evaluates once for the step.
    const Matrix<Range>* product = q_.evaluate(e);
    if (product && (product->rows() != a->rows() || product->cols() != b->cols())) product = nullptr;
    auto dot = [&](std::size_t rr, std::size_t cc) {
      if (product) return (*product)(rr, cc);
      Range s(Rational(0));
      for (std::size_t k = 0; k < n; ++k) s = paid(s + (*a)(rr, k) * (*b)(k, cc));
      return s;
    };
    for (std::size_t rr = 0; rr < a->rows(); ++rr)
      if (rr != r && reproduces(dot(rr, c)))
        add("wrong-row", fmt::format("row {} of {} times column {} of {}", rr + 1, to_string(*e.args[0]), c + 1,
                                     to_string(*e.args[1])));
    for (std::size_t cc = 0; cc < b->cols(); ++cc)
      if (cc != c && reproduces(dot(r, cc)))
        add("wrong-column", fmt::format("row {} of {} times column {} of {}", r + 1, to_string(*e.args[0]), cc + 1,
                                        to_string(*e.args[1])));
    variant("swapped-operands", make_binary('@', e.args[1], e.args[0], e.pos),
            fmt::format("{} @ {} (the operands swapped)", to_string(*e.args[1]), to_string(*e.args[0])));
    variant("transposed-operand", make_binary('@', make_transpose(e.args[0], e.pos), e.args[1], e.pos),
            fmt::format("({})^T @ {}", to_string(*e.args[0]), to_string(*e.args[1])));
    variant("transposed-operand", make_binary('@', e.args[0], make_transpose(e.args[1], e.pos), e.pos),
            fmt::format("{} @ ({})^T", to_string(*e.args[0]), to_string(*e.args[1])));
  }

  // A sum of entries (colsum, rowsum, sum), the slips of a sum apply to: its row in the
  // registry, or nullptr.
  static const OpSpec* summing(const Expr& e) {
    if (e.kind != Expr::Kind::call || (e.name != "colsum" && e.name != "rowsum" && e.name != "sum")) return nullptr;
    return find_op(e.name);
  }

  // Whether the cell of a sum this search is about reads entry (r, c) of its argument, as the
  // registry says.
  bool reads_entry(Reads reads, std::size_t r, std::size_t c) const {
    switch (reads) {
      case Reads::column_fold: return c == q_.col;
      case Reads::row_fold: return r == q_.row;
      default: return true;
    }
  }

  // A dropped or negated entry of a column (row) sum.
  void sum_slips(const Expr& e) {
    auto m = q_.evaluate(*e.args[0]);
    if (!m) return;
    std::vector<std::pair<std::size_t, std::size_t>> cells;
    for (std::size_t r = 0; r < m->rows(); ++r)
      for (std::size_t c = 0; c < m->cols(); ++c)
        if (reads_entry(summing(e)->reads, r, c)) cells.emplace_back(r, c);
    Range total(Rational(0));
    for (auto [r, c] : cells) total = paid(total + (*m)(r, c));
    for (auto [r, c] : cells) {
      const Range& x = (*m)(r, c);
      std::string name = operand_cell(*e.args[0], r, c);
      Range without = paid(total - x);
      if (reproduces(without)) add("dropped-term", fmt::format("the sum without {}", name));
      if (reproduces(paid(without - x))) add("flipped-sign", fmt::format("the sum with the sign of {} flipped", name));
    }
  }

  // Whole-expression variants, recomputed from the stated operands.
  void variant(std::string_view tag, const ExprPtr& e, const std::string& text) {
    if (!q_.evaluate) return exact_variant(tag, e, text);
    auto v = q_.evaluate(*e);
    if (v && q_.row < v->rows() && q_.col < v->cols() && reproduces((*v)(q_.row, q_.col)))
      add(tag, fmt::format("{} ({})", text, show((*v)(q_.row, q_.col))));
  }
  void exact_variant(std::string_view tag, const ExprPtr& e, const std::string& text) {
    if (!q_.evaluate_exact) return;
    auto v = q_.evaluate_exact(*e);
    if (v && q_.row < v->rows() && q_.col < v->cols() && reproduces((*v)(q_.row, q_.col)))
      add(tag, fmt::format("{} ({})", text, describe((*v)(q_.row, q_.col), 6)));
  }

  // Rewrites every node `f` matches; returns nullptr when nothing matched.
  ExprPtr rewrite(const std::function<ExprPtr(const Expr&)>& f) {
    bool any = false;
    ExprPtr out = transform(std::make_shared<Expr>(*q_.expression), [&](const ExprPtr& n) -> ExprPtr {
      ExprPtr r = f(*n);
      any = any || r;
      return r;
    });
    return any ? out : nullptr;
  }

  void try_rewrite(std::string_view tag, const std::function<ExprPtr(const Expr&)>& f, const std::string& what) {
    if (ExprPtr e = rewrite(f)) variant(tag, e, fmt::format("{}: {}", what, to_string(*e)));
  }

  void expression_slips() {
    auto rename = [](std::string from, std::string to) {
      return [from, to](const Expr& n) -> ExprPtr {
        if (n.kind != Expr::Kind::call || n.name != from) return nullptr;
        return make_call(to, n.args, n.pos);
      };
    };
    try_rewrite("softmax-wrong-axis", rename("softmax_cols", "softmax_rows"), "softmax along rows instead of columns");
    try_rewrite("softmax-wrong-axis", rename("softmax_rows", "softmax_cols"), "softmax down columns instead of rows");
    try_rewrite("softmax-wrong-axis", rename("colsum", "rowsum"), "row sums instead of column sums");
    try_rewrite("softmax-wrong-axis", rename("rowsum", "colsum"), "column sums instead of row sums");
    try_rewrite("no-normalisation", [](const Expr& n) -> ExprPtr {
      if (n.kind != Expr::Kind::call || (n.name != "softmax_cols" && n.name != "softmax_rows")) return nullptr;
      if (n.args.size() == 2) return make_binary('^', n.args[1], n.args[0], n.pos);
      return make_call("exp", {n.args[0]}, n.pos);
    }, "the exponentials, never divided by their sum");
    const Expr& top = *q_.expression;
    if (top.kind == Expr::Kind::binary && top.op == '/')
      variant("no-normalisation", top.args[0], fmt::format("{} without dividing by {}", to_string(*top.args[0]),
                                                          to_string(*top.args[1])));
    try_rewrite("power-for-exp", [](const Expr& n) -> ExprPtr {
      if (n.kind != Expr::Kind::call || n.name != "exp") return nullptr;
      return make_binary('^', make_number(3, n.pos), n.args[0], n.pos);
    }, "3^x where the worksheet asks e^x");
    try_rewrite("ceil-for-floor", rename("floor", "ceil"), "ceil where the worksheet asks floor");
    try_rewrite("round-for-floor", rename("floor", "round"), "round where the worksheet asks floor");
    try_rewrite("times-for-power", [](const Expr& n) -> ExprPtr {
      if (n.kind != Expr::Kind::binary || n.op != '^') return nullptr;
      return make_binary('*', n.args[0], n.args[1], n.pos);
    }, "a product where the worksheet asks a power");
    // Irrational variants, in the exact pipeline.
    if (ExprPtr e = rewrite([](const Expr& n) -> ExprPtr {
          if (n.kind != Expr::Kind::binary || n.op != '^') return nullptr;
          return make_call("exp", {n.args[1]}, n.pos);
        }))
      exact_variant("exp-for-power", e, fmt::format("e^x where the worksheet asks a power: {}", to_string(*e)));
    if (q_.other && q_.evaluate)
      exact_variant("exact-for-hand", std::make_shared<Expr>(*q_.other),
                    fmt::format("the exact {} where the worksheet asks the hand rule {}", to_string(*q_.other),
                                to_string(*q_.expression)));
    if (q_.other && !q_.evaluate)
      exact_variant("hand-for-exact", std::make_shared<Expr>(*q_.other),
                    fmt::format("the hand rule {} where the worksheet asks {}", to_string(*q_.other),
                                to_string(*q_.expression)));
  }

  // Slips in writing the number down.
  void value_slips() {
    if (!q_.truth || q_.truth->is_infinite()) return;
    if (q_.truth->is_exact()) moved_point(q_.truth->exact());
    if (q_.stated.is_decimal()) rounded_wrong_way(*q_.truth);
  }

  void moved_point(const Rational& t) {
    // The moved value as the number is written (its printing band), not merely within a
    // loose tolerance: under abs:1e-6, 0 is no 0.0000011 with its point moved. And the written
    // number keeps the digits that moved (within a tenth of itself): 0 or 1 written for 8 is
    // no 0.08 or 0.8, a number too coarse to show any.
    const CompareMode as_written;
    auto keeps_digits = [&](const Rational& moved) { return abs(moved - q_.stated.value) * 10 <= abs(q_.stated.value); };
    if (t != 0)
      for (int k : {-2, -1, 1, 2})
        if (Rational moved = t * pow10(k); matches(q_.compare, q_.stated, moved) &&
                                           matches(as_written, q_.stated, moved) && keeps_digits(moved))
          add("decimal-point", fmt::format("{} with the decimal point moved {} place{}", to_short_decimal(t),
                                           std::abs(k), std::abs(k) == 1 ? "" : "s"));
  }

  // The wrong way: the other end, more than half a unit away (a value halfway rounds both ways,
  // and a correct rounding may still be wrong under compare exact, abs or sigfig). An irrational
  // value's enclosure must lie between the same two ends and settle the distance (truncating
  // 0.970951… to .970 is such a slip).
  void rounded_wrong_way(const Real& t) {
    Rational scale = pow10(q_.stated.decimals);
    Rational lo = t.lower(), hi = t.upper();
    Rational down = Rational(floor_int(lo * scale)) / scale, up = Rational(ceil_int(hi * scale)) / scale;
    const Rational& v = q_.stated.value;
    bool one_step = (up - down) * scale <= 1;
    bool far = v == down ? (lo - down) * scale * 2 > 1 : v == up && (up - hi) * scale * 2 > 1;
    if (!one_step || !far) return;
    std::optional<std::string> shown =
        t.is_exact() ? to_short_decimal(t.exact(), 8) : certified_fixed(t, q_.stated.decimals + 3);
    if (shown) add("rounded-wrong-way", fmt::format("{} rounded the wrong way to {} decimals", *shown, q_.stated.decimals));
  }

  const SlipQuery& q_;
  std::vector<Slip> found_;
};

}  // namespace

std::optional<std::vector<Slip>> find_slips(const SlipQuery& q) { return Search(q).run(); }

const std::vector<std::string_view>& slip_tags() { return kTags; }

}  // namespace handcheck
