// Hand meanings: exact rationals; an error that suggests a hand rule where the value is not
// rational.
#include <fmt/format.h>

#include "handcheck/error.hpp"
#include "handcheck/ops/scalar.hpp"

namespace handcheck::scalar {

namespace mp = boost::multiprecision;

Limits& limits() {
  thread_local Limits l;
  return l;
}

namespace {

[[noreturn]] void not_rational(const std::string& call, const char* hint) {
  throw NotRational(fmt::format("{} is not rational, so the hand pipeline cannot compute it; {}",
                                call, hint));
}

}  // namespace

Rational div(const Rational& a, const Rational& b) {
  if (b == 0) throw DomainError("division by zero");
  return a / b;
}
Rational floor(const Rational& x) { return Rational(floor_int(x)); }
Rational ceil(const Rational& x) { return Rational(ceil_int(x)); }
Rational round(const Rational& x) { return Rational(round_half_away(x)); }
Rational trunc(const Rational& x) { return Rational(trunc_int(x)); }
Rational abs(const Rational& x) { return mp::abs(x); }
Rational sign(const Rational& x) { return Rational(x.sign()); }
Rational relu(const Rational& x) { return x < 0 ? Rational(0) : x; }
Rational min(const Rational& a, const Rational& b) { return b < a ? b : a; }
Rational max(const Rational& a, const Rational& b) { return a < b ? b : a; }

Rational pow(const Rational& a, const Rational& b) {
  if (is_integer(b)) {
    Integer e = mp::numerator(b);
    if (mp::abs(e) > Integer(1000000000L))
      throw LimitError(fmt::format("exponent {} is too large", e.str()));
    return pow_int(a, e.convert_to<long>(), limits().max_bits);
  }
  // a^(p/q) is rational exactly when a^p has a rational q-th root.
  Integer p = mp::numerator(b), q = mp::denominator(b);
  if (a >= 0 && q <= 64 && mp::abs(p) <= 64) {
    if (auto root = exact_root(a, q.convert_to<unsigned long>()))
      return pow_int(*root, p.convert_to<long>(), limits().max_bits);
  }
  not_rational(fmt::format("{} ^ {}", to_fraction_string(a), to_fraction_string(b)),
               "use an integer exponent in the hand pipeline");
}

Rational exp(const Rational& x) {
  if (x == 0) return Rational(1);
  not_rational(fmt::format("exp({})", to_fraction_string(x)),
               "a hand rule such as 3 ^ x for e ^ x is needed");
}
Rational log(const Rational& x) {
  if (x <= 0) throw DomainError(fmt::format("log({}) of a value that is not positive", to_fraction_string(x)));
  if (x == 1) return Rational(0);
  not_rational(fmt::format("log({})", to_fraction_string(x)), "a hand rule is needed");
}
Rational sqrt(const Rational& x) {
  if (x < 0) throw DomainError(fmt::format("sqrt({}) of a negative value", to_fraction_string(x)));
  if (auto r = exact_sqrt(x)) return *r;
  not_rational(fmt::format("sqrt({})", to_fraction_string(x)),
               "a hand rule such as floor(x / 2) for x / sqrt(3) is needed");
}
Rational sin(const Rational& x) {
  if (x == 0) return Rational(0);
  not_rational(fmt::format("sin({})", to_fraction_string(x)), "a hand rule is needed");
}
Rational cos(const Rational& x) {
  if (x == 0) return Rational(1);
  not_rational(fmt::format("cos({})", to_fraction_string(x)), "a hand rule is needed");
}
Rational tanh(const Rational& x) {
  if (x == 0) return Rational(0);
  not_rational(fmt::format("tanh({})", to_fraction_string(x)),
               "a hand rule such as a clipped line max(-1, min(1, x)) is needed");
}
Rational sigmoid(const Rational& x) {
  if (x == 0) return Rational(1, 2);
  not_rational(fmt::format("sigmoid({})", to_fraction_string(x)),
               "a hand rule such as 1 / (1 + 3 ^ -x) is needed");
}

int compare(const Rational& a, const Rational& b) { return a < b ? -1 : (b < a ? 1 : 0); }
Rational holds(Relation rel, const Rational& a, const Rational& b) {
  return Rational(relation_holds(rel, compare(a, b)) ? 1 : 0);
}
Rational select(const Rational& cond, const Rational& a, const Rational& b) { return cond != 0 ? a : b; }

long to_index(const Rational& x) {
  if (!is_integer(x)) throw DomainError(fmt::format("{} is not a whole number", to_fraction_string(x)));
  if (mp::abs(x) > 1000000000) throw LimitError(fmt::format("{} is too large", to_fraction_string(x)));
  return mp::numerator(x).convert_to<long>();
}

}  // namespace handcheck::scalar
