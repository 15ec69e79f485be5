// Rewriting expression trees: the mistakes a person makes by hand are variants of the
// expression they were asked to compute (floor read as ceil, ^ read as *, ...).
#pragma once

#include <functional>

#include "handcheck/expr/ast.hpp"

namespace handcheck {

// Rebuilds `e` bottom-up; at every node, `f` sees the node with its rebuilt children and may
// return a replacement (or nullptr to keep it). Unchanged subtrees are shared, not copied.
ExprPtr transform(const ExprPtr& e, const std::function<ExprPtr(const ExprPtr&)>& f);

ExprPtr make_call(std::string name, std::vector<ExprPtr> args, std::size_t pos);
ExprPtr make_binary(char op, ExprPtr a, ExprPtr b, std::size_t pos);
ExprPtr make_transpose(ExprPtr a, std::size_t pos);
ExprPtr make_number(long n, std::size_t pos);

}  // namespace handcheck
