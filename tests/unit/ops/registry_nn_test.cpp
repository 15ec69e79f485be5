// The network-layer functions (src/ops/registry_nn.cpp). Every expected value was computed
// independently with Python's fractions (hand) and decimal at 90 digits, rounded half up to 30
// significant digits (exact).
#include <boost/test/unit_test.hpp>

#include "handcheck/eval/expression_eval.hpp"
#include "handcheck/expr/parser.hpp"
#include "handcheck/ops/registry.hpp"
#include "handcheck/ops/scalar.hpp"
#include "test_support.hpp"

using namespace handcheck;
using handcheck::test::q;

namespace {

using Env = std::map<std::string, Matrix<Rational>>;

Matrix<Rational> mat(std::initializer_list<std::initializer_list<const char*>> rows) {
  Matrix<Rational> out(rows.size(), rows.begin()->size());
  std::size_t r = 0;
  for (const auto& row : rows) {
    std::size_t c = 0;
    for (const char* v : row) out(r, c++) = q(v);
    ++r;
  }
  return out;
}

Matrix<Rational> hand(const std::string& expr, const Env& env = {}) {
  return test::eval_rational(expr, env);
}

Matrix<Real> exact(const std::string& expr, const Env& env = {}) {
  std::map<std::string, Matrix<Real>> reals;
  for (const auto& [name, m] : env) reals[name] = map_cells(m, [](const Rational& x) { return Real(x); });
  Lookup<Real> lookup = [&](const std::string& n) -> const Matrix<Real>& { return reals.at(n); };
  return evaluate<Real>(*parse_expression(expr), lookup);
}

// Every cell of a hand result, as fractions, row by row.
std::vector<std::string> cells(const Matrix<Rational>& m) {
  std::vector<std::string> out;
  for (const auto& x : m) out.push_back(to_fraction_string(x));
  return out;
}
using Cells = std::vector<std::string>;

std::string digits(const Real& x, int n = 30) {
  auto s = certified_significant(x, n);
  return s ? *s : "undecided";
}

// Whether the whole enclosure of x lies within 1e-40 of `reference`, a value from Python's
// decimal module at 60 digits (so itself within 1e-58 of the truth).
bool near(const Real& x, const std::string& reference) {
  Rational ref = q(reference), eps = q("1e-40");
  return ref - eps <= x.lower() && x.upper() <= ref + eps;
}

// The error of a hand evaluation: "message" or "[row,col] message" when it names a cell.
std::string hand_error(const std::string& expr, const Env& env = {}) {
  try {
    hand(expr, env);
  } catch (const EvalError& e) {
    return e.has_cell ? fmt::format("[{},{}] {}", e.row + 1, e.col + 1, e.what()) : std::string(e.what());
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ops_registry_nn)

BOOST_AUTO_TEST_CASE(new_functions_are_in_the_one_table) {
  for (const char* name : {"layernorm", "batchnorm", "outer", "diag", "repeat_rows", "repeat_cols", "cumsum_rows",
                           "cumsum_cols", "gt", "ge", "lt", "le", "eq", "where", "clip", "hard_tanh",
                           "hard_sigmoid", "gelu", "conv1d", "conv2d", "maxpool", "avgpool"}) {
    BOOST_TEST_CONTEXT(name) {
      const OpSpec* op = find_op(name);
      BOOST_REQUIRE(op != nullptr);
      BOOST_TEST(op->fn != nullptr);
    }
  }
  BOOST_TEST(find_op("colsum") != nullptr);  // the core half is still there
  BOOST_TEST(closest_op("layer_norm") == "layernorm");
  BOOST_TEST(closest_op("maxpol") == "maxpool");
}

// --- normalisation -------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(layernorm_normalises_each_column) {
  // column 1: [0, 3, 4, 7], mean 7/2, variance 25/4, sd 5/2; column 2: [1, 1, 5, 5], mean 3, sd 2
  Env env{{"X", mat({{"0", "1"}, {"3", "1"}, {"4", "5"}, {"7", "5"}})}};
  auto y = hand("layernorm(X)", env);
  BOOST_TEST(y.shape() == (Shape{4, 2}));
  BOOST_TEST(cells(y) == (Cells{"-7/5", "-1", "-1/5", "-1", "1/5", "1", "7/5", "1"}));
  // [1, 3]: variance 1; with eps = 3 the divisor is sqrt(4) = 2
  env["v"] = mat({{"1"}, {"3"}});
  BOOST_TEST(cells(hand("layernorm(v)", env)) == (Cells{"-1", "1"}));
  BOOST_TEST(cells(hand("layernorm(v, 3)", env)) == (Cells{"-1/2", "1/2"}));
}

BOOST_AUTO_TEST_CASE(batchnorm_normalises_each_row_across_the_batch) {
  Env env{{"H", mat({{"0", "3", "4", "7"}, {"1", "1", "5", "5"}})}};
  BOOST_TEST(cells(hand("batchnorm(H)", env)) == (Cells{"-7/5", "-1/5", "1/5", "7/5", "-1", "-1", "1", "1"}));
  BOOST_TEST(cells(hand("batchnorm(H)", env)) == cells(hand("layernorm(H^T)^T", env)));
}

BOOST_AUTO_TEST_CASE(normalisation_errors_name_the_line) {
  // column 2 is [1, 2, 3, 4]: variance 5/4
  Env env{{"X", mat({{"0", "1"}, {"3", "2"}, {"4", "3"}, {"7", "4"}})}};
  // sqrt(5/4) is irrational: the column is normalised in certified digits, (1 - 5/2) / sqrt(5/4).
  BOOST_TEST(digits(exact("layernorm(X)", env)(0, 1), 12) == "-1.34164078650");
  BOOST_TEST(digits(exact("batchnorm(X^T)", env)(1, 0), 12) == "-1.34164078650");
  env["c"] = mat({{"2"}, {"2"}});
  BOOST_TEST(hand_error("layernorm(c)", env) ==
             "[1,1] column 1 has variance 0 and eps is 0, so it cannot be normalised; give eps > 0");
  BOOST_TEST(cells(hand("layernorm(c, 1/4)", env)) == (Cells{"0", "0"}));
  BOOST_TEST(hand_error("layernorm(c, -1)", env) == "eps must not be negative");
  BOOST_TEST(hand_error("layernorm(c, c)", env) == "eps must be a single number, not a 2x1 matrix");
}

BOOST_AUTO_TEST_CASE(layernorm_exact_is_certified) {
  WorkingPrecision p(50);
  // [1, 2, 3, 4]: (x - 2.5) / sqrt(1.25)
  auto y = exact("layernorm(concat_rows(1, 2, 3, 4))");
  BOOST_TEST(digits(y(0, 0)) == "-1.34164078649987381784550420124");
  BOOST_TEST(digits(y(1, 0)) == "-0.447213595499957939281834733746");
  BOOST_TEST(digits(y(2, 0)) == "0.447213595499957939281834733746");
  BOOST_TEST(digits(y(3, 0)) == "1.34164078649987381784550420124");
  // 1.5 / sqrt(1.25): the interval is within 1e-40 of the reference, and not of a value 1e-38 off
  BOOST_TEST(near(y(3, 0), "1.34164078649987381784550420123876574126437101576691543456254"));
  BOOST_TEST(!near(y(3, 0), "1.34164078649987381784550420123876574127437101576691543456254"));
  BOOST_TEST(near(y(0, 0), "-1.34164078649987381784550420123876574126437101576691543456254"));
  // eps = 1e-5, as PyTorch: (4 - 2.5) / sqrt(1.25 + 0.00001)
  BOOST_TEST(digits(exact("layernorm(concat_rows(1, 2, 3, 4), 1e-5)")(3, 0)) == "1.34163541996892698256520657773");
  // a perfect square stays exact
  auto z = exact("layernorm(concat_rows(0, 3, 4, 7))");
  BOOST_TEST(z(0, 0).is_exact());
  BOOST_TEST(z(0, 0).exact() == q("-7/5"));
  // batchnorm of the same numbers laid out as a row
  BOOST_TEST(digits(exact("batchnorm(concat_cols(1, 2, 3, 4))")(0, 1)) == "-0.447213595499957939281834733746");
}

// --- vectors and shapes --------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(outer_diag_repeat_cumsum) {
  Env env{{"a", mat({{"1"}, {"2"}, {"3"}})}, {"b", mat({{"4", "-1"}})}};
  auto o = hand("outer(a, b)", env);
  BOOST_TEST(o.shape() == (Shape{3, 2}));
  BOOST_TEST(cells(o) == (Cells{"4", "-1", "8", "-2", "12", "-3"}));
  BOOST_TEST(cells(hand("outer(b, a)", env)) == (Cells{"4", "8", "12", "-1", "-2", "-3"}));
  BOOST_TEST(hand_error("outer(o, a)", {{"o", o}, {"a", env["a"]}}) ==
             "the first argument of outer must be a vector (1xn or nx1), not a 3x2 matrix");

  auto d = hand("diag(a)", env);
  BOOST_TEST(cells(d) == (Cells{"1", "0", "0", "0", "2", "0", "0", "0", "3"}));
  BOOST_TEST(cells(hand("diag(b)", env)) == (Cells{"4", "0", "0", "-1"}));
  env["M"] = mat({{"1", "2", "3"}, {"4", "5", "6"}});
  BOOST_TEST(hand("diag(M)", env).shape() == (Shape{2, 1}));
  BOOST_TEST(cells(hand("diag(M)", env)) == (Cells{"1", "5"}));

  BOOST_TEST(cells(hand("repeat_rows(M, 2)", env)) == (Cells{"1", "2", "3", "4", "5", "6", "1", "2", "3", "4", "5", "6"}));
  BOOST_TEST(cells(hand("repeat_cols(b, 3)", env)) == (Cells{"4", "-1", "4", "-1", "4", "-1"}));
  BOOST_TEST(hand_error("repeat_rows(M, 0)", env) == "the repeat count must be at least 1, not 0");
  BOOST_TEST(hand_error("repeat_cols(M, 1/2)", env) == "1/2 is not a whole number");

  BOOST_TEST(cells(hand("cumsum_rows(M)", env)) == (Cells{"1", "3", "6", "4", "9", "15"}));
  BOOST_TEST(cells(hand("cumsum_cols(M)", env)) == (Cells{"1", "2", "3", "5", "7", "9"}));
}

BOOST_AUTO_TEST_CASE(made_matrices_respect_the_cell_limit) {
  BOOST_TEST(hand_error("repeat_rows(ones(1, 1000), 2000)") == "a 2000x1000 matrix is too large (limit 1000000 cells)");
  BOOST_TEST(hand_error("outer(ones(1, 2000), ones(2000, 1))") == "a 2000x2000 matrix is too large (limit 1000000 cells)");
  BOOST_TEST(hand_error("repeat_cols(1, 2000000)") == "the repeat count 2000000 is too large (limit 1000000 cells)");
  BOOST_TEST(hand_error("conv1d(1, 1, 1, 600000)") == "a 1x1200001 matrix is too large (limit 1000000 cells)");
}

// --- comparisons and selection -------------------------------------------------------------

BOOST_AUTO_TEST_CASE(comparisons_give_zero_or_one) {
  Env env{{"x", mat({{"-1", "0", "1/2", "2"}})}};
  BOOST_TEST(cells(hand("gt(x, 0)", env)) == (Cells{"0", "0", "1", "1"}));
  BOOST_TEST(cells(hand("ge(x, 0)", env)) == (Cells{"0", "1", "1", "1"}));
  BOOST_TEST(cells(hand("lt(x, 1/2)", env)) == (Cells{"1", "1", "0", "0"}));
  BOOST_TEST(cells(hand("le(x, 1/2)", env)) == (Cells{"1", "1", "1", "0"}));
  BOOST_TEST(cells(hand("eq(x, 0.5)", env)) == (Cells{"0", "0", "1", "0"}));
  BOOST_TEST(hand_error("gt(concat_cols(1, 2), concat_cols(1, 2, 3))") == "shapes 1x2 and 1x3 do not broadcast");
  // relu(x) = x * gt(x, 0), the derivative of relu is gt(x, 0)
  BOOST_TEST(cells(hand("x * gt(x, 0)", env)) == cells(hand("relu(x)", env)));
}

BOOST_AUTO_TEST_CASE(exact_comparisons_are_certified_or_undecided) {
  WorkingPrecision p(40);
  // sqrt(2) = 1.41421356237..., separated from 1.4142135 at this precision
  auto g = exact("gt(sqrt(2), 1.4142135)");
  BOOST_TEST(g(0, 0).is_exact());
  BOOST_TEST(g(0, 0).exact() == 1);
  BOOST_TEST(exact("le(sqrt(2), 1.4142135)")(0, 0).exact() == 0);
  BOOST_TEST(exact("eq(sqrt(2), 1.4142135)")(0, 0).exact() == 0);
  BOOST_TEST(exact("eq(2, 4 / 2)")(0, 0).exact() == 1);
  // a true tie between an interval and the value it encloses is never guessed: 0 or 1
  auto either = [](const Real& x, const char* lo, const char* hi) { return x.lower() == q(lo) && x.upper() == q(hi); };
  BOOST_TEST(either(exact("eq(sqrt(2) * sqrt(2), 2)")(0, 0), "0", "1"));
  BOOST_TEST(either(exact("ge(sqrt(2) * sqrt(2), 2)")(0, 0), "0", "1"));
  BOOST_TEST(either(exact("where(sqrt(2) * sqrt(2) - 2, 1, 0)")(0, 0), "0", "1"));
}

BOOST_AUTO_TEST_CASE(where_selects_cell_by_cell) {
  Env env{{"x", mat({{"-2", "0", "3"}})}};
  BOOST_TEST(cells(hand("where(gt(x, 0), x, 0)", env)) == (Cells{"0", "0", "3"}));
  BOOST_TEST(cells(hand("where(x, 1, -1)", env)) == (Cells{"1", "-1", "1"}));  // any non-zero is true
  BOOST_TEST(cells(hand("where(concat_rows(1, 0), x, 10)", env)) == (Cells{"-2", "0", "3", "10", "10", "10"}));
  WorkingPrecision p(40);
  auto w = exact("where(gt(sqrt(3), concat_cols(1, 2)), sqrt(3), 0)");
  BOOST_TEST(digits(w(0, 0)) == "1.73205080756887729352744634151");
  BOOST_TEST(w(0, 1).is_exact());
}

BOOST_AUTO_TEST_CASE(undecided_comparisons_give_every_possible_value) {
  using scalar::Relation;
  auto between = [](const char* lo, const char* hi) { return real_between(q(lo), q(hi)); };
  Real a = between("1", "2"), b(q("3")), c = between("3/2", "5/2");
  auto is = [](const Real& x, const char* lo, const char* hi) { return x.lower() == q(lo) && x.upper() == q(hi); };
  BOOST_TEST(is(scalar::holds(Relation::lt, a, b), "1", "1"));
  BOOST_TEST(is(scalar::holds(Relation::gt, a, b), "0", "0"));
  Real both = scalar::holds(Relation::gt, a, c);
  BOOST_TEST(is(both, "0", "1"));
  BOOST_TEST(is(scalar::holds(Relation::eq, b, Real(q("3"))), "1", "1"));
  BOOST_TEST(is(scalar::holds(Relation::eq, a, b), "0", "0"));
  BOOST_TEST(is(scalar::select(both, Real(q("5")), Real(q("-1"))), "-1", "5"));
  BOOST_TEST(is(scalar::select(Real(q("0")), Real(q("5")), Real(q("-1"))), "-1", "-1"));
  BOOST_TEST(is(scalar::select(a, Real(q("5")), Real(q("-1"))), "5", "5"));
  // Between an infinity and a value no finite range holds both, but each is a defined result:
  // undecided (more precision may tell), not a domain error; the same infinity both ways is it.
  BOOST_CHECK_THROW(scalar::select(both, Real(q("5")), Real::infinity(-1)), Undecided);
  BOOST_CHECK_THROW(scalar::select(both, Real::infinity(1), Real::infinity(-1)), Undecided);
  BOOST_TEST(scalar::select(both, Real::infinity(-1), Real::infinity(-1)).infinity_sign() == -1);
  // floor of a value on both sides of 2 is 1 or 2: the interval [1, 2], never a guess.
  BOOST_TEST(is(scalar::floor(between("19/10", "21/10")), "1", "2"));
  BOOST_TEST(scalar::floor(between("21/10", "22/10")).is_exact());
}

// --- clipped activations -------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(clip_hard_tanh_hard_sigmoid) {
  Env env{{"x", mat({{"-3", "-2", "-1", "0", "1", "2", "3"}})}};
  BOOST_TEST(cells(hand("hard_tanh(x)", env)) == (Cells{"-1", "-1", "-1", "0", "1", "1", "1"}));
  BOOST_TEST(cells(hand("hard_sigmoid(x)", env)) == (Cells{"0", "0", "1/4", "1/2", "3/4", "1", "1"}));
  BOOST_TEST(cells(hand("hard_sigmoid(x)", env)) == cells(hand("(1 + hard_tanh(x / 2)) / 2", env)));
  BOOST_TEST(cells(hand("clip(x, 0, 2)", env)) == (Cells{"0", "0", "0", "0", "1", "2", "2"}));
  BOOST_TEST(cells(hand("clip(x, concat_rows(0, -1), 1)", env)) ==
             (Cells{"0", "0", "0", "0", "1", "1", "1", "-1", "-1", "-1", "0", "1", "1", "1"}));
  BOOST_TEST(hand_error("clip(x, 2, 1)", env) == "[1,1] clip with a lower bound above the upper bound");
}

BOOST_AUTO_TEST_CASE(clipped_activations_on_intervals_stay_certified) {
  WorkingPrecision p(50);
  auto hs = exact("hard_sigmoid(sqrt(2))");
  BOOST_TEST(digits(hs(0, 0)) == "0.853553390593273762200422181052");
  BOOST_TEST(near(hs(0, 0), "0.85355339059327376220042218105242451964241796884423701829417"));  // sqrt(2)/4 + 1/2
  auto t = exact("hard_tanh(sqrt(2))");  // certainly above 1: exactly 1
  BOOST_TEST(t(0, 0).is_exact());
  BOOST_TEST(t(0, 0).exact() == 1);
  // a bound that the interval cannot be separated from: the clip is still the value
  BOOST_TEST(digits(exact("clip(sqrt(2), 0, sqrt(2))")(0, 0)) == "1.41421356237309504880168872421");
}

// --- convolution and pooling ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(conv1d_is_a_sliding_dot_product) {
  Env env{{"x", mat({{"1", "2", "3", "4", "5"}})}, {"k", mat({{"1", "0", "-1"}})}};
  BOOST_TEST(cells(hand("conv1d(x, k)", env)) == (Cells{"-2", "-2", "-2"}));
  BOOST_TEST(cells(hand("conv1d(x, k, 2, 1)", env)) == (Cells{"-2", "-2", "4"}));
  BOOST_TEST(cells(hand("conv1d(x, concat_rows(2, 1), 1, 1)", env)) == (Cells{"1", "4", "7", "10", "13", "10"}));
  BOOST_TEST(hand_error("conv1d(x^T, k)", env) ==
             "conv1d needs a row vector x (1xn), not a 5x1 matrix; conv2d takes matrices");
  BOOST_TEST(hand_error("conv1d(k, x)", env) == "conv1d: a 1x5 window does not fit in a 1x3 input");
  BOOST_TEST(hand_error("conv1d(x, k, 0)", env) == "the stride must be at least 1, not 0");
  BOOST_TEST(hand_error("conv1d(x, k, 1, -1)", env) == "the padding must be at least 0, not -1");
  BOOST_TEST(hand_error("conv1d(x, k, 1, 1/2)", env) == "1/2 is not a whole number");
}

BOOST_AUTO_TEST_CASE(conv2d_and_pooling) {
  Env env{{"X", mat({{"1", "2", "0", "1"}, {"0", "1", "3", "1"}, {"2", "1", "0", "2"}, {"1", "0", "1", "1"}})},
          {"K", mat({{"1", "0"}, {"0", "-1"}})}};
  auto y = hand("conv2d(X, K)", env);
  BOOST_TEST(y.shape() == (Shape{3, 3}));
  BOOST_TEST(cells(y) == (Cells{"0", "-1", "-1", "-1", "1", "1", "2", "0", "-1"}));
  BOOST_TEST(cells(hand("conv2d(X, K, 2, 1)", env)) == (Cells{"-1", "0", "0", "-2", "1", "1", "0", "0", "1"}));
  BOOST_TEST(cells(hand("maxpool(X, 2)", env)) == (Cells{"2", "3", "2", "2"}));
  BOOST_TEST(cells(hand("avgpool(X, 2)", env)) == (Cells{"1", "5/4", "1", "1"}));
  BOOST_TEST(cells(hand("maxpool(X, 3, 1)", env)) == (Cells{"3", "3", "3", "3"}));
  // over a row vector the window is 1 x size
  BOOST_TEST(cells(hand("maxpool(concat_cols(1, 5, 2, 0, 3), 2)")) == (Cells{"5", "2"}));
  BOOST_TEST(cells(hand("avgpool(concat_cols(1, 5, 2, 0, 3), 2, 1)")) == (Cells{"3", "7/2", "1", "3/2"}));
  BOOST_TEST(hand_error("maxpool(X, 5)", env) == "maxpool: a 5x5 window does not fit in a 4x4 input");
  BOOST_TEST(hand_error("avgpool(X, K)", env) == "the window size must be a single number, not a 2x2 matrix");
}

BOOST_AUTO_TEST_CASE(exact_convolution_and_pooling_are_certified) {
  WorkingPrecision p(50);
  // [1, sqrt 2, sqrt 3, 2] with the kernel [1, -1]
  auto c = exact("conv1d(sqrt(concat_cols(1, 2, 3, 4)), concat_cols(1, -1))");
  BOOST_TEST(digits(c(0, 0)) == "-0.414213562373095048801688724210");
  BOOST_TEST(digits(c(0, 1)) == "-0.317837245195782244725757617296");
  BOOST_TEST(digits(c(0, 2)) == "-0.267949192431122706472553658494");
  BOOST_TEST(near(c(0, 2), "-0.26794919243112270647255365849412763305719474618961937194419"));  // sqrt 3 - 2
  auto a = exact("avgpool(sqrt(concat_cols(1, 2, 3, 4)), 4)");
  BOOST_TEST(digits(a(0, 0)) == "1.53656609248549308558228376643");
  // max of intervals stays certified: the largest of sqrt 2, 7/5, sqrt 3, 1 is sqrt 3
  auto m = exact("maxpool(concat_cols(sqrt(2), 7/5, sqrt(3), 1), 2)");
  BOOST_TEST(digits(m(0, 0)) == "1.41421356237309504880168872421");
  BOOST_TEST(digits(m(0, 1)) == "1.73205080756887729352744634151");
  auto e = exact("conv2d(concat_rows(concat_cols(1, 2), concat_cols(3, 4)), identity(2))");
  BOOST_TEST(e(0, 0).is_exact());
  BOOST_TEST(e(0, 0).exact() == 5);
}

// gelu(x) = x/2 * (1 + erf(x / sqrt(2))). References from mpmath at 60 digits, as
// x/2 * erfc(-x/sqrt(2)) (no cancellation for negative x), printed to 50 significant digits.
BOOST_AUTO_TEST_CASE(gelu_known_values_are_enclosed_tightly) {
  WorkingPrecision p(50);
  struct Known {
    const char* x;
    const char* value;
  };
  const Known known[] = {
      {"1", "0.84134474606854294858523254563203792247791296672660"},
      {"-1", "-0.15865525393145705141476745436796207752208703327340"},
      {"1/2", "0.34573123063700655181885230530416886994180108777729"},
      {"3/2", "1.3997891980967129009932589385301708807156572215082"},
      {"-10", "-7.6198530241605260659733432515993083635040332779570e-23"},
      {"-30", "-1.4720141781444561178601427769740571415990954824178e-196"},
  };
  for (const auto& k : known) {
    BOOST_TEST_CONTEXT("gelu(" << k.x << ")") {
      Real g = scalar::gelu(Real(q(k.x)));
      BOOST_REQUIRE(g.is_interval());
      Rational ref = q(k.value), margin = boost::multiprecision::abs(ref) * q("1e-48");
      // The reference is within 1e-49 of the truth (relative): the enclosure holds it ...
      BOOST_TEST(g.lower() <= ref + margin);
      BOOST_TEST(ref - margin <= g.upper());
      // ... and is as narrow as 50 digits allow, in relative terms even far in the left tail.
      BOOST_TEST(g.upper() - g.lower() <= boost::multiprecision::abs(ref) * q("1e-46"));
    }
  }
  WorkingPrecision p40(40);  // 30 certified digits need a few guard digits
  BOOST_TEST(digits(scalar::gelu(Real(q("1")))) == "0.841344746068542948585232545632");
  BOOST_TEST(digits(scalar::gelu(Real(q("-1")))) == "-0.158655253931457051414767454368");
}

BOOST_AUTO_TEST_CASE(gelu_exact_points_infinities_and_intervals) {
  WorkingPrecision p(40);
  BOOST_TEST(scalar::gelu(Real(q("0"))).is_exact());
  BOOST_TEST(scalar::gelu(Real(q("0"))).exact() == 0);
  BOOST_TEST(scalar::gelu(Real::infinity(-1)).is_exact());
  BOOST_TEST(scalar::gelu(Real::infinity(-1)).exact() == 0);
  BOOST_TEST(scalar::gelu(Real::infinity(1)).infinity_sign() == 1);
  // Phi(x) + Phi(-x) = 1, so gelu(x) - gelu(-x) = x.
  Real d = scalar::gelu(Real(q("7/4"))) - scalar::gelu(Real(q("-7/4")));
  BOOST_TEST(d.lower() <= q("7/4"));
  BOOST_TEST(q("7/4") <= d.upper());
  // gelu is not monotone (its minimum, about -0.16997, is near x = -0.7518): an interval
  // argument across the minimum holds both the minimum and the ends.
  Real wide = scalar::gelu(real_between(q("-1"), q("1/2")));
  BOOST_TEST(wide.lower() <= q("-0.16997"));
  BOOST_TEST(q("0.3457") <= wide.upper());
  // Through the registry, cell by cell.
  auto m = exact("gelu(concat_cols(-1, 0, 1))");
  BOOST_TEST(near(m(0, 0), "-0.158655253931457051414767454367962077522087033273"));
  BOOST_TEST(m(0, 1).is_exact());
  BOOST_TEST(near(m(0, 2), "0.841344746068542948585232545632037922477912966727"));
}

BOOST_AUTO_TEST_SUITE_END()
