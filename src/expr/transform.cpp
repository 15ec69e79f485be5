#include "handcheck/expr/transform.hpp"

namespace handcheck {

ExprPtr transform(const ExprPtr& e, const std::function<ExprPtr(const ExprPtr&)>& f) {
  std::vector<ExprPtr> args;
  bool changed = false;
  for (const auto& a : e->args) {
    args.push_back(transform(a, f));
    changed = changed || args.back() != a;
  }
  ExprPtr node = e;
  if (changed) {
    auto copy = std::make_shared<Expr>(*e);
    copy->args = std::move(args);
    node = copy;
  }
  ExprPtr replaced = f(node);
  return replaced ? replaced : node;
}

ExprPtr make_call(std::string name, std::vector<ExprPtr> args, std::size_t pos) {
  auto e = std::make_shared<Expr>();
  e->kind = Expr::Kind::call;
  e->name = std::move(name);
  e->args = std::move(args);
  e->pos = pos;
  return e;
}

ExprPtr make_binary(char op, ExprPtr a, ExprPtr b, std::size_t pos) {
  auto e = std::make_shared<Expr>();
  e->kind = Expr::Kind::binary;
  e->op = op;
  e->args = {std::move(a), std::move(b)};
  e->pos = pos;
  return e;
}

ExprPtr make_transpose(ExprPtr a, std::size_t pos) {
  auto e = std::make_shared<Expr>();
  e->kind = Expr::Kind::transpose;
  e->op = 'T';
  e->args = {std::move(a)};
  e->pos = pos;
  return e;
}

ExprPtr make_number(long n, std::size_t pos) {
  auto e = std::make_shared<Expr>();
  e->kind = Expr::Kind::number;
  e->number.value = n;
  e->number.text = std::to_string(n);
  e->pos = pos;
  return e;
}

}  // namespace handcheck
