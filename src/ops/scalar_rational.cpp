// The exact parts of the scalar meanings: rationals in, rationals out.
#include <fmt/format.h>

#include <algorithm>

#include "handcheck/detail/text.hpp"
#include "handcheck/error.hpp"
#include "handcheck/ops/scalar.hpp"

namespace handcheck::scalar {

namespace mp = boost::multiprecision;

namespace {

// A number quoted in a message: its first digits, when it has thousands.
std::string quoted(const Rational& q) { return detail::shortened(to_fraction_string(q)); }

}  // namespace

Limits& limits() {
  thread_local Limits l;
  return l;
}


Rational floor(const Rational& x) { return Rational(floor_int(x)); }
Rational ceil(const Rational& x) { return Rational(ceil_int(x)); }
Rational round(const Rational& x) { return Rational(round_half_away(x)); }
Rational trunc(const Rational& x) { return Rational(trunc_int(x)); }
Rational relu(const Rational& x) { return x < 0 ? Rational(0) : x; }
Rational min(const Rational& a, const Rational& b) { return b < a ? b : a; }
Rational max(const Rational& a, const Rational& b) { return a < b ? b : a; }

Rational pow(const Rational& a, const Rational& b) {
  if (is_integer(b)) {
    Integer e = mp::numerator(b);
    if (mp::abs(e) > Integer(1000000000L))
      throw LimitError(ErrorId::limit_exponent, fmt::format("exponent {} is too large", detail::shortened(e.str())));
    return pow_int(a, e.convert_to<long>(), limits().max_bits);
  }
  // a^(p/q), a >= 0, is rational exactly when a has a rational q-th root: 0 and 1 for every q
  // (0 ^ 1/65 is 0), any other a only for q up to the bits of its numerator or denominator
  // ((2^65) ^ (1/65) is 2). pow_int bounds the power by --max-bits.
  Integer p = mp::numerator(b), q = mp::denominator(b);
  if (a >= 0 && mp::abs(p) <= Integer(1000000000L)) {
    mpq_srcptr x = a.backend().data();
    const std::size_t widest = std::max(mpz_sizeinbase(mpq_numref(x), 2), mpz_sizeinbase(mpq_denref(x), 2));
    if (a == 0 || a == 1) return pow_int(a, p.convert_to<long>(), limits().max_bits);
    if (q <= widest)
      if (auto root = exact_root(a, q.convert_to<unsigned long>()))
        return pow_int(*root, p.convert_to<long>(), limits().max_bits);
  }
  throw DomainError(ErrorId::eval_not_rational,
                    fmt::format("{} ^ {} is not rational", quoted(a), quoted(b)));
}

long to_index(const Rational& x) {
  if (!is_integer(x))
    throw DomainError(ErrorId::eval_not_integer, fmt::format("{} is not a whole number", quoted(x)));
  if (mp::abs(x) > 1000000000)
    throw LimitError(ErrorId::limit_exponent, fmt::format("{} is too large", quoted(x)));
  return mp::numerator(x).convert_to<long>();
}

}  // namespace handcheck::scalar
