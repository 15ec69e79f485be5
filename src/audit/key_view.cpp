#include "handcheck/audit/key_view.hpp"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <gmp.h>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "handcheck/detail/text.hpp"
#include "handcheck/expr/ast.hpp"
#include "handcheck/eval/pipeline.hpp"
#include "handcheck/model/printing.hpp"
#include "handcheck/parallel.hpp"
#include "working.hpp"

namespace handcheck::keys {

namespace {

// Beyond this many operand cells a cell's reads are shown as "every cell of its operands".
constexpr std::size_t kMaxReads = 256;
// A product or sum of more terms than this is summarised in a cell's working.
constexpr std::size_t kMaxTerms = 32;

using detail::join;

int heat(const Rational& q) {
  Integer p = floor_int(q * 100);
  if (p < 0) return 0;
  if (p > 100) return 100;
  return p.convert_to<int>();
}

// An enclosure of width 0 is its value, printed as exact values are (0, not 0.00000).
std::optional<std::string> point_value(const Real& x) {
  if (!x.is_interval() || x.lower() != x.upper()) return std::nullopt;
  std::string f = to_fraction_string(x.lower());
  return f.size() <= 12 ? std::optional(f) : std::nullopt;
}

std::string exact_digits(const Real& x, int digits) {
  if (auto p = point_value(x)) return *p;
  return describe(x, digits);
}

// The decimal digits of z, as Integer::str() writes them, straight from GMP.
void append_integer(std::string& out, mpz_srcptr z) {
  std::size_t at = out.size();
  out.resize(at + mpz_sizeinbase(z, 10) + 2);  // a sign and the terminating zero
  mpz_get_str(out.data() + at, 10, z);
  out.resize(at + std::strlen(out.data() + at));
}

std::string short_exact(const Real& x) {
  if (x.is_infinite()) return describe(x, 6);
  if (auto p = point_value(x)) return *p;
  if (x.is_exact()) {
    std::string f = to_fraction_string(x.exact());
    return f.size() <= 12 ? f : to_short_decimal(x.exact(), 6);
  }
  if (auto s = certified_significant(x, 6)) return *s + "…";
  return describe(x, 6);
}

class Builder {
 public:
  Builder(const CaseAudit& a, const KeyOptions& options) : a_(a), c_(*a.kase), options_(options) {
    for (std::size_t i = 0; i < c_.items.size(); ++i) {
      const auto* h = hand(i);
      const auto* e = exact(i);
      shapes_.push_back(h ? h->shape() : e ? e->shape() : Shape{});
    }
  }

  KeyView build() {
    KeyView k;
    k.audit = &a_;
    k.file = c_.file;
    k.title = c_.title;
    k.source = c_.source;
    k.follows = c_.follows == Follows::hand ? "hand" : "exact";
    k.digits = c_.digits;
    for (std::size_t i = 0; i < c_.items.size(); ++i) k.items.push_back(item_view(i));
    k.errata = group_errata(a_);
    if (a_.hand && a_.hand->undecided) k.notes.push_back("Hand pipeline: " + a_.hand->undecided->message());
    if (a_.exact && a_.exact->undecided) k.notes.push_back("Exact pipeline: " + a_.exact->undecided->message());
    return k;
  }

 private:
  const Matrix<Real>* hand(std::size_t i) const {
    return a_.hand && i < a_.hand->values.size() && a_.hand->values[i] ? &*a_.hand->values[i] : nullptr;
  }
  const Matrix<Real>* exact(std::size_t i) const {
    return a_.exact && i < a_.exact->values.size() && a_.exact->values[i] ? &*a_.exact->values[i] : nullptr;
  }

  ItemView item_view(std::size_t i) {
    const Item& item = c_.items[i];
    ItemView v;
    v.index = i;
    v.item = &item;
    v.name = item.name;
    v.is_input = item.is_input;
    v.shape = shapes_[i];
    v.digits = display_digits(i);
    if (!item.is_input) {
      v.hand_expr = to_string(*item.hand->ast);
      v.exact_expr = to_string(*item.exact->ast);
      v.same_expression = item.same_expression || v.hand_expr == v.exact_expr;
      for (const Expression* e : {&*item.hand, &*item.exact})
        for (const auto& n : referenced_names(*e->ast)) {
          long j = c_.find(n);
          if (j >= 0 && std::find(v.operands.begin(), v.operands.end(), static_cast<std::size_t>(j)) == v.operands.end())
            v.operands.push_back(static_cast<std::size_t>(j));
        }
    }
    for (std::size_t r = 0; r < v.shape.rows; ++r) v.row_labels.push_back(item.rows.at(r));
    for (std::size_t col = 0; col < v.shape.cols; ++col) v.col_labels.push_back(item.columns.at(col));
    const auto* h = hand(i);
    const auto* e = exact(i);
    v.has_hand = h != nullptr;
    v.hand_rational = h && std::all_of(h->begin(), h->end(), [](const Real& x) { return x.is_exact(); });
    v.has_exact = e != nullptr;
    v.hand_values = h;
    v.exact_values = e;
    add_approximation(v);
    if (options_.cells) add_values(v, h, e);
    else v.hand_equals_exact = same_values(h, e, v.shape);
    add_stated(v);
    if (!item.is_input && options_.cells) add_reads_and_how(v);
    return v;
  }

  // The hand-versus-exact lines of a step, and whether it is a probability step.
  void add_approximation(ItemView& v) const {
    const Item& item = *v.item;
    for (const auto& ap : a_.approximation) {
      if (ap.item != v.index) continue;
      v.approximation.push_back(fmt::format("hand versus exact: largest difference {} at {}, largest relative {} at {}",
                                            ap.max_abs_diff, item.cell_label(ap.abs_row, ap.abs_col),
                                            ap.max_rel_diff, item.cell_label(ap.rel_row, ap.rel_col)));
      if (ap.probability.empty()) continue;
      v.probability = true;
      v.by_columns = ap.by_columns;
      for (const auto& p : ap.probability) {
        auto who = [](const std::vector<std::string>& names, bool undecided) {
          if (names.size() == 1) return names[0];
          return join(names, ", ") + (undecided ? " (too close to separate)" : " (tie)");
        };
        v.approximation.push_back(fmt::format("{}: largest entry by hand {}, exactly {} ({}); total variation {}",
                                              p.label, who(p.hand_argmax, p.hand_undecided),
                                              who(p.exact_argmax, p.exact_undecided), to_string(p.argmax),
                                              p.total_variation));
      }
    }
  }

  // Each cell's values in both pipelines, formatted, and whether the two agree everywhere.
  void add_values(ItemView& v, const Matrix<Real>* h, const Matrix<Real>* e) const {
    const Item& item = *v.item;
    v.cells = Matrix<CellView>(v.shape);
    v.hand_equals_exact = h && e;
    for (std::size_t r = 0; r < v.shape.rows; ++r)
      for (std::size_t col = 0; col < v.shape.cols; ++col) {
        CellView& cell = v.cells(r, col);
        cell.label = item.cell_label(r, col);
        if (h) {
          const Real& q = (*h)(r, col);
          append_value(cell.hand, q, v.digits);
          if (q.is_exact() && !is_integer(q.exact())) cell.hand_decimal = to_short_decimal(q.exact());
          if (v.probability && !q.is_infinite()) cell.heat_hand = heat(q.is_exact() ? q.exact() : q.lower());
        }
        if (e) {
          const Real& x = (*e)(r, col);
          append_value(cell.exact, x, v.digits);
          cell.exact_short = short_exact(x);
          if (v.probability && !x.is_infinite()) cell.heat_exact = heat(x.is_exact() ? x.exact() : x.lower());
          if (!h || !same_value(x, (*h)(r, col))) v.hand_equals_exact = false;
        }
      }
  }

  static bool same_values(const Matrix<Real>* h, const Matrix<Real>* e, Shape shape) {
    if (!h || !e) return false;
    for (std::size_t r = 0; r < shape.rows; ++r)
      for (std::size_t col = 0; col < shape.cols; ++col)
        if (!same_value((*e)(r, col), (*h)(r, col))) return false;
    return true;
  }

  void add_stated(ItemView& v) {
    const Item& item = *v.item;
    const StepAudit* sa = nullptr;
    for (const auto& s : a_.steps)
      if (s.item == v.index) sa = &s;
    if (!sa || sa->stated.shape() != v.shape) return;
    // Blanks: a null or "?" the sheet prints, as opposed to cells it does not state at all.
    auto mark_blank = [&](std::size_t r, std::size_t col) {
      if (r < v.shape.rows && col < v.shape.cols && !sa->stated(r, col)) {
        v.marks.push_back({r, col, StatedMark{true, "?", Verdict::ok, "", "", Downstream::none}});
        ++v.blank;
      }
    };
    const Stated& st = *item.stated;
    switch (st.form) {
      case Stated::Form::matrix:
        for (std::size_t r = 0; r < v.shape.rows; ++r)
          for (std::size_t col = 0; col < v.shape.cols; ++col) mark_blank(r, col);
        break;
      case Stated::Form::vectors:
        for (const auto& vec : st.vectors) {
          long col = item.columns.find(vec.label, v.shape.cols), row = item.rows.find(vec.label, v.shape.rows);
          for (std::size_t k = 0; k < vec.cells.size(); ++k)
            if (!vec.cells[k].value) {
              if (col >= 0) mark_blank(k, static_cast<std::size_t>(col));
              else if (row >= 0) mark_blank(static_cast<std::size_t>(row), k);
            }
        }
        break;
      case Stated::Form::cells:
        for (const auto& cell : st.cells)
          if (!cell.cell.value && cell.row >= 1 && cell.col >= 1) mark_blank(cell.row - 1, cell.col - 1);
        break;
    }
    for (const auto& ca : sa->cells) {
      if (ca.row >= v.shape.rows || ca.col >= v.shape.cols) continue;
      v.marks.push_back({ca.row, ca.col,
                         StatedMark{false, ca.stated.text, ca.verdict, ca.expected_printed, ca.expected, ca.downstream}});
      ++v.stated;
      switch (ca.verdict) {
        case Verdict::ok: ++v.ok; break;
        case Verdict::erratum: ++v.erratum; break;
        case Verdict::carried: ++v.carried; break;
        case Verdict::undecided: break;
      }
    }
    // Row by row; of two marks of one cell the later one holds, as it did when written in place.
    std::stable_sort(v.marks.begin(), v.marks.end(), [](const MarkedCell& x, const MarkedCell& y) {
      return std::tie(x.row, x.col) < std::tie(y.row, y.col);
    });
    std::vector<MarkedCell> unique;
    for (auto& m : v.marks) {
      if (!unique.empty() && unique.back().row == m.row && unique.back().col == m.col) unique.back() = std::move(m);
      else unique.push_back(std::move(m));
    }
    v.marks = std::move(unique);
    if (options_.cells)
      for (const auto& m : v.marks) v.cells(m.row, m.col).stated = m.mark;
  }

  void add_reads_and_how(ItemView& v) {
    std::optional<CellWorking> hand_working, exact_working;
    if (a_.hand) hand_working.emplace(c_, a_.hand->values, short_exact, kMaxTerms);
    if (a_.exact) exact_working.emplace(c_, a_.exact->values, short_exact, kMaxTerms);
    // The working evaluates subexpressions again, at the precision the pipelines ran at.
    with_precision(std::max(a_.hand ? a_.hand->digits10 : 0u, a_.exact ? a_.exact->digits10 : 0u), [&] {
      add_reads_and_how(v, hand_working, exact_working);
    });
  }

  void add_reads_and_how(ItemView& v, std::optional<CellWorking>& hand_working,
                         std::optional<CellWorking>& exact_working) {
    const Item& item = *v.item;
    for (std::size_t r = 0; r < v.shape.rows; ++r)
      for (std::size_t col = 0; col < v.shape.cols; ++col) {
        CellView& cell = v.cells(r, col);
        std::set<CellRef> reads;
        for (const Expression* e : {&*item.hand, &*item.exact}) {
          auto some = walked_shape(c_, shapes_, *e->ast) == v.shape
                          ? cell_reads(c_, shapes_, *e->ast, r, col, kMaxReads)
                          : std::nullopt;
          if (!some) {
            cell.reads_all = true;
            break;
          }
          reads.insert(some->begin(), some->end());
        }
        if (reads.size() > kMaxReads) cell.reads_all = true;
        if (!cell.reads_all) cell.reads.assign(reads.begin(), reads.end());
        cell.how_hand = how(v, r, col, true, hand_working);
        cell.how_exact = how(v, r, col, false, exact_working);
      }
  }

  // Lines that say how one cell is computed in one pipeline, from that pipeline's values.
  std::string how(const ItemView& v, std::size_t r, std::size_t col, bool in_hand,
                  std::optional<CellWorking>& working) const {
    const Expression& expr = in_hand ? *v.item->hand : *v.item->exact;
    const CellView& cell = v.cells(r, col);
    const std::string& result = in_hand ? cell.hand : cell.exact_short;
    std::string out = fmt::format("{} = {}", cell_name(v, r, col), to_string(*expr.ast));
    if (result.empty() || !working)
      return out + (in_hand ? "\nnot computed: the hand pipeline stops before this step"
                            : "\nnot computed: the exact pipeline stops before this step");
    try {
      for (const std::string& line : working->lines(*expr.ast, r, col)) out += "\n  " + line;
    } catch (const EvalError&) {
    } catch (const Undecided&) {
    } catch (const DomainError&) {
    }
    return out + "\n  = " + result;
  }

  // Significant digits of a step's exact values: --digits, else the decimals the worksheet
  // prints there plus 2 on its largest value, at least 6, within what was certified.
  int display_digits(std::size_t i) const {
    const Item& item = c_.items[i];
    if (options_.digits > 0) return std::min(options_.digits, item.digits);
    int sig = 6, d = printed_decimals(item);
    const auto* e = exact(i);
    if (d >= 0 && e) {
      long top = -1;  // decimal exponent of the largest value, at least that of 1
      for (const Real& x : e->cells()) {
        if (x.is_infinite()) continue;  // written "inf", whatever the digits
        Rational big = x.is_exact() ? abs(x.exact()) : std::max(abs(x.lower()), abs(x.upper()));
        if (big != 0) top = std::max(top, decimal_exponent(big));
      }
      sig = static_cast<int>(std::min<long>(std::max<long>(top + 1 + d + 2, 6), item.digits));
    }
    return std::min(sig, item.digits);
  }

  const CaseAudit& a_;
  const Case& c_;
  KeyOptions options_;
  std::vector<Shape> shapes_;
};


}  // namespace

namespace {

// Digits of the exact rationals of one run's values.
std::size_t exact_digits_of(const Run& run) {
  std::size_t digits = 0;
  for (const auto& m : run.values)
    if (m)
      for (const Real& x : m->cells())
        if (x.is_exact()) digits += fraction_digits(x.exact());
  return digits;
}

// Refused before a key is made whose exact values alone would pass the limit.
void check_key_digits(const CaseAudit& a, std::size_t max_digits) {
  std::size_t digits = (a.hand ? exact_digits_of(*a.hand) : 0) + (a.exact ? exact_digits_of(*a.exact) : 0);
  if (digits > max_digits)
    throw Error(ErrorId::limit_output, SourceLoc{a.file, 0, 0},
                fmt::format("the key would write more than {} digits of exact values, over the limit of {} (raise it "
                            "with --max-key-digits; check reports the case without them)",
                            digits, max_digits));
}

}  // namespace

KeyView build_key_view(const CaseAudit& a, const KeyOptions& options) {
  if (a.status == CaseAudit::Status::error || !a.kase) {
    if (a.error) throw *a.error;
    throw Error(ErrorId::internal_unreachable, SourceLoc{a.file, 0, 0}, "the case was not evaluated");
  }
  check_key_digits(a, options.max_digits);
  return Builder(a, options).build();
}

void append_value(std::string& out, const Real& x, int digits) {
  if (!x.is_exact()) {
    out += exact_digits(x, digits);
    return;
  }
  // describe's "p/q" of a rational, without a string per cell: a point enclosure is not exact.
  mpq_srcptr q = x.exact().backend().data();
  append_integer(out, mpq_numref(q));
  if (mpz_cmp_ui(mpq_denref(q), 1) == 0) return;
  out += '/';
  append_integer(out, mpq_denref(q));
}

namespace {

// Integers of fewer limbs are converted as they are written: looking them up costs as much.
constexpr std::size_t kSharedLimbs = 4;
// Below this much work (limbs to convert, enclosures counted as kEnclosureWork) a step is
// converted on the calling thread: starting threads would cost more.
constexpr std::size_t kEnclosureWork = 64;
constexpr std::size_t kThreadedWork = std::size_t{1} << 15;

// Equal integers, found by their limbs and sign.
struct SameInteger {
  bool operator()(mpz_srcptr a, mpz_srcptr b) const { return mpz_cmp(a, b) == 0; }
};
struct IntegerHash {
  std::size_t operator()(mpz_srcptr z) const {
    std::string_view limbs(reinterpret_cast<const char*>(mpz_limbs_read(z)), mpz_size(z) * sizeof(mp_limb_t));
    return std::hash<std::string_view>{}(limbs) ^ static_cast<std::size_t>(mpz_sgn(z) < 0);
  }
};

}  // namespace

StepTexts::StepTexts(const Matrix<Real>& values, int digits, unsigned threads)
    : values_(values), cells_(values.shape()) {
  std::unordered_map<mpz_srcptr, std::uint32_t, IntegerHash, SameInteger> shared;
  std::vector<mpz_srcptr> integers;     // texts_[i] for i < integers.size()
  std::vector<const Real*> enclosures;  // then these
  std::size_t work = 0;
  auto part = [&](mpz_srcptr z) {
    if (mpz_size(z) < kSharedLimbs) return kInline;
    auto [it, added] = shared.try_emplace(z, static_cast<std::uint32_t>(integers.size()));
    if (added) {
      integers.push_back(z);
      work += mpz_size(z);
    }
    return it->second;
  };
  for (std::size_t r = 0; r < values.rows(); ++r)
    for (std::size_t c = 0; c < values.cols(); ++c) {
      const Real& x = values(r, c);
      Cell& cell = cells_(r, c);
      if (!x.is_exact()) {
        enclosures.push_back(&x);
        work += kEnclosureWork;
        continue;
      }
      mpq_srcptr q = x.exact().backend().data();
      cell.numerator = part(mpq_numref(q));
      if (mpz_cmp_ui(mpq_denref(q), 1) != 0) cell.denominator = part(mpq_denref(q));
    }
  const std::size_t first_enclosure = integers.size();
  for (std::size_t r = 0, k = first_enclosure; r < values.rows(); ++r)
    for (std::size_t c = 0; c < values.cols(); ++c)
      if (!values(r, c).is_exact()) cells_(r, c).text = static_cast<std::uint32_t>(k++);
  texts_.resize(integers.size() + enclosures.size());
  parallel_for(texts_.size(), [&](std::size_t i) {
    if (i < first_enclosure) append_integer(texts_[i], integers[i]);
    else texts_[i] = exact_digits(*enclosures[i - first_enclosure], digits);
  }, work >= kThreadedWork ? threads : 1);
}

bool StepTexts::append(std::string& out, std::size_t row, std::size_t col) const {
  const Cell& cell = cells_(row, col);
  if (cell.text != kInline) {
    out += texts_[cell.text];
    return true;
  }
  mpq_srcptr q = values_(row, col).exact().backend().data();
  if (cell.numerator != kInline) out += texts_[cell.numerator];
  else append_integer(out, mpq_numref(q));
  if (mpz_cmp_ui(mpq_denref(q), 1) == 0) return false;
  out += '/';
  if (cell.denominator != kInline) out += texts_[cell.denominator];
  else append_integer(out, mpq_denref(q));
  return false;
}

std::string cell_name(const ItemView& v, std::size_t row, std::size_t col) {
  if (v.shape.rows == 1 && v.shape.cols == 1) return v.name;
  if (v.shape.rows == 1) return fmt::format("{}[{}]", v.name, col + 1);
  if (v.shape.cols == 1) return fmt::format("{}[{}]", v.name, row + 1);
  return fmt::format("{}[{},{}]", v.name, row + 1, col + 1);
}

std::string col_header(const ItemView& v, std::size_t i) {
  return i < v.col_labels.size() && !v.col_labels[i].empty() ? v.col_labels[i] : std::to_string(i + 1);
}

std::string row_header(const ItemView& v, std::size_t i) {
  return i < v.row_labels.size() && !v.row_labels[i].empty() ? v.row_labels[i] : std::to_string(i + 1);
}


}  // namespace handcheck::keys
