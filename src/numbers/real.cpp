#include "handcheck/numbers/real.hpp"

#include <fmt/format.h>
#include <mpfr.h>

#include <atomic>
#include <bit>
#include <map>
#include <tuple>

#include "handcheck/error.hpp"

namespace handcheck {

WorkingPrecision::WorkingPrecision(unsigned digits10) : saved_(Interval::default_precision()) {
  Interval::default_precision(digits10);
}
WorkingPrecision::~WorkingPrecision() { Interval::default_precision(saved_); }

std::size_t& max_interval_exponent() {
  thread_local std::size_t n = std::size_t{1} << 24;
  return n;
}

static void check_endpoint(mpfr_srcptr x) {
  if (mpfr_zero_p(x)) return;
  if (!mpfr_number_p(x))
    throw LimitError(ErrorId::limit_overflow, "the value overflows: the exact pipeline's interval has an infinite endpoint");
  mpfr_exp_t e = mpfr_get_exp(x);  // 2^(e-1) <= |x| < 2^e
  auto limit = static_cast<long>(std::min<std::size_t>(max_interval_exponent(), 1u << 30));
  if (e > limit)
    throw LimitError(ErrorId::limit_overflow, fmt::format("the value overflows: it exceeds 2^{} (raise the limit with --max-bits)", limit));
  if (e < -limit)
    throw LimitError(ErrorId::limit_overflow, fmt::format("the value underflows: it is not 0 but below 2^-{} (raise the limit with --max-bits)",
                                 limit));
}

std::size_t rational_bits(const Rational& q) {
  mpq_srcptr p = q.backend().data();
  return mpz_sizeinbase(mpq_numref(p), 2) + mpz_sizeinbase(mpq_denref(p), 2);
}

std::size_t& max_rational_bits() {
  thread_local std::size_t n = std::size_t{1} << 20;
  return n;
}

BitBudget& bit_budget() {
  thread_local BitBudget b{static_cast<std::size_t>(-1), 0};  // unlimited outside a run
  return b;
}

void check_bits(const Rational& q) {
  std::size_t bits = rational_bits(q);
  if (bits > max_rational_bits())
    throw LimitError(ErrorId::limit_bits, fmt::format("the value is too large: it has {} bits, more than the limit of {} (raise it with "
                                 "--max-bits)", bits, max_rational_bits()));
}

void charge_bits(std::size_t bits) {
  BitBudget& b = bit_budget();
  b.used += bits;
  if (b.used > b.limit)
    throw LimitError(ErrorId::limit_bits, fmt::format("the values computed so far hold more than {} bits together (raise the limit with "
                                 "--max-total-bits)", b.limit));
}

PrecisionWork& precision_work() {
  thread_local PrecisionWork w;
  return w;
}

void charge_precision_work(std::size_t ops) {
  PrecisionWork& w = precision_work();
  std::size_t digits = Interval::default_precision();
  w.used += ops * (digits * digits / 1024 + 1);
  if (w.used > w.limit)
    throw LimitError(ErrorId::limit_work, fmt::format("the interval arithmetic at {} digits of working precision exceeds the work limit "
                                 "of {} (lower the case's digits, or raise the limit with --max-precision-work)",
                                 digits, w.limit));
}

RationalWork& rational_work() {
  thread_local RationalWork w;
  return w;
}

std::size_t rational_cost(std::size_t bits) {
  if (bits <= 1024) return 0;
  // √bits rounded up to a power of two: within a factor of √2, never below.
  const std::size_t root = std::size_t{1} << ((std::bit_width(bits) + 1) / 2);
  return bits > (static_cast<std::size_t>(-1) >> 1) / root ? static_cast<std::size_t>(-1) >> 1 : bits * root / 4096;
}

void charge_rational_work(std::size_t units) {
  RationalWork& w = rational_work();
  if (units > w.limit - std::min(w.limit, w.used))
    throw LimitError(ErrorId::limit_work, fmt::format("the exact arithmetic on large numbers exceeds the run's work limit of {} "
                                 "(an operation on numbers of n bits counts n·√n / 4096; raise it with "
                                 "--max-rational-work)", w.limit));
  w.used += units;
}

void charge_rational_op(const Rational& a, const Rational& b) {
  mpq_srcptr x = a.backend().data(), y = b.backend().data();
  // Sizes in words first: most numbers are a word or two and cost nothing.
  std::size_t words = mpz_size(mpq_numref(x)) + mpz_size(mpq_denref(x)) + mpz_size(mpq_numref(y)) + mpz_size(mpq_denref(y));
  if (words <= 16) return;
  charge_rational_work(rational_cost(words * 64));
}

void charge_integer_op(mpz_srcptr a, mpz_srcptr b) {
  charge_rational_work(rational_cost(mpz_sizeinbase(a, 2) + mpz_sizeinbase(b, 2)));
}

// An exact result, held to the limit on the bits of one number.
static Real checked(Rational q) {
  check_bits(q);
  return q;
}

Real::Real(Interval i) : v_(std::move(i)) {
  const auto& b = std::get<Interval>(v_).backend().data()[0];
  check_endpoint(&b.left);
  check_endpoint(&b.right);
}

Interval to_interval(const Rational& q) {
  Interval r;
  mpfi_set_q(r.backend().data(), q.backend().data());
  return r;
}

static Rational mpfr_to_rational(mpfr_srcptr x) {
  Rational q;
  mpfr_get_q(q.backend().data(), x);
  return q;
}

Rational interval_lower(const Interval& i) {
  return mpfr_to_rational(&i.backend().data()[0].left);
}
Rational interval_upper(const Interval& i) {
  return mpfr_to_rational(&i.backend().data()[0].right);
}

Real Real::infinity(int sign) {
  Real r;
  r.v_ = Infinity{sign < 0 ? -1 : 1};
  return r;
}

static std::string_view infinity_text(int sign) { return sign < 0 ? "-inf" : "inf"; }

[[noreturn]] static void no_enclosure(int sign) {
  throw DomainError(ErrorId::eval_infinity, fmt::format("{} cannot be used here: only sums, products, exp, powers, max, min and "
                                "comparisons take an infinity", infinity_text(sign)));
}

Interval Real::enclosure() const {
  if (is_exact()) return to_interval(exact());
  if (is_infinite()) no_enclosure(infinity_sign());
  return std::get<Interval>(v_);
}
Rational Real::lower() const {
  if (is_infinite()) no_enclosure(infinity_sign());
  return is_exact() ? exact() : interval_lower(std::get<Interval>(v_));
}
Rational Real::upper() const {
  if (is_infinite()) no_enclosure(infinity_sign());
  return is_exact() ? exact() : interval_upper(std::get<Interval>(v_));
}

// --- identities ------------------------------------------------------------------------------

struct IdentityScope::Table {
  std::map<Rational, std::uint64_t> exact;
  std::map<std::tuple<char, std::uint64_t, std::uint64_t>, std::uint64_t> made;
};

namespace {

thread_local IdentityScope::Table* current_table = nullptr;

std::uint64_t fresh_identity() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

// Infinities are compared by value, never by identity.
std::uint64_t operand_identity(const Real& x) {
  if (x.is_interval()) return x.identity();
  if (x.is_infinite()) return 0;
  auto& exact = current_table->exact;
  auto it = exact.find(x.exact());
  if (it == exact.end()) it = exact.emplace(x.exact(), fresh_identity()).first;
  return it->second;
}

std::uint64_t made_identity(char op, std::uint64_t a, std::uint64_t b) {
  auto [it, fresh] = current_table->made.try_emplace({op, a, b}, 0);
  if (fresh) it->second = fresh_identity();
  return it->second;
}

}  // namespace

IdentityScope::IdentityScope() : saved_(current_table), table_(new Table) { current_table = table_; }
IdentityScope::~IdentityScope() {
  current_table = saved_;
  delete table_;
}

std::uint64_t identity_of(char op, const Real& a) {
  if (!current_table) return 0;
  std::uint64_t x = operand_identity(a);
  return x ? made_identity(op, x, 0) : 0;
}

std::uint64_t identity_of(char op, const Real& a, const Real& b) {
  if (!current_table) return 0;
  std::uint64_t x = operand_identity(a), y = x ? operand_identity(b) : 0;
  return x && y ? made_identity(op, x, y) : 0;
}

Real identified(Real r, char op, const Real& a) {
  if (r.is_interval() && current_table) r.set_identity(identity_of(op, a));
  return r;
}

Real identified(Real r, char op, const Real& a, const Real& b) {
  if (r.is_interval() && current_table) r.set_identity(identity_of(op, a, b));
  return r;
}

bool same_value(const Real& a, const Real& b) {
  if (a.is_exact() && b.is_exact()) return a.exact() == b.exact();
  if (a.is_infinite() || b.is_infinite()) return a.infinity_sign() == b.infinity_sign();
  return a.is_interval() && b.is_interval() && a.identity() != 0 && a.identity() == b.identity();
}

// --- values of literals and hulls ----------------------------------------------------------

Real real_of(const Literal& l) { return l.is_infinite() ? Real::infinity(l.infinity) : Real(l.value); }

Real real_between(const Rational& lo, const Rational& hi) {
  if (lo == hi) return lo;
  Interval r;
  mpfi_interv_q(r.backend().data(), lo.backend().data(), hi.backend().data());
  return Real(r);
}

Real hull(const Real& a, const Real& b) {
  if (a.is_infinite() || b.is_infinite()) {
    if (a.infinity_sign() == b.infinity_sign()) return a;
    throw DomainError(ErrorId::eval_infinity, "no finite range holds an infinity and another value");
  }
  if (same_value(a, b)) return a;
  Rational lo = a.lower(), hi = a.upper(), blo = b.lower(), bhi = b.upper();
  return real_between(blo < lo ? blo : lo, bhi > hi ? bhi : hi);
}

// --- arithmetic ----------------------------------------------------------------------------
// An infinity takes part where the extended reals define the result (x + -inf = -inf,
// x / inf = 0); inf - inf, 0 * inf and inf / inf are errors, as in DESIGN §3.

Real operator+(const Real& a, const Real& b) {
  if (a.is_infinite() || b.is_infinite()) {
    if (a.is_infinite() && b.is_infinite() && a.infinity_sign() != b.infinity_sign())
      throw DomainError(ErrorId::eval_undefined, "inf - inf is undefined");
    return a.is_infinite() ? a : b;
  }
  if (a.is_exact() && b.is_exact()) {
    charge_rational_op(a.exact(), b.exact());
    return checked(a.exact() + b.exact());
  }
  // x + 0 is x itself, known equal to what x is: e / (e + 0), a softmax beside -inf, is 1.
  if (b.is_exact() && b.exact() == 0) return a;
  if (a.is_exact() && a.exact() == 0) return b;
  charge_precision_work();
  return identified(Real(a.enclosure() + b.enclosure()), '+', a, b);
}
Real operator-(const Real& a, const Real& b) {
  if (a.is_infinite() || b.is_infinite()) return a + (-b);
  if (a.is_exact() && b.is_exact()) {
    charge_rational_op(a.exact(), b.exact());
    return checked(a.exact() - b.exact());
  }
  if (b.is_exact() && b.exact() == 0) return a;
  if (same_value(a, b)) return Rational(0);
  charge_precision_work();
  return identified(Real(a.enclosure() - b.enclosure()), '-', a, b);
}

// The sign of the other factor of an infinity, which must be certain and not 0.
static int factor_sign(const Real& x, const char* what) {
  if (x.is_infinite()) return x.infinity_sign();
  auto s = certain_sign(x);
  if (!s) throw Undecided(fmt::format("{} by a value whose sign is not yet certain", what));
  if (*s == 0) throw DomainError(ErrorId::eval_undefined, std::string(what) == "division" ? "inf / 0 is undefined" : "0 * inf is undefined");
  return *s;
}

Real operator*(const Real& a, const Real& b) {
  if (a.is_infinite() || b.is_infinite()) {
    int sa = factor_sign(a, "product"), sb = factor_sign(b, "product");
    return Real::infinity(sa * sb);
  }
  // An exact zero annihilates whatever the other factor's width.
  if ((a.is_exact() && a.exact() == 0) || (b.is_exact() && b.exact() == 0)) return Rational(0);
  if (a.is_exact() && b.is_exact()) {
    charge_rational_op(a.exact(), b.exact());
    return checked(a.exact() * b.exact());
  }
  // 1 x is x itself, the same value (and known equal to what x is).
  if (a.is_exact() && a.exact() == 1) return b;
  if (b.is_exact() && b.exact() == 1) return a;
  if (same_value(a, b)) return square(a);
  charge_precision_work();
  return identified(Real(a.enclosure() * b.enclosure()), '*', a, b);
}

Real square(const Real& a) {
  if (!a.is_interval()) return a * a;
  charge_precision_work();
  Interval r;
  Interval x = a.enclosure();
  mpfi_sqr(r.backend().data(), x.backend().data());
  return identified(Real(r), '*', a, a);
}
Real operator/(const Real& a, const Real& b) {
  if (b.is_exact() && b.exact() == 0) throw DomainError(ErrorId::eval_division_by_zero, "division by zero");
  if (b.is_infinite()) {
    if (a.is_infinite()) throw DomainError(ErrorId::eval_undefined, "inf / inf is undefined");
    return Rational(0);
  }
  if (a.is_infinite()) return Real::infinity(a.infinity_sign() * factor_sign(b, "division"));
  if (a.is_exact() && b.is_exact()) {
    charge_rational_op(a.exact(), b.exact());
    return checked(a.exact() / b.exact());
  }
  auto s = certain_sign(b);
  if (!s) throw Undecided("division by a value whose sign is not yet certain");
  // 0 / x and x / x are exact, whatever the width of x.
  if (a.is_exact() && a.exact() == 0) return Rational(0);
  if (same_value(a, b)) return Rational(1);
  charge_precision_work();
  return identified(Real(a.enclosure() / b.enclosure()), '/', a, b);
}
Real operator-(const Real& a) {
  if (a.is_infinite()) return Real::infinity(-a.infinity_sign());
  if (a.is_exact()) return Rational(-a.exact());
  return identified(Real(-a.enclosure()), 'n', a);
}

int compare(const Real& a, const Real& b) {
  if (a.is_infinite() || b.is_infinite()) {
    int x = a.infinity_sign(), y = b.infinity_sign();  // a finite value sits between -1 and 1
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  if (a.is_exact() && b.is_exact()) {
    charge_rational_op(a.exact(), b.exact());
    return a.exact() < b.exact() ? -1 : (a.exact() > b.exact() ? 1 : 0);
  }
  if (a.upper() < b.lower()) return -1;
  if (a.lower() > b.upper()) return 1;
  if (same_value(a, b)) return 0;
  throw Undecided("comparison of two values that agree to the working precision");
}

std::optional<int> certain_sign(const Real& a) {
  if (a.is_infinite()) return a.infinity_sign();
  if (a.is_exact()) return a.exact() < 0 ? -1 : (a.exact() > 0 ? 1 : 0);
  if (a.lower() > 0) return 1;
  if (a.upper() < 0) return -1;
  return std::nullopt;
}

namespace {

struct Significant {
  bool negative;
  std::string digits;
  long exponent;
};

// The n significant digits of x rounded half away from zero, and the decimal exponent of the
// first, from MPFR's correct truncation to n + 1 digits; nullopt where x may be halfway (the
// last of those is a 5), which only exact arithmetic tells.
std::optional<Significant> rounded_significant(mpfr_srcptr x, int n) {
  mpfr_exp_t e10 = 0;
  char* text = mpfr_get_str(nullptr, &e10, 10, static_cast<std::size_t>(n) + 1, x, MPFR_RNDZ);
  if (!text) return std::nullopt;
  std::string t(text);
  mpfr_free_str(text);
  bool negative = !t.empty() && t[0] == '-';
  if (negative) t.erase(0, 1);
  if (t.size() != static_cast<std::size_t>(n) + 1 || t.back() == '5') return std::nullopt;
  const bool up = t.back() > '5';
  t.pop_back();
  long exponent = static_cast<long>(e10) - 1;
  if (up) {
    auto i = t.size();
    while (i > 0 && t[i - 1] == '9') t[--i] = '0';
    if (i == 0) {
      t.insert(0, 1, '1');  // 9.99 -> 10.0
      t.pop_back();
      ++exponent;
    } else {
      ++t[i - 1];
    }
  }
  return Significant{negative, std::move(t), exponent};
}

}  // namespace

std::optional<std::string> certified_significant(const Real& x, int digits) {
  if (x.is_infinite()) return std::string(infinity_text(x.infinity_sign()));
  if (x.is_exact()) return to_significant_string(x.exact(), digits);
  // Both ends in MPFR first: their exact rationals cost tens of times more, and are needed only
  // where an end may be halfway between two roundings.
  mpfi_srcptr i = x.interval().backend().data();
  if (digits >= 1 && mpfr_regular_p(&i->left) && mpfr_regular_p(&i->right) && mpfr_sgn(&i->left) == mpfr_sgn(&i->right)) {
    auto a = rounded_significant(&i->left, digits), b = rounded_significant(&i->right, digits);
    if (a && b) {
      if (a->digits != b->digits || a->exponent != b->exponent) return std::nullopt;
      return format_significant(a->negative, std::move(a->digits), a->exponent);
    }
  }
  Rational lo = x.lower(), hi = x.upper();
  if (lo.sign() != hi.sign()) return std::nullopt;  // straddles zero: not even the sign is known
  // Rounding is monotone, so if both ends round to the same digits, every point does.
  std::string a = to_significant_string(lo, digits);
  if (a != to_significant_string(hi, digits)) return std::nullopt;
  return a;
}

std::string describe(const Real& x, int digits) {
  if (x.is_infinite()) return std::string(infinity_text(x.infinity_sign()));
  if (x.is_exact()) return to_readable_fraction(x.exact(), kReportFractionChars, std::max(digits, 20));
  if (auto s = certified_significant(x, digits)) {
    // Digits with no point read as an integer, which a sheet must match exactly.
    if (s->find_first_of(".e") == std::string::npos) return "≈" + *s;
    return *s;
  }
  return fmt::format("[{}, {}]", to_short_decimal(x.lower(), digits), to_short_decimal(x.upper(), digits));
}

}  // namespace handcheck
