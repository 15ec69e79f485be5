#include "handcheck/numbers/rational.hpp"

#include <fmt/format.h>
#include <gmp.h>
#include <mpfr.h>
#include <stdexcept>
#include <unordered_map>

#include "handcheck/error.hpp"

namespace handcheck {

namespace mp = boost::multiprecision;

bool is_integer(const Rational& q) { return mp::denominator(q) == 1; }

Integer floor_int(const Rational& q) {
  Integer n = mp::numerator(q), d = mp::denominator(q);
  Integer r = n / d;  // truncates toward zero
  if (n < 0 && r * d != n) r -= 1;
  return r;
}

Integer ceil_int(const Rational& q) { return -floor_int(-q); }

Integer trunc_int(const Rational& q) {
  return Integer(mp::numerator(q) / mp::denominator(q));
}

Integer round_half_away(const Rational& q) {
  Rational half(1, 2);
  return q >= 0 ? floor_int(q + half) : -floor_int(-q + half);
}

namespace {

// The bits of z^e, from above and within a few millionths of a bit: floor(e log2 |z|) + 1,
// with log2 rounded up (the bit length of z alone times e overestimates 3^e by a quarter and
// refused powers within the limit).
std::size_t power_bits(const Integer& z, unsigned long e) {
  mpfr_t x;
  mpfr_init2(x, 64);
  mpfr_set_z(x, z.backend().data(), MPFR_RNDU);
  mpfr_abs(x, x, MPFR_RNDU);
  mpfr_log2(x, x, MPFR_RNDU);
  mpfr_mul_ui(x, x, e, MPFR_RNDU);
  mpfr_floor(x, x);
  // Past 2^62 bits nothing fits any limit.
  std::size_t bits = mpfr_cmp_ui_2exp(x, 1, 62) >= 0 ? std::size_t{1} << 62 : mpfr_get_ui(x, MPFR_RNDU) + 1;
  mpfr_clear(x);
  return bits;
}

}  // namespace

Rational pow_int(const Rational& q, long e, std::size_t max_bits) {
  if (q == 0) {
    if (e < 0) throw DomainError(ErrorId::eval_division_by_zero, "0 raised to a negative power");
    return e == 0 ? Rational(1) : Rational(0);
  }
  Integer n = mp::numerator(q), d = mp::denominator(q);
  unsigned long ue = e < 0 ? 0UL - static_cast<unsigned long>(e) : static_cast<unsigned long>(e);
  std::size_t bits = ue == 0 ? 1 : std::max(power_bits(n, ue), power_bits(d, ue));
  if (bits > max_bits)
    throw LimitError(ErrorId::limit_bits, fmt::format(
        "power too large: the result would have about {} bits (limit {}; raise it with "
        "--max-bits)", bits, max_bits));
  // q is in lowest terms, so n^e and d^e are coprime: set them directly, skipping a gcd of
  // the result's size (most of the time of a large power).
  Rational r;
  mpq_ptr rp = r.backend().data();
  mpz_pow_ui(mpq_numref(rp), n.backend().data(), ue);
  mpz_pow_ui(mpq_denref(rp), d.backend().data(), ue);
  if (e < 0) mpq_inv(rp, rp);
  return r;
}

static std::optional<Integer> exact_int_root(const Integer& n, unsigned long k) {
  if (n < 0) {
    if (k % 2 == 0) return std::nullopt;
    auto r = exact_int_root(-n, k);
    if (!r) return std::nullopt;
    return Integer(-*r);
  }
  Integer r;
  mpz_root(r.backend().data(), n.backend().data(), k);
  if (mp::pow(r, static_cast<unsigned>(k)) != n) return std::nullopt;
  return r;
}

std::optional<Rational> exact_root(const Rational& q, unsigned long n) {
  if (n == 0) return std::nullopt;
  auto a = exact_int_root(mp::numerator(q), n);
  auto b = exact_int_root(mp::denominator(q), n);
  if (!a || !b) return std::nullopt;
  return Rational(*a, *b);
}

std::optional<Rational> exact_sqrt(const Rational& q) {
  if (q < 0) return std::nullopt;
  return exact_root(q, 2);
}

namespace {

// 10^k. Printing huge values asks for the same large powers over and over (decimal_exponent,
// rounding): the recent ones are kept, per thread, at most 4096 of up to 20000 digits (some
// 35 MB). The reference lives until the next call on this thread.
const Integer& pow10_integer(unsigned long k) {
  thread_local std::unordered_map<unsigned long, Integer> cache;
  thread_local Integer large;
  auto it = cache.find(k);
  if (it != cache.end()) return it->second;
  Integer p = mp::pow(Integer(10), static_cast<unsigned>(k));
  if (k > 20000) return large = std::move(p);
  if (cache.size() >= 4096) cache.clear();
  return cache.emplace(k, std::move(p)).first->second;
}

// The sign of |q| - 10^e, q != 0, in integers: no fraction to bring to lowest terms.
int compare_abs_pow10(const Rational& q, long e) {
  mpz_srcptr n = mpq_numref(q.backend().data()), d = mpq_denref(q.backend().data());
  Integer lhs, rhs;
  mpz_abs(lhs.backend().data(), n);
  if (e >= 0) mpz_mul(rhs.backend().data(), d, pow10_integer(static_cast<unsigned long>(e)).backend().data());
  else mpz_mul(lhs.backend().data(), lhs.backend().data(), pow10_integer(static_cast<unsigned long>(-e)).backend().data());
  if (e >= 0) return mpz_cmp(lhs.backend().data(), rhs.backend().data());
  return mpz_cmp(lhs.backend().data(), d);
}

// round_half_away(|q| * 10^k) as floor((2 N + D) / 2 D) with |q| 10^k = N / D, in integers.
Integer round_scaled(const Rational& q, long k) {
  mpz_srcptr n = mpq_numref(q.backend().data()), d = mpq_denref(q.backend().data());
  Integer num, den;
  mpz_abs(num.backend().data(), n);
  if (k >= 0) {
    mpz_mul(num.backend().data(), num.backend().data(), pow10_integer(static_cast<unsigned long>(k)).backend().data());
    mpz_set(den.backend().data(), d);
  } else {
    mpz_mul(den.backend().data(), d, pow10_integer(static_cast<unsigned long>(-k)).backend().data());
  }
  mpz_mul_2exp(num.backend().data(), num.backend().data(), 1);
  mpz_add(num.backend().data(), num.backend().data(), den.backend().data());
  mpz_mul_2exp(den.backend().data(), den.backend().data(), 1);
  mpz_fdiv_q(num.backend().data(), num.backend().data(), den.backend().data());
  return num;
}

}  // namespace

Rational pow10(long e) {
  const Integer& p = pow10_integer(static_cast<unsigned long>(e < 0 ? -e : e));
  return e < 0 ? Rational(Integer(1), p) : Rational(p);
}

std::string to_fraction_string(const Rational& q) {
  if (is_integer(q)) return mp::numerator(q).str();
  return mp::numerator(q).str() + "/" + mp::denominator(q).str();
}

std::size_t fraction_digits(const Rational& q) {
  mpq_srcptr p = q.backend().data();
  return mpz_sizeinbase(mpq_numref(p), 10) + mpz_sizeinbase(mpq_denref(p), 10);
}

bool fraction_longer_than(const Rational& q, std::size_t max_chars) { return fraction_digits(q) > max_chars; }

std::string to_readable_fraction(const Rational& q, std::size_t max_chars, int digits) {
  if (!fraction_longer_than(q, max_chars)) return to_fraction_string(q);
  std::string t = to_significant_string(q, std::max(digits, 1));
  return t.insert(std::min(t.find('e'), t.size()), "…");
}

std::string to_fixed_string(const Rational& q, int decimals) {
  Integer scaled = round_half_away(mp::abs(q) * pow10(decimals));
  std::string digits = scaled.str();
  bool negative = q < 0 && scaled != 0;
  if (decimals <= 0) return (negative ? "-" : "") + digits;
  if (digits.size() <= static_cast<std::size_t>(decimals))
    digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
  digits.insert(digits.size() - static_cast<std::size_t>(decimals), ".");
  return (negative ? "-" : "") + digits;
}

long decimal_exponent(const Rational& q) {
  mpq_srcptr a = q.backend().data();
  if (mpq_sgn(a) == 0) throw std::domain_error("No bits were set in the operand.");  // as msb(0)
  // Estimate from bit sizes, then correct by at most a few steps.
  auto msb = [](mpz_srcptr z) { return static_cast<double>(mpz_sizeinbase(z, 2) - 1); };
  long est = static_cast<long>((msb(mpq_numref(a)) - msb(mpq_denref(a))) * 0.30102999566398120);
  while (compare_abs_pow10(q, est) < 0) --est;
  while (compare_abs_pow10(q, est + 1) >= 0) ++est;
  return est;
}

std::string to_significant_string(const Rational& q, int digits) {
  if (q == 0) return digits > 1 ? "0." + std::string(static_cast<std::size_t>(digits - 1), '0') : "0";
  long e = decimal_exponent(q);
  // Rounding may carry into a new leading digit (9.99 -> 10.0): recompute the exponent.
  Integer m = round_scaled(q, digits - 1 - e);
  if (m.str().size() > static_cast<std::size_t>(digits)) {
    ++e;
    m = round_scaled(q, digits - 1 - e);
  }
  return format_significant(q < 0, m.str(), e);
}

std::string format_significant(bool negative, std::string s, long e) {
  const auto digits = static_cast<long>(s.size());
  std::string sign = negative ? "-" : "";
  // Fixed notation where every digit it writes is one of the significant ones: 1202600 for
  // e^14 = 1202604.28 would show two zeros no one has proven.
  if (e >= -6 && e < 21 && e < digits) {
    long decimals = digits - 1 - e;
    if (decimals == 0) return sign + s;
    if (static_cast<long>(s.size()) <= decimals)
      s.insert(0, static_cast<std::size_t>(decimals) + 1 - s.size(), '0');
    s.insert(s.size() - static_cast<std::size_t>(decimals), ".");
    return sign + s;
  }
  std::string mant = s.substr(0, 1) + (s.size() > 1 ? "." + s.substr(1) : "");
  return fmt::format("{}{}e{}", sign, mant, e);
}

std::string to_short_decimal(const Rational& q, int max_digits) {
  if (is_integer(q)) return q.str();
  // A fraction terminates iff its denominator has no prime factor other than 2 and 5.
  // GMP's scan and mpz_remove, not a division per factor: 5^200000 took seconds that way.
  Integer d = mp::denominator(q), five = 5;
  mp_bitcnt_t twos = mpz_scan1(d.backend().data(), 0);
  mpz_tdiv_q_2exp(d.backend().data(), d.backend().data(), twos);
  mp_bitcnt_t fives = mpz_remove(d.backend().data(), d.backend().data(), five.backend().data());
  if (d == 1) {
    int decimals = static_cast<int>(std::max(twos, fives));
    std::string s = to_fixed_string(q, decimals);
    std::size_t sig = 0;
    bool started = false;
    for (char c : s)
      if (c >= '0' && c <= '9' && (started || c != '0')) { started = true; ++sig; }
    if (sig <= static_cast<std::size_t>(max_digits)) return s;
  }
  return to_significant_string(q, max_digits) + "…";
}

}  // namespace handcheck
