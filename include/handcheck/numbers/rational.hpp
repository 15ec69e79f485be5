// Exact rationals: the number type of the hand pipeline and of every stated number.
#pragma once

#include <boost/multiprecision/gmp.hpp>
#include <optional>
#include <string>

namespace handcheck {

// Expression templates off: values may be held in `auto` safely.
using Rational = boost::multiprecision::number<boost::multiprecision::gmp_rational,
                                               boost::multiprecision::et_off>;
using Integer = boost::multiprecision::number<boost::multiprecision::gmp_int,
                                              boost::multiprecision::et_off>;

bool is_integer(const Rational& q);
Integer floor_int(const Rational& q);
Integer ceil_int(const Rational& q);
Integer trunc_int(const Rational& q);
Integer round_half_away(const Rational& q);  // 2.5 -> 3, -2.5 -> -3

// q^e for an integer e; throws DomainError for 0^negative and LimitError when the
// result would have more than `max_bits` bits.
Rational pow_int(const Rational& q, long e, std::size_t max_bits);
// The exact square root when q is the square of a rational.
std::optional<Rational> exact_sqrt(const Rational& q);
// The exact n-th root when it is rational (q >= 0 or n odd).
std::optional<Rational> exact_root(const Rational& q, unsigned long n);
// 10^e as a rational, e may be negative.
Rational pow10(long e);

// "p/q", or "p" for an integer.
std::string to_fraction_string(const Rational& q);
// Reports write rationals longer than this (digits of numerator and denominator) by their
// first significant digits: nobody reads a million digits, and a report of a thousand such
// values would not fit in memory. `handcheck key` writes them whole, under its own limit.
inline constexpr std::size_t kReportFractionChars = 1000;
// The decimal digits of q's numerator and denominator together, or one or two more.
std::size_t fraction_digits(const Rational& q);
// Whether to_fraction_string(q) may be longer than `max_chars` (by at most two characters).
bool fraction_longer_than(const Rational& q, std::size_t max_chars);
// to_fraction_string(q) where it fits in `max_chars`, else `digits` significant digits with
// "…" before any exponent ("1.234…e+300000").
std::string to_readable_fraction(const Rational& q, std::size_t max_chars, int digits);
// Fixed notation with exactly `decimals` decimals, rounded half away from zero.
std::string to_fixed_string(const Rational& q, int decimals);
// `digits` significant digits, rounded half away from zero, fixed notation where
// reasonable (|q| in [1e-6, 1e21)) and it needs no zeros beyond them (1.20260e6, not 1202600),
// scientific otherwise; trailing zeros kept.
std::string to_significant_string(const Rational& q, int digits);
// What to_significant_string writes for a number of that sign whose significant digits,
// rounded, are `digits` (as many as asked for) and whose first digit stands at 10^exponent.
std::string format_significant(bool negative, std::string digits, long exponent);
// A readable decimal for a report: the exact value when it terminates within
// `max_digits` significant digits, else `max_digits` significant digits followed by "…".
std::string to_short_decimal(const Rational& q, int max_digits = 6);
// The decimal exponent of |q| (q != 0): the e with 10^e <= |q| < 10^(e+1).
long decimal_exponent(const Rational& q);

}  // namespace handcheck
