#include <boost/test/unit_test.hpp>

#include "handcheck/expr/parser.hpp"
#include "handcheck/expr/transform.hpp"
#include "test_support.hpp"

using namespace handcheck;

BOOST_AUTO_TEST_SUITE(expr_transform)

BOOST_AUTO_TEST_CASE(a_replacement_rebuilds_only_the_path_to_it) {
  ExprPtr e = parse_expression("floor(a / 2) + (b @ c)");
  ExprPtr t = transform(e, [](const ExprPtr& n) -> ExprPtr {
    if (n->kind == Expr::Kind::call && n->name == "floor") return make_call("ceil", n->args, n->pos);
    return nullptr;
  });
  BOOST_TEST(to_string(*t) == "ceil(a / 2) + (b @ c)");
  BOOST_TEST(to_string(*e) == "floor(a / 2) + (b @ c)");  // the original is untouched
  BOOST_TEST(t != e);
  BOOST_TEST(t->args[1] == e->args[1]);                    // the unchanged side is shared
  BOOST_TEST(t->args[0]->args[0] == e->args[0]->args[0]);  // and so is floor's argument
  BOOST_TEST(t->args[0]->pos == e->args[0]->pos);
}

BOOST_AUTO_TEST_CASE(no_replacement_returns_the_same_tree) {
  ExprPtr e = parse_expression("softmax_cols(S / sqrt(3))^T");
  std::size_t seen = 0;
  ExprPtr t = transform(e, [&](const ExprPtr&) -> ExprPtr {
    ++seen;
    return nullptr;
  });
  BOOST_TEST(t == e);
  BOOST_TEST(seen == 6u);  // S, 3, sqrt, /, softmax_cols, ^T: every node once
}

BOOST_AUTO_TEST_CASE(children_are_rebuilt_before_their_parent_sees_them) {
  // ^ read as *: x ^ 2 becomes x * 2; the parent sees the rebuilt child.
  ExprPtr e = parse_expression("-(x ^ 2)");
  std::string parent_saw;
  ExprPtr t = transform(e, [&](const ExprPtr& n) -> ExprPtr {
    if (n->kind == Expr::Kind::binary && n->op == '^') return make_binary('*', n->args[0], n->args[1], n->pos);
    if (n->kind == Expr::Kind::negate) parent_saw = to_string(*n);
    return nullptr;
  });
  BOOST_TEST(parent_saw == "-(x * 2)");
  BOOST_TEST(to_string(*t) == "-(x * 2)");
}

BOOST_AUTO_TEST_CASE(made_nodes) {
  ExprPtr two = make_number(2, 4);
  BOOST_TEST((two->kind == Expr::Kind::number));
  BOOST_TEST(two->number.value == Rational(2));
  BOOST_TEST(two->number.text == "2");
  BOOST_TEST(two->pos == 4u);
  BOOST_TEST(to_string(*make_number(-7, 0)) == "-7");
  ExprPtr x = parse_expression("x");
  BOOST_TEST(to_string(*make_binary('/', x, two, 1)) == "x / 2");
  BOOST_TEST(to_string(*make_transpose(x, 1)) == "x^T");
  BOOST_TEST(to_string(*make_transpose(make_binary('+', x, two, 1), 0)) == "(x + 2)^T");
  BOOST_TEST(to_string(*make_call("round", {x, make_number(2, 9)}, 0)) == "round(x, 2)");
  BOOST_TEST(to_string(*make_call("f", {}, 0)) == "f()");
  ExprPtr t = make_transpose(x, 3);
  BOOST_TEST(t->op == 'T');
  BOOST_TEST(t->pos == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
