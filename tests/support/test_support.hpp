// Helpers shared by the unit tests.
#pragma once

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include <map>
#include <stdexcept>

#include "handcheck/audit/audit.hpp"
#include "handcheck/eval/expression_eval.hpp"
#include "handcheck/expr/parser.hpp"
#include "handcheck/model/loader.hpp"
#include "handcheck/numbers/literal.hpp"

namespace handcheck::test {

inline std::string source_path(const std::string& relative) { return std::string(HANDCHECK_SOURCE_DIR) + "/" + relative; }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline Rational q(const std::string& text) { return parse_literal(text).value; }

// The cells of a value that must be exact, as rationals.
inline Matrix<Rational> rationals(const Matrix<Real>& m) {
  return map_cells(m, [](const Real& x) {
    if (!x.is_exact()) throw std::logic_error("not an exact rational: " + describe(x, 12));
    return x.exact();
  });
}

inline Matrix<Real> reals(const Matrix<Rational>& m) {
  return map_cells(m, [](const Rational& x) { return Real(x); });
}

// An expression over rational inputs, evaluated in the one number type of both pipelines;
// its result must be exact.
inline Matrix<Rational> eval_rational(const std::string& expr, const std::map<std::string, Matrix<Rational>>& env = {}) {
  std::map<std::string, Matrix<Real>> values;
  for (const auto& [name, m] : env) values[name] = reals(m);
  Lookup<Real> lookup = [&](const std::string& n) -> const Matrix<Real>& { return values.at(n); };
  return rationals(evaluate<Real>(*parse_expression(expr), lookup));
}

// "node@offset: message" of the EvalError an expression raises, else "no error".
inline std::string eval_message(const std::string& expr) {
  try {
    eval_rational(expr);
  } catch (const EvalError& e) {
    return e.node + "@" + std::to_string(e.pos) + ": " + e.what();
  }
  return "no error";
}

// "line:column: message" of the Error `f` throws, else "no error".
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const Error& e) {
    return std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + ": " + e.message();
  }
  return "no error";
}

inline CaseAudit audit_text(const std::string& yaml, const std::string& name = "test.yaml") {
  return audit_case(std::make_shared<Case>(load_case_text(yaml, name)));
}

// The seed worksheet's text, to be changed by replace_once.
inline std::string seed_text() { return read_file(source_path("cases/self-attention-6-3.yaml")); }

// Every stated cell of an audit that is not ok, in audit order.
inline std::vector<const CellAudit*> findings(const CaseAudit& a) {
  std::vector<const CellAudit*> out;
  for (const auto& s : a.steps)
    for (const auto& c : s.cells)
      if (c.verdict != Verdict::ok) out.push_back(&c);
  return out;
}

// Replaces the first occurrence of `from` by `to`; fails the test when absent.
inline std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "text to replace not found: " + from);
  return text.replace(at, from.size(), to);
}

}  // namespace handcheck::test
