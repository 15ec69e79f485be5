#include "working.hpp"

#include <fmt/format.h>

#include "handcheck/audit/reads.hpp"
#include "handcheck/eval/expression_eval.hpp"
#include "handcheck/ops/registry.hpp"

namespace handcheck {

namespace {

// More cells than this read by one cell are named by their items only.
constexpr std::size_t kMaxReads = 4096;
// Cells listed with their values before "… n more".
constexpr std::size_t kListedReads = 12;

// The cell of e that cell (r, c) of a result reads, as written: X[1,2], K[2,1] for K^T[1,2], a
// number as printed, else the subexpression in parentheses.
std::string name_of(const Expr& e, std::size_t r, std::size_t c) {
  if (e.kind == Expr::Kind::name) return fmt::format("{}[{},{}]", e.name, r + 1, c + 1);
  if (e.kind == Expr::Kind::transpose && e.args[0]->kind == Expr::Kind::name)
    return fmt::format("{}[{},{}]", e.args[0]->name, c + 1, r + 1);
  if (e.kind == Expr::Kind::number) return e.number.text;
  return fmt::format("({})[{},{}]", to_string(e), r + 1, c + 1);
}

// Broadcast index of a cell into an operand.
std::size_t at(std::size_t i, std::size_t n) { return n == 1 ? 0 : i; }

bool is_sum(const Expr& e) {
  return e.kind == Expr::Kind::call && e.args.size() == 1 && (e.name == "colsum" || e.name == "rowsum" || e.name == "sum");
}

// A function of one cell: its result's cell (r, c) reads its argument's cell (r, c) only.
bool is_cellwise(const Expr& e) {
  if (e.kind != Expr::Kind::call || e.args.size() != 1) return false;
  const OpSpec* op = find_op(e.name);
  return op && op->reads == Reads::cell;
}

}  // namespace

CellWorking::CellWorking(const Case& c, const std::vector<std::optional<Matrix<Real>>>& values, Show show,
                         std::size_t max_terms)
    : c_(c), values_(values), show_(std::move(show)), max_terms_(max_terms) {
  for (const auto& v : values_) shapes_.push_back(v ? v->shape() : Shape{});
}

const Matrix<Real>& CellWorking::value(const Expr& e) {
  auto it = memo_.find(&e);
  if (it != memo_.end()) return it->second;
  Lookup<Real> lookup = [this](const std::string& name) -> const Matrix<Real>& {
    long k = c_.find(name);
    if (k < 0 || static_cast<std::size_t>(k) >= values_.size() || !values_[static_cast<std::size_t>(k)])
      throw Undecided(fmt::format("{} has no value", name));
    return *values_[static_cast<std::size_t>(k)];
  };
  return memo_.emplace(&e, evaluate<Real>(e, lookup)).first->second;
}

std::vector<std::string> CellWorking::lines(const Expr& e, std::size_t r, std::size_t c) {
  if (e.kind == Expr::Kind::name || e.kind == Expr::Kind::number) return {};  // nothing to work out
  if (e.kind == Expr::Kind::binary && e.op == '@') return product_lines(e, r, c);
  if (is_sum(e)) return sum_lines(e, r, c);
  std::vector<std::string> out;
  if (e.kind == Expr::Kind::binary) {
    const Matrix<Real>& a = value(*e.args[0]);
    const Matrix<Real>& b = value(*e.args[1]);
    std::size_t ar = at(r, a.rows()), ac = at(c, a.cols()), br = at(r, b.rows()), bc = at(c, b.cols());
    out.push_back(fmt::format("{} {} {} = {} {} {}", name_of(*e.args[0], ar, ac), e.op, name_of(*e.args[1], br, bc),
                              show_(a(ar, ac)), e.op, show_(b(br, bc))));
  } else if (e.kind == Expr::Kind::call && e.name == "outer" && e.args.size() == 2) {
    // outer(a, b)[i,j] = a_i * b_j, each argument a vector of either orientation.
    auto entry = [&](const Expr& x, std::size_t k) {
      const Matrix<Real>& m = value(x);
      std::size_t i = m.cols() == 1 ? k : 0, j = m.cols() == 1 ? 0 : k;
      return std::pair{name_of(x, i, j), m(i, j)};
    };
    auto [an, av] = entry(*e.args[0], r);
    auto [bn, bv] = entry(*e.args[1], c);
    out.push_back(fmt::format("{}·{} = {}·{} = {}", an, bn, show_(av), show_(bv), show_(av * bv)));
  } else if (e.kind == Expr::Kind::negate) {
    // -f(x): the working of f(x), then its sign changed.
    out = lines(*e.args[0], r, c);
    const Matrix<Real>& m = value(*e.args[0]);
    const Real& x = m(at(r, m.rows()), at(c, m.cols()));
    out.push_back(fmt::format("-{} = -({}) = {}", cell_text(*e.args[0], r, c), show_(x), show_(-x)));
  } else if (is_cellwise(e)) {
    out.push_back(fmt::format("{}({}) = {}({})", e.name, name_of(*e.args[0], r, c), e.name, show_(value(*e.args[0])(r, c))));
  } else {
    out = reads_lines(e, r, c);
  }
  return out;
}

// Each product of row r of the left operand and column c of the right one, then their sum.
std::vector<std::string> CellWorking::product_lines(const Expr& e, std::size_t r, std::size_t c) {
  const Matrix<Real>& a = value(*e.args[0]);
  const Matrix<Real>& b = value(*e.args[1]);
  std::vector<std::string> out, values;
  if (a.cols() > max_terms_) {
    out.push_back(fmt::format("row {} of {} · column {} of {}: a sum of {} products", r + 1, to_string(*e.args[0]),
                              c + 1, to_string(*e.args[1]), a.cols()));
    return out;
  }
  for (std::size_t k = 0; k < a.cols(); ++k) {
    Real p = a(r, k) * b(k, c);
    out.push_back(fmt::format("{}·{} = {}·{} = {}", name_of(*e.args[0], r, k), name_of(*e.args[1], k, c),
                              show_(a(r, k)), show_(b(k, c)), show_(p)));
    values.push_back(show_(p));
  }
  out.push_back(fmt::format("sum = {}", fmt::join(values, " + ")));
  return out;
}

std::vector<std::string> CellWorking::sum_lines(const Expr& e, std::size_t r, std::size_t c) {
  const Matrix<Real>& m = value(*e.args[0]);
  std::vector<std::string> names, values;
  for (std::size_t i = 0; i < m.rows(); ++i)
    for (std::size_t j = 0; j < m.cols(); ++j)
      if ((e.name == "colsum" && j == c) || (e.name == "rowsum" && i == r) || e.name == "sum") {
        names.push_back(name_of(*e.args[0], i, j));
        values.push_back(show_(m(i, j)));
        if (names.size() > max_terms_)
          return {fmt::format("{}: a sum of {} cells", to_string(e), e.name == "colsum" ? m.rows()
                                                                     : e.name == "rowsum" ? m.cols()
                                                                                          : m.rows() * m.cols())};
      }
  return {fmt::format("{} = {}", fmt::join(names, " + "), fmt::join(values, " + "))};
}

// Any other expression: the cells it reads, with their values, or the items it reads where the
// walk cannot name the cells.
std::vector<std::string> CellWorking::reads_lines(const Expr& e, std::size_t r, std::size_t c) {
  auto reads = cell_reads(c_, shapes_, e, r, c, kMaxReads);
  if (!reads) {
    std::vector<std::string> names;
    for (const auto& n : referenced_names(e)) names.push_back(n);
    if (names.empty()) return {};
    return {fmt::format("reads {}", fmt::join(names, ", "))};  // cells it picks, or too many to list
  }
  if (reads->empty()) return {};
  std::vector<std::string> parts;
  for (const CellRef& ref : *reads) {
    if (parts.size() == kListedReads) {
      parts.push_back(fmt::format("… {} more", reads->size() - kListedReads));
      break;
    }
    const auto& v = values_[ref.item];
    parts.push_back(fmt::format("{}[{},{}] = {}", c_.items[ref.item].name, ref.row + 1, ref.col + 1,
                                v ? show_((*v)(ref.row, ref.col)) : "?"));
  }
  return {"reads " + fmt::format("{}", fmt::join(parts, ", "))};
}

// How a cell of a subexpression reads: X[1,2], log(P[1,2]) for a function of one cell.
std::string CellWorking::cell_text(const Expr& e, std::size_t r, std::size_t c) {
  if (is_cellwise(e)) return fmt::format("{}({})", e.name, cell_text(*e.args[0], r, c));
  return name_of(e, r, c);
}

}  // namespace handcheck
