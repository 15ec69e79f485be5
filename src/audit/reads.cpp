#include "handcheck/audit/reads.hpp"

#include <set>
#include <tuple>

#include "handcheck/ops/registry.hpp"

namespace handcheck {

namespace {

// An expression the walk below cannot follow cell by cell.
struct Opaque {};

// Which operand cells each cell of a step reads, from the shape of its expression alone.
class ReadsWalker {
 public:
  ReadsWalker(const Case& c, const std::vector<Shape>& shapes, std::size_t max_reads)
      : c_(c), shapes_(shapes), max_reads_(max_reads) {}

  Shape shape(const Expr& e) const {
    switch (e.kind) {
      case Expr::Kind::number: return {1, 1};
      case Expr::Kind::name: return name_shape(e.name);
      case Expr::Kind::negate: return shape(*e.args[0]);
      case Expr::Kind::transpose: {
        Shape s = shape(*e.args[0]);
        return {s.cols, s.rows};
      }
      case Expr::Kind::binary: {
        Shape a = shape(*e.args[0]), b = shape(*e.args[1]);
        if (e.op == '@') return {a.rows, b.cols};
        return broadcast(a, b);
      }
      case Expr::Kind::call: {
        if (auto s = picked_shape(e)) return *s;
        Reads f = reads_of(e);
        Shape s = shape(*e.args[0]);
        if (f == Reads::cell) {
          for (std::size_t i = 1; i < e.args.size(); ++i) s = broadcast(s, shape(*e.args[i]));
          return s;
        }
        if (f == Reads::column_fold) return Shape{1, s.cols};
        if (f == Reads::row_fold) return Shape{s.rows, 1};
        return s;
      }
    }
    throw Opaque{};
  }

  void reads(const Expr& e, std::size_t r, std::size_t c, std::set<CellRef>& out) const {
    if (out.size() > max_reads_) throw Opaque{};
    // A cell of a subexpression is walked once: its reads are in `out` after the first visit.
    // Walked again on every path to it, nested softmaxes or a chain of products took time
    // exponential in their depth (26 softmax_cols over a 2 x 2 input: minutes).
    if (!visited_.insert({&e, r, c}).second) return;
    if (visited_.size() > 64 * max_reads_ + 4096) throw Opaque{};
    switch (e.kind) {
      case Expr::Kind::number: return;
      case Expr::Kind::name: {
        Shape s = name_shape(e.name);
        if (r >= s.rows || c >= s.cols) throw Opaque{};
        out.insert({static_cast<std::size_t>(c_.find(e.name)), r, c});
        return;
      }
      case Expr::Kind::negate: reads(*e.args[0], r, c, out); return;
      case Expr::Kind::transpose: reads(*e.args[0], c, r, out); return;
      case Expr::Kind::binary:
        if (e.op == '@') {
          std::size_t n = shape(*e.args[0]).cols;
          for (std::size_t k = 0; k < n; ++k) {
            reads(*e.args[0], r, k, out);
            reads(*e.args[1], k, c, out);
          }
          return;
        }
        for (const auto& a : e.args) at_broadcast(*a, r, c, out);
        return;
      case Expr::Kind::call: {
        if (picked_reads(e, r, c, out)) return;
        Reads f = reads_of(e);
        if (f == Reads::cell) {
          for (const auto& a : e.args) at_broadcast(*a, r, c, out);
          return;
        }
        Shape s = shape(*e.args[0]);
        if (f == Reads::column || f == Reads::column_fold)
          for (std::size_t k = 0; k < s.rows; ++k) reads(*e.args[0], k, c, out);
        else
          for (std::size_t k = 0; k < s.cols; ++k) reads(*e.args[0], r, k, out);
        for (std::size_t i = 1; i < e.args.size(); ++i) at_broadcast(*e.args[i], r, c, out);
        return;
      }
    }
    throw Opaque{};
  }

 private:
  // A whole number of at least `least` written as a number in the expression (a repeat count,
  // a stride, a padding); any other argument makes the walk give up.
  static std::size_t count_arg(const Expr& e, std::size_t least) {
    if (e.kind != Expr::Kind::number || !is_integer(e.number.value) || e.number.value < Rational(least) ||
        e.number.value > Rational(kDefaultMaxCells))
      throw Opaque{};
    return floor_int(e.number.value).convert_to<std::size_t>();
  }
  // A 1-based index written as a number in the expression (col(M, 2)); 0-based here.
  static std::size_t index_arg(const Expr& e) { return count_arg(e, 1) - 1; }
  std::size_t count_arg_or(const Expr& e, std::size_t i, std::size_t least, std::size_t otherwise) const {
    return e.args.size() > i ? count_arg(*e.args[i], least) : otherwise;
  }

  // Functions that pick cells rather than compute them (concat_rows, concat_cols, col, row, block,
  // repeat_rows, repeat_cols, diag), outer, whose cell reads one entry of each vector, the
  // running sums, whose cell reads a prefix of its line, and the windows of convolution and
  // pooling. Size arguments must be numbers written in the expression.
  std::optional<Shape> picked_shape(const Expr& e) const {
    if (e.name == "concat_rows" || e.name == "concat_cols") {
      if (e.args.empty()) throw Opaque{};
      Shape s = shape(*e.args[0]);
      for (std::size_t i = 1; i < e.args.size(); ++i) {
        Shape t = shape(*e.args[i]);
        if (e.name == "concat_rows") s.rows += t.rows;
        else s.cols += t.cols;
      }
      return s;
    }
    if (e.name == "outer" && e.args.size() == 2) return Shape{vector_length(*e.args[0]), vector_length(*e.args[1])};
    if (e.name == "col" && e.args.size() == 2) return Shape{shape(*e.args[0]).rows, 1};
    if (e.name == "row" && e.args.size() == 2) return Shape{1, shape(*e.args[0]).cols};
    if (e.name == "block" && e.args.size() == 5) {
      std::size_t r1 = index_arg(*e.args[1]), r2 = index_arg(*e.args[2]);
      std::size_t c1 = index_arg(*e.args[3]), c2 = index_arg(*e.args[4]);
      if (r2 < r1 || c2 < c1) throw Opaque{};
      return Shape{r2 - r1 + 1, c2 - c1 + 1};
    }
    if ((e.name == "repeat_rows" || e.name == "repeat_cols") && e.args.size() == 2) {
      Shape s = shape(*e.args[0]);
      std::size_t k = count_arg(*e.args[1], 1);
      return e.name == "repeat_rows" ? Shape{s.rows * k, s.cols} : Shape{s.rows, s.cols * k};
    }
    if (e.name == "diag" && e.args.size() == 1) {
      Shape s = shape(*e.args[0]);
      if (s.rows == 1 || s.cols == 1) return Shape{vector_length(*e.args[0]), vector_length(*e.args[0])};
      return Shape{std::min(s.rows, s.cols), 1};
    }
    if (auto w = window_of(e)) return w->result;
    return std::nullopt;
  }

  // The windows of conv1d, conv2d, maxpool and avgpool, as the functions slide them (see
  // ops/registry_nn.cpp): over the input padded by `pad` zeros, `stride` apart.
  struct Windows {
    Shape input, result;
    std::size_t kh, kw, sr, sc, pad_r, pad_c;
    bool kernel;  // conv: every cell also reads the whole kernel, the second argument
  };
  std::optional<Windows> window_of(const Expr& e) const {
    bool conv = e.name == "conv1d" || e.name == "conv2d", pool = e.name == "maxpool" || e.name == "avgpool";
    if (!(conv || pool) || e.args.size() < 2 || e.args.size() > (conv ? 4u : 3u)) return std::nullopt;
    Windows w{shape(*e.args[0]), {}, 0, 0, 1, 1, 0, 0, conv};
    if (conv) {
      Shape k = shape(*e.args[1]);
      std::size_t stride = count_arg_or(e, 2, 1, 1), pad = count_arg_or(e, 3, 0, 0);
      if (e.name == "conv1d") {
        if (w.input.rows != 1) throw Opaque{};
        w = Windows{w.input, {}, 1, vector_length(*e.args[1]), 1, stride, 0, pad, true};
      } else {
        w = Windows{w.input, {}, k.rows, k.cols, stride, stride, pad, pad, true};
      }
    } else {
      std::size_t size = count_arg(*e.args[1], 1), stride = count_arg_or(e, 2, 1, size);
      bool row = w.input.rows == 1;
      w = Windows{w.input, {}, row ? 1 : size, size, row ? 1 : stride, stride, 0, 0, false};
    }
    std::size_t rows = w.input.rows + 2 * w.pad_r, cols = w.input.cols + 2 * w.pad_c;
    if (w.kh == 0 || w.kw == 0 || w.kh > rows || w.kw > cols) throw Opaque{};
    w.result = Shape{(rows - w.kh) / w.sr + 1, (cols - w.kw) / w.sc + 1};
    return w;
  }
  // Cell (r, c) of a window function: the input cells of its window (padding reads nothing)
  // and, for a convolution, every cell of the kernel.
  void window_reads(const Expr& e, const Windows& w, std::size_t r, std::size_t c, std::set<CellRef>& out) const {
    if (r >= w.result.rows || c >= w.result.cols) throw Opaque{};
    for (std::size_t i = 0; i < w.kh; ++i)
      for (std::size_t j = 0; j < w.kw; ++j) {
        std::size_t pr = r * w.sr + i, pc = c * w.sc + j;  // in the padded input
        if (pr >= w.pad_r && pr - w.pad_r < w.input.rows && pc >= w.pad_c && pc - w.pad_c < w.input.cols)
          reads(*e.args[0], pr - w.pad_r, pc - w.pad_c, out);
      }
    if (!w.kernel) return;
    Shape k = shape(*e.args[1]);
    for (std::size_t i = 0; i < k.rows; ++i)
      for (std::size_t j = 0; j < k.cols; ++j) reads(*e.args[1], i, j, out);
  }

  bool picked_reads(const Expr& e, std::size_t r, std::size_t c, std::set<CellRef>& out) const {
    if (e.name == "concat_rows" || e.name == "concat_cols") {
      bool by_rows = e.name == "concat_rows";
      std::size_t at = by_rows ? r : c;
      for (const auto& a : e.args) {
        Shape s = shape(*a);
        std::size_t n = by_rows ? s.rows : s.cols;
        if (at < n) {
          reads(*a, by_rows ? at : r, by_rows ? c : at, out);
          return true;
        }
        at -= n;
      }
      throw Opaque{};
    }
    if (e.name == "outer" && e.args.size() == 2) {  // a_r b_c, each a row or a column
      entry(*e.args[0], r, out);
      entry(*e.args[1], c, out);
      return true;
    }
    if (e.name == "col" && e.args.size() == 2) {
      reads(*e.args[0], r, index_arg(*e.args[1]), out);
      return true;
    }
    if (e.name == "row" && e.args.size() == 2) {
      reads(*e.args[0], index_arg(*e.args[1]), c, out);
      return true;
    }
    if (e.name == "block" && e.args.size() == 5) {
      reads(*e.args[0], index_arg(*e.args[1]) + r, index_arg(*e.args[3]) + c, out);
      return true;
    }
    if ((e.name == "repeat_rows" || e.name == "repeat_cols") && e.args.size() == 2) {
      Shape s = shape(*e.args[0]), t = shape(e);
      if (r >= t.rows || c >= t.cols) throw Opaque{};
      reads(*e.args[0], r % s.rows, c % s.cols, out);
      return true;
    }
    if (e.name == "diag" && e.args.size() == 1) {
      Shape s = shape(*e.args[0]), t = shape(e);
      if (r >= t.rows || c >= t.cols) throw Opaque{};
      if (s.rows == 1 || s.cols == 1) {
        if (r == c) entry(*e.args[0], r, out);  // off the diagonal: a zero, reading nothing
      } else {
        reads(*e.args[0], r, r, out);
      }
      return true;
    }
    if ((e.name == "cumsum_rows" || e.name == "cumsum_cols") && e.args.size() == 1) {  // a prefix of its line
      bool along_rows = e.name == "cumsum_rows";
      for (std::size_t k = 0; k <= (along_rows ? c : r); ++k) reads(*e.args[0], along_rows ? r : k, along_rows ? k : c, out);
      return true;
    }
    if (auto w = window_of(e)) {
      window_reads(e, *w, r, c, out);
      return true;
    }
    return false;
  }

  // A vector's length and its k-th entry, read along a row or down a column.
  std::size_t vector_length(const Expr& e) const {
    Shape s = shape(e);
    if (s.rows != 1 && s.cols != 1) throw Opaque{};
    return s.cols == 1 ? s.rows : s.cols;
  }
  void entry(const Expr& e, std::size_t k, std::set<CellRef>& out) const {
    if (k >= vector_length(e)) throw Opaque{};
    bool column = shape(e).cols == 1;
    reads(e, column ? k : 0, column ? 0 : k, out);
  }

  Shape name_shape(const std::string& name) const {
    long i = c_.find(name);
    if (i < 0 || shapes_[static_cast<std::size_t>(i)].cells() == 0) throw Opaque{};
    return shapes_[static_cast<std::size_t>(i)];
  }
  static Shape broadcast(Shape a, Shape b) {
    try {
      return broadcast_shape(a, b);
    } catch (const DomainError&) {
      throw Opaque{};
    }
  }
  // Cell (r, c) of a broadcast result, in an operand: a row or column of one repeats.
  void at_broadcast(const Expr& e, std::size_t r, std::size_t c, std::set<CellRef>& out) const {
    Shape s = shape(e);
    reads(e, s.rows == 1 ? 0 : r, s.cols == 1 ? 0 : c, out);
  }

  // The row of a function that the walk can follow: one that reads cells, lines or picks.
  static Reads reads_of(const Expr& e) {
    const OpSpec* op = find_op(e.name);
    if (!op || e.args.empty() || op->reads == Reads::all || op->reads == Reads::picked) throw Opaque{};
    return op->reads;
  }

  const Case& c_;
  const std::vector<Shape>& shapes_;
  std::size_t max_reads_;
  mutable std::set<std::tuple<const Expr*, std::size_t, std::size_t>> visited_;
};

}  // namespace

std::optional<std::set<CellRef>> cell_reads(const Case& c, const std::vector<Shape>& shapes, const Expr& e,
                                            std::size_t r, std::size_t col, std::size_t max_reads) {
  ReadsWalker walker(c, shapes, max_reads);
  std::set<CellRef> out;
  try {
    walker.reads(e, r, col, out);
  } catch (const Opaque&) {
    return std::nullopt;
  }
  if (out.size() > max_reads) return std::nullopt;
  return out;
}

std::optional<Shape> walked_shape(const Case& c, const std::vector<Shape>& shapes, const Expr& e) {
  try {
    return ReadsWalker(c, shapes, 0).shape(e);
  } catch (const Opaque&) {
    return std::nullopt;
  }
}

}  // namespace handcheck
