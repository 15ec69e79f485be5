#include "handcheck/audit/reads.hpp"

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
  // A 1-based index written as a number in the expression (col(M, 2)); 0-based here.
  static std::size_t index_arg(const Expr& e) {
    if (e.kind != Expr::Kind::number || !is_integer(e.number.value) || e.number.value < 1 ||
        e.number.value > Rational(kDefaultMaxCells))
      throw Opaque{};
    return floor_int(e.number.value).convert_to<std::size_t>() - 1;
  }

  // Functions that pick cells rather than compute them (concat_rows, concat_cols, col, row, block),
  // and outer, whose cell reads one entry of each vector.
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
    return std::nullopt;
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
