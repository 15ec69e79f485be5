#include <boost/test/unit_test.hpp>

#include "handcheck/eval/expression_eval.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::q;

namespace {

Matrix<Rational> rows(const std::vector<std::vector<std::string>>& cells) {
  Matrix<Rational> m(cells.size(), cells.empty() ? 0 : cells[0].size());
  for (std::size_t r = 0; r < cells.size(); ++r)
    for (std::size_t c = 0; c < cells[r].size(); ++c) m(r, c) = q(cells[r][c]);
  return m;
}

const std::map<std::string, Matrix<Rational>>& env() {
  static const std::map<std::string, Matrix<Rational>> e{
      {"A", rows({{"1", "2"}, {"3", "4"}})}, {"b", rows({{"5"}, {"6"}})}, {"z", rows({{"1", "0"}})}};
  return e;
}

bool same(const Matrix<Rational>& a, const Matrix<Rational>& b) { return a.shape() == b.shape() && a.cells() == b.cells(); }

Matrix<Real> eval_real(const std::string& expr, const EvalLimits& limits = {}) {
  std::map<std::string, Matrix<Real>> values;
  for (const auto& [name, m] : env()) values[name] = test::reals(m);
  Lookup<Real> lookup = [&](const std::string& n) -> const Matrix<Real>& { return values.at(n); };
  return evaluate<Real>(*parse_expression(expr), lookup, limits);
}

EvalError eval_error(const std::string& expr, const EvalLimits& limits = {}) {
  try {
    eval_real(expr, limits);
  } catch (const EvalError& e) {
    return e;
  }
  BOOST_FAIL("no EvalError for " + expr);
  throw std::logic_error("unreachable");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(eval_expression)

BOOST_AUTO_TEST_CASE(operators_on_exact_matrices) {
  BOOST_TEST(same(test::eval_rational("A @ b", env()), rows({{"17"}, {"39"}})));
  BOOST_TEST(same(test::eval_rational("b^T @ A", env()), rows({{"23", "34"}})));
  BOOST_TEST(same(test::eval_rational("A^T", env()), rows({{"1", "3"}, {"2", "4"}})));
  BOOST_TEST(same(test::eval_rational("-A + 1/2", env()), rows({{"-1/2", "-3/2"}, {"-5/2", "-7/2"}})));
  BOOST_TEST(same(test::eval_rational("(A - 1) * 3/4", env()), rows({{"0", "3/4"}, {"3/2", "9/4"}})));
  BOOST_TEST(same(test::eval_rational("A / b", env()), rows({{"1/5", "2/5"}, {"1/2", "2/3"}})));
  BOOST_TEST(same(test::eval_rational("A ^ 2", env()), rows({{"1", "4"}, {"9", "16"}})));
  BOOST_TEST(same(test::eval_rational("2 ^ -3", env()), rows({{"1/8"}})));
  BOOST_TEST(same(test::eval_rational("0.3 * 10 / 3", env()), rows({{"1"}})));
  BOOST_TEST(same(test::eval_rational("colsum(A) / rowsum(z)", env()), rows({{"4", "6"}})));
}

BOOST_AUTO_TEST_CASE(an_irrational_value_is_a_certified_enclosure) {
  WorkingPrecision precision(30);
  Matrix<Real> m = eval_real("sqrt(2) * A");
  BOOST_REQUIRE(!m(0, 0).is_exact());
  // sqrt(2) = 1.41421356237309504880168872420969807856967187537694...
  BOOST_TEST(m(0, 0).lower() <= q("1.4142135623730950488016887242096"));
  BOOST_TEST(m(0, 0).upper() >= q("1.4142135623730950488016887242097"));
  BOOST_TEST(m(0, 0).upper() - m(0, 0).lower() < q("1e-25"));
  BOOST_TEST(m(1, 1).lower() <= q("5.6568542494923801952067548968387"));
  BOOST_TEST(m(1, 1).upper() >= q("5.6568542494923801952067548968388"));
  // Exact where the operation is: sqrt(4) = 2.
  BOOST_TEST(eval_real("sqrt(A * A)")(1, 0).is_exact());
  BOOST_TEST(eval_real("sqrt(A * A)")(1, 0).exact() == Rational(3));
}

BOOST_AUTO_TEST_CASE(a_failing_cell_is_named_with_its_node) {
  EvalError e = eval_error("A + 1 / z");
  BOOST_TEST(e.pos == 6u);  // the '/'
  BOOST_TEST(e.node == "1 / z");
  BOOST_TEST(e.has_cell);
  BOOST_TEST(e.row == 0u);
  BOOST_TEST(e.col == 1u);
  BOOST_TEST((e.kind() != ErrorKind::limit));
}

BOOST_AUTO_TEST_CASE(whole_node_failures) {
  EvalError unknown = eval_error("2 * nosuch(A)");
  BOOST_TEST(std::string(unknown.what()) == "unknown function 'nosuch'");
  BOOST_TEST(unknown.pos == 4u);
  BOOST_TEST(!unknown.has_cell);
  EvalError shape = eval_error("A @ A @ z");
  BOOST_TEST(shape.node == "(A @ A) @ z");
  BOOST_TEST(!shape.has_cell);
  BOOST_TEST((shape.kind() != ErrorKind::limit));
}

BOOST_AUTO_TEST_CASE(cell_limits) {
  EvalLimits small{3};
  EvalError product = eval_error("b @ z", small);  // 2x1 @ 1x2: 4 cells
  BOOST_TEST((product.kind() == ErrorKind::limit));
  BOOST_TEST(std::string(product.what()) ==
             "a 2x2 product is larger than the limit of 3 cells (raise it with --max-cells)");
  EvalError sum = eval_error("b + z", small);  // broadcast to 2x2
  BOOST_TEST((sum.kind() == ErrorKind::limit));
  BOOST_TEST(sum.node == "b + z");
  BOOST_TEST(std::string(sum.what()) == "a 2x2 result is larger than the limit of 3 cells (raise it with --max-cells)");
  // At the limit itself: fine.
  BOOST_TEST(same(test::rationals(eval_real("b @ z", EvalLimits{4})), rows({{"5", "0"}, {"6", "0"}})));
}

// The values an expression makes are counted from the operands' shapes before any is made:
// n copies of the 2x2 A and n - 1 sums hold 4 (2n - 1) cells, at most 20 x the cell limit.
BOOST_AUTO_TEST_CASE(values_on_the_way_are_bounded_from_shapes) {
  auto chain = [](int n) {
    std::string s = "A";
    for (int i = 1; i < n; ++i) s += " - A";
    return s;
  };
  // A - A - ... - A of 10 terms: 76 cells, within 80; the value is (2 - 10) A.
  BOOST_TEST(same(test::rationals(eval_real(chain(10), EvalLimits{4})), rows({{"-8", "-16"}, {"-24", "-32"}})));
  EvalError e = eval_error(chain(11), EvalLimits{4});
  BOOST_TEST((e.id() == ErrorId::limit_cells));
  BOOST_TEST(e.pos == 0u);  // the start of the expression, not its last operator
  BOOST_TEST(std::string(e.what()) ==
             "its values on the way to the result hold 84 cells together, more than 20 x the cell limit of 4 "
             "(split it into steps, or raise the limit with --max-cells)");
  // Beside 2 cells held by earlier steps, a 2x2 result passes a total of 5 before it is made.
  EvalError held = eval_error("A + 1", EvalLimits{5, 2});
  BOOST_TEST((held.id() == ErrorId::limit_cells));
  BOOST_TEST(std::string(held.what()) ==
             "its 2x2 result would bring the results of the steps up to this one to 6 cells together, more than "
             "the limit of 5 (raise it with --max-cells)");
  BOOST_TEST(same(test::rationals(eval_real("A + 1", EvalLimits{5, 1})), rows({{"2", "3"}, {"4", "5"}})));
}

// Products, convolutions, poolings and argmax draw on the run's work budget, refused before
// they start; each alone takes at most 100 x the cell limit.
BOOST_AUTO_TEST_CASE(work_is_bounded_before_it_is_done) {
  EvalWork saved = eval_work();
  eval_work() = EvalWork{20, 0};
  BOOST_TEST(same(test::rationals(eval_real("A @ A @ A")), rows({{"37", "54"}, {"81", "118"}})));  // 16
  BOOST_TEST(eval_work().used == 16u);
  EvalError products = eval_error("A @ A");
  BOOST_TEST((products.id() == ErrorId::limit_work));
  BOOST_TEST(std::string(products.what()) ==
             "its products take 8 multiplications, more than the 4 left of the run's work limit of 20 (raise it "
             "with --max-work)");
  BOOST_TEST(eval_work().used == 16u);  // nothing was done
  // A convolution's windows: 21 windows of 20 cells, 420; twice fits in 1000, three times not.
  eval_work() = EvalWork{1000, 0};
  BOOST_TEST(test::rationals(eval_real("sum(conv1d(ones(1, 40), ones(1, 20)))"))(0, 0) == 21 * 20);
  BOOST_TEST(test::rationals(eval_real("sum(conv1d(ones(1, 40), ones(1, 20)))"))(0, 0) == 21 * 20);
  EvalError conv = eval_error("sum(conv1d(ones(1, 40), ones(1, 20)))");
  BOOST_TEST((conv.id() == ErrorId::limit_work));
  BOOST_TEST(std::string(conv.what()) ==
             "conv1d takes 420 multiplications, more than the 160 left of the run's work limit of 1000 (raise it "
             "with --max-work)");
  eval_work() = saved;
  // One convolution, pooling or argmax alone: 251 windows of 250 cells pass 100 x 500.
  EvalError big = eval_error("conv1d(ones(1, 500), ones(1, 250))", EvalLimits{500});
  BOOST_TEST((big.id() == ErrorId::limit_work));
  BOOST_TEST(std::string(big.what()) ==
             "conv1d of 1x500 takes 62750 operations, more than 100 x the cell limit of 500 (raise it with "
             "--max-cells)");
  BOOST_TEST((eval_error("maxpool(ones(100, 100), 50, 1)", EvalLimits{10000}).id() == ErrorId::limit_work));  // 51^2 x 2500
  BOOST_TEST((eval_error("avgpool(ones(100, 100), 50, 1)", EvalLimits{10000}).id() == ErrorId::limit_work));
  BOOST_TEST((eval_error("conv2d(ones(100, 100), ones(50, 50))", EvalLimits{10000}).id() == ErrorId::limit_work));
  BOOST_TEST((eval_error("argmax_rows(ones(1, 500))", EvalLimits{500}).id() == ErrorId::limit_work));  // 500^2
  BOOST_TEST(test::rationals(eval_real("argmax_rows(ones(1, 200))", EvalLimits{500}))(0, 0) == 1);  // 40 000
  BOOST_TEST(test::rationals(eval_real("sum(maxpool(ones(100, 100), 10))", EvalLimits{10000}))(0, 0) == 100);
}

BOOST_AUTO_TEST_SUITE_END()
