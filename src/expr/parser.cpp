#include "handcheck/expr/parser.hpp"

#include <fmt/format.h>
#include <unordered_map>

#include "handcheck/detail/text.hpp"
#include "handcheck/error.hpp"
#include "handcheck/suggest.hpp"

namespace handcheck {

namespace {

bool is_name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class Parser {
 public:
  Parser(std::string_view text, const ParseLimits& limits) : s_(text), limits_(limits) {}

  ExprPtr parse() {
    if (s_.size() > limits_.max_length)
      throw ParseError(ErrorId::limit_expression_length, 0,
                       fmt::format("expression of {} characters (limit {})", s_.size(), limits_.max_length));
    skip();
    if (at_end()) throw ParseError(ErrorId::expr_empty, 0, "empty expression");
    ExprPtr e = expr();
    skip();
    if (!at_end()) throw ParseError(ErrorId::expr_unexpected, i_, fmt::format("unexpected {}", quoted_char()));
    return e;
  }

 private:
  struct Depth {
    Depth(Parser& p, std::size_t pos) : p(p) {
      if (++p.depth_ > p.limits_.max_depth)
        p.too_deep(pos);
    }
    ~Depth() { --p.depth_; }
    Parser& p;
  };

  [[noreturn]] void too_deep(std::size_t pos) const {
    throw ParseError(
        ErrorId::limit_nesting, pos,
        fmt::format("expression nested too deeply (limit {} levels; raise it with --max-depth)", limits_.max_depth));
  }

  // The character at i_ for a message: whole when it is not ASCII, so the message stays UTF-8.
  std::string quoted_char() const {
    auto c = static_cast<unsigned char>(s_[i_]);
    if (c < 0x80) return c < 0x20 ? fmt::format("character U+{:04X}", c) : fmt::format("'{}'", s_[i_]);
    std::string_view ch = detail::utf8_char(s_, i_);
    return ch.empty() ? fmt::format("byte 0x{:02X}", c) : fmt::format("'{}'", ch);
  }

  bool at_end() const { return i_ >= s_.size(); }
  void skip() {
    while (!at_end() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  char peek() {
    skip();
    return at_end() ? '\0' : s_[i_];
  }
  // True when the next characters are "^T" not followed by a name character.
  bool at_transpose() {
    skip();
    if (i_ + 1 >= s_.size() || s_[i_] != '^') return false;
    std::size_t j = i_ + 1;
    while (j < s_.size() && s_[j] == ' ') ++j;
    return j < s_.size() && s_[j] == 'T' && (j + 1 >= s_.size() || !is_name_char(s_[j + 1]));
  }

  // Every node is checked against the depth limit, so that a long chain such as 1+1+...+1,
  // which the parser reads in a loop, cannot make a tree too deep for the recursive walks
  // that later evaluate and print it.
  ExprPtr node(Expr::Kind k, std::size_t pos, char op, std::vector<ExprPtr> args) {
    auto e = std::make_shared<Expr>();
    e->kind = k;
    e->pos = pos;
    e->op = op;
    e->args = std::move(args);
    return checked(e);
  }

  ExprPtr checked(const std::shared_ptr<Expr>& e) {
    std::size_t h = 0;
    for (const auto& a : e->args) {
      auto it = height_.find(a.get());
      h = std::max(h, it == height_.end() ? std::size_t{1} : it->second);
    }
    if (h + 1 > limits_.max_depth) too_deep(e->pos);
    height_[e.get()] = h + 1;
    return e;
  }

  ExprPtr expr() {
    ExprPtr left = term();
    for (char c = peek(); c == '+' || c == '-'; c = peek()) {
      std::size_t pos = i_++;
      left = node(Expr::Kind::binary, pos, c, {left, term()});
    }
    return left;
  }

  ExprPtr term() {
    ExprPtr left = unary();
    for (char c = peek(); c == '*' || c == '/' || c == '@'; c = peek()) {
      std::size_t pos = i_++;
      left = node(Expr::Kind::binary, pos, c, {left, unary()});
    }
    return left;
  }

  ExprPtr unary() {
    if (peek() == '-') {
      std::size_t pos = i_++;
      Depth d(*this, pos);
      return node(Expr::Kind::negate, pos, '-', {unary()});
    }
    if (peek() == '+') {
      std::size_t pos = i_++;
      Depth d(*this, pos);
      return unary();
    }
    return power();
  }

  ExprPtr power() {
    ExprPtr base = postfix();
    if (peek() == '^') {
      std::size_t pos = i_++;
      Depth d(*this, pos);
      return node(Expr::Kind::binary, pos, '^', {base, unary()});
    }
    return base;
  }

  ExprPtr postfix() {
    ExprPtr e = primary();
    while (at_transpose()) {
      std::size_t pos = i_;
      i_ = s_.find('T', i_) + 1;
      e = node(Expr::Kind::transpose, pos, 'T', {e});
    }
    // NumPy's X.T
    if (i_ + 1 < s_.size() && s_[i_] == '.' && s_[i_ + 1] == 'T' && (i_ + 2 == s_.size() || !is_name_char(s_[i_ + 2])))
      throw ParseError(ErrorId::expr_unexpected, i_, fmt::format("unexpected '.': write {}^T for the transpose",
                                       e->kind == Expr::Kind::name ? detail::shortened(e->name) : "(...)"));
    return e;
  }

  ExprPtr primary() {
    char c = peek();
    std::size_t pos = i_;
    if (c == '(') {
      Depth d(*this, pos);
      ++i_;
      ExprPtr e = expr();
      expect(')', pos, "unclosed '('");
      return e;
    }
    if (is_digit(c) || c == '.') return number();
    if (s_.substr(i_, 3) == "\xE2\x88\x9E") {  // ∞
      i_ += 3;
      return infinity(pos, "\xE2\x88\x9E");
    }
    if (is_name_start(c)) {
      std::size_t start = i_;
      while (!at_end() && is_name_char(s_[i_])) ++i_;
      std::string name(s_.substr(start, i_ - start));
      if (peek() == '(') {
        Depth d(*this, pos);
        ++i_;
        auto call = std::make_shared<Expr>();
        call->kind = Expr::Kind::call;
        call->pos = start;
        call->name = std::move(name);
        if (std::string hint = function_hint(call->name); !hint.empty())
          throw ParseError(ErrorId::expr_foreign_syntax, start, hint);
        if (peek() == ')')
          throw ParseError(ErrorId::expr_no_arguments, i_,
                           fmt::format("{}() needs arguments", detail::shortened(call->name)));
        call->args.push_back(expr());
        while (peek() == ',') {
          ++i_;
          call->args.push_back(expr());
        }
        expect(')', start, fmt::format("unclosed '(' of {}(", detail::shortened(call->name)));
        return checked(call);
      }
      if (name == "inf" || name == "infinity") return infinity(start, name);
      auto e = std::make_shared<Expr>();
      e->kind = Expr::Kind::name;
      e->pos = start;
      e->name = std::move(name);
      return e;
    }
    if (at_end()) throw ParseError(ErrorId::expr_unexpected, i_, "unexpected end of expression");
    throw ParseError(ErrorId::expr_unexpected, i_, fmt::format("unexpected {}", quoted_char()));
  }

  // `inf`, `infinity` and `∞` are numbers (a mask is written -inf).
  ExprPtr infinity(std::size_t start, std::string_view text) {
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::number;
    e->pos = start;
    e->number = parse_literal(text);
    return e;
  }

  ExprPtr number() {
    std::size_t start = i_;
    while (!at_end() && (is_digit(s_[i_]) || s_[i_] == '.')) ++i_;
    if (!at_end() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      std::size_t j = i_ + 1;
      if (j < s_.size() && (s_[j] == '+' || s_[j] == '-')) ++j;
      if (j < s_.size() && is_digit(s_[j])) {
        i_ = j;
        while (!at_end() && is_digit(s_[i_])) ++i_;
      }
    }
    auto e = std::make_shared<Expr>();
    e->kind = Expr::Kind::number;
    e->pos = start;
    try {
      e->number = parse_literal(s_.substr(start, i_ - start));
    } catch (const DomainError& err) {
      throw ParseError(err.id(), start, err.what());
    }
    return e;
  }

  void expect(char c, std::size_t open_pos, const std::string& message) {
    if (peek() != c) {
      if (at_end()) throw ParseError(ErrorId::expr_unclosed, open_pos, message);
      throw ParseError(ErrorId::expr_unexpected, i_, fmt::format("expected '{}', found {}", c, quoted_char()));
    }
    ++i_;
  }

  std::string_view s_;
  const ParseLimits& limits_;
  std::size_t i_ = 0;
  std::size_t depth_ = 0;
  std::unordered_map<const Expr*, std::size_t> height_;  // of inner nodes; a leaf is 1
};

void collect_names(const Expr& e, std::vector<std::string>& out) {
  if (e.kind == Expr::Kind::name) {
    for (const auto& n : out)
      if (n == e.name) return;
    out.push_back(e.name);
  }
  for (const auto& a : e.args) collect_names(*a, out);
}

}  // namespace

ExprPtr parse_expression(std::string_view text, const ParseLimits& limits) {
  return Parser(text, limits).parse();
}

std::vector<std::string> referenced_names(const Expr& e) {
  std::vector<std::string> out;
  collect_names(e, out);
  return out;
}

std::string to_string(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::number:
      return e.number.text;
    case Expr::Kind::name:
      return e.name;
    case Expr::Kind::call: {
      std::string s = e.name + "(";
      for (std::size_t i = 0; i < e.args.size(); ++i) s += (i ? ", " : "") + to_string(*e.args[i]);
      return s + ")";
    }
    case Expr::Kind::negate: {
      const Expr& a = *e.args[0];
      bool atomic = a.kind == Expr::Kind::number || a.kind == Expr::Kind::name || a.kind == Expr::Kind::call;
      return atomic ? "-" + to_string(a) : "-(" + to_string(a) + ")";
    }
    case Expr::Kind::binary: {
      auto side = [](const Expr& a) {
        bool atomic = a.kind == Expr::Kind::number || a.kind == Expr::Kind::name ||
                      a.kind == Expr::Kind::call || a.kind == Expr::Kind::transpose;
        return atomic ? to_string(a) : "(" + to_string(a) + ")";
      };
      // X ^ T with a matrix named T is a power, not a transpose: a right side that starts with
      // the name T (T, T^T) is put in parentheses.
      std::string right = side(*e.args[1]);
      if (e.op == '^' && right[0] == 'T' && (right.size() == 1 || !is_name_char(right[1]))) right = "(" + right + ")";
      return side(*e.args[0]) + " " + e.op + " " + right;
    }
    case Expr::Kind::transpose:
      return (e.args[0]->kind == Expr::Kind::name ? to_string(*e.args[0])
                                                  : "(" + to_string(*e.args[0]) + ")") + "^T";
  }
  return {};
}

}  // namespace handcheck
