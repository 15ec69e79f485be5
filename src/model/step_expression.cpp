#include "step_expression.hpp"

#include "handcheck/detail/text.hpp"
#include "handcheck/expr/parser.hpp"
#include "handcheck/ops/registry.hpp"

namespace handcheck::case_yaml {

namespace {

class ExpressionCheck {
 public:
  ExpressionCheck(const NodeReader& in, const Expression& e, const std::string& key, const Case& c, std::size_t self,
                  const std::map<std::string, std::size_t>& pending)
      : in_(in), e_(e), key_(key), c_(c), self_(self), pending_(pending) {}

  void check(const Expr& x) const {
    if (x.kind == Expr::Kind::name) return name(x);
    if (x.kind == Expr::Kind::call) call(x);
    for (const auto& a : x.args) check(*a);
  }

 private:
  // A name: an input or an earlier step.
  void name(const Expr& x) const {
    if (x.name == in_.step()) self_reference(x);
    long i = c_.find(x.name);
    if (i >= 0 && static_cast<std::size_t>(i) < self_) return;
    if (static_cast<std::size_t>(i) == self_) self_reference(x);
    auto later = pending_.find(x.name);
    if (later != pending_.end())
      throw Error(ErrorId::load_forward_reference, e_.at(x.pos),
                  fmt::format("{}in '{}': '{}' is defined later (line {}); a step may use only "
                              "inputs and earlier steps",
                              in_.in_step(), key_, detail::shortened(x.name), later->second));
    std::vector<std::string> known;
    for (std::size_t k = 0; k < self_; ++k) known.push_back(c_.items[k].name);
    if (find_op(x.name))
      throw Error(
          ErrorId::load_not_a_value, e_.at(x.pos),
          fmt::format("{}in '{}': '{}' is a function; call it as {}(...)", in_.in_step(), key_, x.name, x.name));
    throw Error(
        ErrorId::load_unknown_name, e_.at(x.pos),
        fmt::format("{}in '{}': unknown name '{}'{}", in_.in_step(), key_, detail::shortened(x.name),
                    did_you_mean(x.name, known)));
  }

  [[noreturn]] void self_reference(const Expr& x) const {
    throw Error(ErrorId::load_self_reference, e_.at(x.pos),
                fmt::format("{}in '{}': '{}' refers to the step itself", in_.in_step(), key_, detail::shortened(x.name)));
  }

  // A call: a known function, with as many arguments as it takes.
  void call(const Expr& x) const {
    const OpSpec* op = find_op(x.name);
    if (!op) {
      std::string near = closest_op(x.name);
      throw Error(ErrorId::load_unknown_function, e_.at(x.pos),
                  fmt::format("{}in '{}': unknown function '{}'{}", in_.in_step(), key_, detail::shortened(x.name),
                              near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
    }
    if (x.args.size() < op->min_args || x.args.size() > op->max_args)
      throw Error(ErrorId::load_arity, e_.at(x.pos),
                  fmt::format("{}in '{}': {} takes {}, not {} argument{}", in_.in_step(), key_, x.name, op->signature,
                              x.args.size(), x.args.size() == 1 ? "" : "s"));
  }

  const NodeReader& in_;
  const Expression& e_;
  const std::string& key_;
  const Case& c_;
  std::size_t self_;
  const std::map<std::string, std::size_t>& pending_;
};

}  // namespace

Expression read_expression(const NodeReader& in, const YAML::Node& n, const std::string& key, const Case& c,
                           std::size_t self, const std::map<std::string, std::size_t>& pending) {
  Expression e;
  e.text = in.scalar(n, key);
  e.loc = in.loc(n);
  // Quoted scalars start one column after their mark; block scalars span lines.
  if (n.Tag() == "!") e.loc.column += 1;
  e.single_line = e.text.find('\n') == std::string::npos;
  try {
    e.ast = parse_expression(e.text, in.limits().expression);
  } catch (const ParseError& err) {
    throw Error(err.id(), e.at(err.pos), fmt::format("{}in '{}': {}", in.in_step(), key, err.what()));
  }
  ExpressionCheck(in, e, key, c, self, pending).check(*e.ast);
  return e;
}

}  // namespace handcheck::case_yaml
