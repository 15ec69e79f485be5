#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include "handcheck/audit/reads.hpp"
#include "test_support.hpp"

using namespace handcheck;

namespace {

// A (2x3, item 0), B (3x2, item 1), v (1x3, item 2), s (1x1, item 3).
struct Fixture {
  Case c;
  std::vector<Shape> shapes{{2, 3}, {3, 2}, {1, 3}, {1, 1}};
  Fixture() {
    for (const char* n : {"A", "B", "v", "s"}) c.items.emplace_back().name = n;
  }
  std::optional<std::set<CellRef>> reads(const std::string& expr, std::size_t r, std::size_t col,
                                         std::size_t max_reads = 1000) const {
    return cell_reads(c, shapes, *parse_expression(expr), r, col, max_reads);
  }
  std::optional<Shape> shape(const std::string& expr) const { return walked_shape(c, shapes, *parse_expression(expr)); }
};

using Cells = std::set<CellRef>;
constexpr std::size_t A = 0, B = 1, v = 2, s = 3;

}  // namespace

BOOST_FIXTURE_TEST_SUITE(audit_reads, Fixture)

BOOST_AUTO_TEST_CASE(a_product_reads_a_row_and_a_column) {
  auto r = reads("A @ B", 1, 0);
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST((*r == Cells{{A, 1, 0}, {A, 1, 1}, {A, 1, 2}, {B, 0, 0}, {B, 1, 0}, {B, 2, 0}}));
  // Over the limit: every cell of the operands instead.
  BOOST_TEST(reads("A @ B", 1, 0, 6).has_value());
  BOOST_TEST(!reads("A @ B", 1, 0, 5).has_value());
  BOOST_TEST(!reads("A @ B", 1, 0, 0).has_value());
}

BOOST_AUTO_TEST_CASE(cellwise_operations_read_one_cell_of_each_operand) {
  BOOST_TEST((*reads("A + v", 1, 2) == Cells{{A, 1, 2}, {v, 0, 2}}));
  BOOST_TEST((*reads("-A * 2", 0, 1) == Cells{{A, 0, 1}}));
  BOOST_TEST((*reads("A^T", 2, 1) == Cells{{A, 1, 2}}));
  BOOST_TEST((*reads("sqrt(A / s)", 1, 1) == Cells{{A, 1, 1}, {s, 0, 0}}));
  BOOST_TEST((*reads("(B^T + v) * s", 0, 2) == Cells{{B, 2, 0}, {v, 0, 2}, {s, 0, 0}}));
  BOOST_TEST(reads("3", 0, 0)->empty());
}

BOOST_AUTO_TEST_CASE(lines_and_folds) {
  BOOST_TEST((*reads("softmax_cols(A)", 1, 2) == Cells{{A, 0, 2}, {A, 1, 2}}));
  BOOST_TEST((*reads("colsum(A)", 0, 1) == Cells{{A, 0, 1}, {A, 1, 1}}));
  BOOST_TEST((*reads("rowsum(A)", 1, 0) == Cells{{A, 1, 0}, {A, 1, 1}, {A, 1, 2}}));
  BOOST_TEST((*reads("argmax_rows(B)", 2, 0) == Cells{{B, 2, 0}, {B, 2, 1}}));
}

BOOST_AUTO_TEST_CASE(picked_cells) {
  BOOST_TEST((*reads("col(A, 2)", 1, 0) == Cells{{A, 1, 1}}));
  BOOST_TEST((*reads("row(A, 1)", 0, 2) == Cells{{A, 0, 2}}));
  BOOST_TEST((*reads("block(A, 1, 2, 2, 3)", 1, 1) == Cells{{A, 1, 2}}));
  BOOST_TEST((*reads("concat_rows(A, v)", 2, 1) == Cells{{v, 0, 1}}));
  BOOST_TEST((*reads("concat_rows(A, v)", 1, 1) == Cells{{A, 1, 1}}));
  BOOST_TEST((*reads("concat_cols(B, B)", 2, 3) == Cells{{B, 2, 1}}));
  // outer(a, b)[r, c] = a_r b_c, each a row or a column (an erratum of b is not one of every cell).
  BOOST_TEST((*reads("outer(v, col(B, 2))", 2, 1) == Cells{{v, 0, 2}, {B, 1, 1}}));
  BOOST_TEST((*reads("outer(col(A, 1), v)", 1, 0) == Cells{{A, 1, 0}, {v, 0, 0}}));
  BOOST_TEST((*shape("outer(v, col(A, 1))") == Shape{3, 2}));
  BOOST_TEST(!reads("outer(A, v)", 0, 0).has_value());  // not a vector
  BOOST_TEST(!reads("col(A, 0)", 0, 0).has_value());  // 1-based: no column 0
  BOOST_TEST(!reads("col(A, s)", 0, 0).has_value());  // an index that is not a number
}

BOOST_AUTO_TEST_CASE(what_the_walk_cannot_follow) {
  BOOST_TEST(!reads("conv2d(A, B, s)", 0, 0).has_value());  // a stride that is not a number
  BOOST_TEST(!reads("repeat_rows(A, s)", 0, 0).has_value());
  BOOST_TEST(!reads("unknown(A)", 0, 0).has_value());
  BOOST_TEST(!reads("A + W", 0, 0).has_value());  // a name not in the case
  BOOST_TEST(!reads("A", 2, 0).has_value());      // beyond the item
}

BOOST_AUTO_TEST_CASE(walked_shapes) {
  BOOST_TEST((*shape("A @ B") == Shape{2, 2}));
  BOOST_TEST((*shape("A^T") == Shape{3, 2}));
  BOOST_TEST((*shape("A + v") == Shape{2, 3}));
  BOOST_TEST((*shape("colmean(A)") == Shape{1, 3}));
  BOOST_TEST((*shape("rowsum(A)") == Shape{2, 1}));
  BOOST_TEST((*shape("block(A, 1, 2, 2, 3)") == Shape{2, 2}));
  BOOST_TEST((*shape("concat_cols(A, v^T)") == Shape{2, 4}));
  BOOST_TEST((*shape("col(B, 1)") == Shape{3, 1}));
  BOOST_TEST((*shape("2") == Shape{1, 1}));
  BOOST_TEST(!shape("A + B").has_value());
  BOOST_TEST(!shape("block(A, 2, 1, 1, 1)").has_value());
  BOOST_TEST(!shape("W").has_value());
}

BOOST_AUTO_TEST_SUITE_END()

// Every cell that changes when one operand cell changes is among the cells the walk says it
// reads (a cell read too few would be put back to its correct value in L: a false ok), and
// windows, copies and prefixes read no more than they use (an erratum outside a window made
// its cells carried). Operand values all distinct and non-zero; a change adds 100, so that a
// maximum always sees it.
BOOST_AUTO_TEST_CASE(reads_are_exactly_the_cells_a_result_depends_on) {
  const std::map<std::string, Shape> shapes{{"X", {4, 5}}, {"r", {1, 6}}, {"k", {1, 2}}, {"K", {2, 2}}, {"c", {3, 1}}};
  Case c;
  std::vector<Shape> shape_list;
  std::map<std::string, Matrix<Rational>> env;
  int next = 1;
  for (const auto& [name, shape] : shapes) {
    c.items.emplace_back().name = name;
    shape_list.push_back(shape);
    Matrix<Rational> m(shape.rows, shape.cols);
    for (std::size_t i = 0; i < shape.rows; ++i)
      for (std::size_t j = 0; j < shape.cols; ++j, ++next) m(i, j) = Rational(next % 2 ? next : -next, 3);
    env.emplace(name, m);
  }
  // Padded: a kernel cell over the padding multiplies a zero, and is read all the same.
  const std::set<std::string> padded{"conv1d(r, k^T, 2, 1)", "conv2d(X, K, 2, 1)", "conv2d(X + 1, K * 2, 1, 1) + 1"};
  for (const std::string expr :
       {"conv1d(r, k)", "conv1d(r, k, 2)", "conv1d(r, k^T, 2, 1)", "conv2d(X, K)", "conv2d(X, K, 2, 1)",
        "maxpool(X, 2)", "maxpool(X, 2, 1)", "avgpool(X, 3, 1)", "maxpool(r, 2)", "avgpool(r, 3, 2)",
        "repeat_rows(X, 2)", "repeat_cols(r, 3)", "diag(r)", "diag(c)", "diag(X)", "cumsum_rows(X)",
        "cumsum_cols(X)", "conv2d(X + 1, K * 2, 1, 1) + 1"}) {
    BOOST_TEST_CONTEXT(expr) {
      Matrix<Rational> base = test::eval_rational(expr, env);
      BOOST_REQUIRE(*walked_shape(c, shape_list, *parse_expression(expr)) == base.shape());
      for (std::size_t i = 0; i < base.rows(); ++i)
        for (std::size_t j = 0; j < base.cols(); ++j) {
          auto walked = cell_reads(c, shape_list, *parse_expression(expr), i, j, 1000);
          BOOST_REQUIRE(walked.has_value());
          Cells depends;
          std::size_t item = 0;
          for (const auto& [name, shape] : shapes) {
            for (std::size_t a = 0; a < shape.rows; ++a)
              for (std::size_t b = 0; b < shape.cols; ++b) {
                auto changed = env;
                changed.at(name)(a, b) += 100;
                if (test::eval_rational(expr, changed)(i, j) != base(i, j)) depends.insert({item, a, b});
              }
            ++item;
          }
          for (const CellRef& d : depends) BOOST_TEST(walked->count(d) == 1u, "reads too few at " << i << "," << j);
          std::string shown;
          for (const CellRef& w : *walked) shown += fmt::format(" {}:{},{}{}", w.item, w.row, w.col, depends.count(w) ? "" : "!");
          if (!padded.count(expr))
            BOOST_TEST(walked->size() == depends.size(), "reads too many at " << i << "," << j << ":" << shown);
        }
    }
  }
}
