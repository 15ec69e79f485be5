#include "handcheck/numbers/literal.hpp"

#include <fmt/format.h>

#include "handcheck/error.hpp"

namespace handcheck {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The character at s[i] for a message: whole when it is not ASCII, so the message stays UTF-8.
std::string character_at(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c >= 0x20 && c < 0x7F) return fmt::format("'{}'", s[i]);
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  bool whole = n > 0 && i + n <= s.size();
  for (std::size_t k = 1; whole && k < n; ++k) whole = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  return whole ? fmt::format("'{}'", s.substr(i, n)) : fmt::format("byte 0x{:02X}", c);
}

[[noreturn]] void bad(std::string_view text, std::string_view why) {
  throw DomainError(ErrorId::load_number, fmt::format("malformed number '{}': {}", text, why));
}

// An optionally signed run of digits; returns its digits and sign.
struct Digits {
  bool negative = false;
  std::string digits;
};

Digits signed_integer(std::string_view s, std::string_view whole) {
  Digits d;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    d.negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) bad(whole, "digits expected");
  for (std::size_t i = 0; i < s.size(); ++i)
    if (!is_digit(s[i])) bad(whole, fmt::format("unexpected character {}", character_at(s, i)));
  d.digits = std::string(s);
  return d;
}

// -1 or 1 when s spells an infinity, else 0. Letters are compared without case: `-Inf`,
// `-INF`, YAML's `-.inf`, and the sign `∞`.
int infinity_of(std::string_view s) {
  int sign = 1;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    sign = s[0] == '-' ? -1 : 1;
    s.remove_prefix(1);
  }
  if (s == "\xE2\x88\x9E") return sign;  // ∞
  if (!s.empty() && s[0] == '.') s.remove_prefix(1);
  std::string lower(s);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return lower == "inf" || lower == "infinity" ? sign : 0;
}

}  // namespace

Literal parse_finite_literal(std::string_view raw, const LiteralLimits& limits) {
  Literal lit = parse_literal(raw, limits);
  if (lit.is_infinite()) bad(lit.text, "an infinity is not allowed here");
  return lit;
}

namespace {

// "p/q", each side a signed integer.
Rational fraction_value(std::string_view text, std::size_t slash) {
  Digits p = signed_integer(trim(text.substr(0, slash)), text);
  Digits q = signed_integer(trim(text.substr(slash + 1)), text);
  auto strip = [](std::string& d) { d.erase(0, std::min(d.find_first_not_of('0'), d.size() - 1)); };
  strip(p.digits);
  strip(q.digits);
  Integer den(q.digits);
  if (den == 0) bad(text, "zero denominator");
  Integer num(p.digits);
  Rational value(num, den);
  return p.negative != q.negative ? Rational(-value) : value;
}

// A decimal with an optional exponent: its value, and its decimals when it has a point or an
// exponent.
void decimal_value(std::string_view text, const LiteralLimits& limits, Literal& lit) {
  std::size_t i = 0;
  bool negative = false;
  if (text[i] == '+' || text[i] == '-') negative = text[i++] == '-';
  std::string mantissa;
  std::size_t int_digits = 0, frac_digits = 0;
  while (i < text.size() && is_digit(text[i])) { mantissa += text[i++]; ++int_digits; }
  bool has_point = i < text.size() && text[i] == '.';
  if (has_point) {
    ++i;
    while (i < text.size() && is_digit(text[i])) { mantissa += text[i++]; ++frac_digits; }
  }
  if (int_digits + frac_digits == 0) bad(text, "digits expected");
  long exponent = 0;
  bool has_exponent = i < text.size() && (text[i] == 'e' || text[i] == 'E');
  if (has_exponent) {
    ++i;
    Digits e = signed_integer(text.substr(i), text);
    // Leading zeros say nothing of the size: 1e0000001 is 10.
    e.digits.erase(0, std::min(e.digits.find_first_not_of('0'), e.digits.size() - 1));
    if (e.digits.size() > 6 || std::stol(e.digits) > limits.max_exponent)
      throw LimitError(ErrorId::limit_number_length, fmt::format("exponent of '{}' is too large (limit {}; raise it with --max-number-length)",
                                   text, limits.max_exponent));
    exponent = std::stol(e.digits) * (e.negative ? -1 : 1);
    i = text.size();
  }
  if (i != text.size()) bad(text, fmt::format("unexpected character {}", character_at(text, i)));

  // GMP would read a leading 0 as octal.
  mantissa.erase(0, std::min(mantissa.find_first_not_of('0'), mantissa.size() - 1));
  long scale = exponent - static_cast<long>(frac_digits);
  lit.value = Rational(Integer(mantissa)) * pow10(scale);
  if (negative) lit.value = -lit.value;
  if (has_point || has_exponent) lit.decimals = static_cast<int>(std::max(0L, -scale));
}

}  // namespace

Literal parse_literal(std::string_view raw, const LiteralLimits& limits) {
  std::string_view text = trim(raw);
  if (text.size() > limits.max_length)
    throw LimitError(ErrorId::limit_number_length, fmt::format("number of {} characters (limit {}; raise it with --max-number-length)",
                                 text.size(), limits.max_length));
  if (text.empty()) bad(raw, "empty");
  Literal lit;
  lit.text = std::string(text);
  if (text.size() <= 12) {
    if (int inf = infinity_of(text)) {
      lit.infinity = inf;
      return lit;
    }
  }
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    lit.value = fraction_value(text, slash);
    return lit;
  }
  decimal_value(text, limits, lit);
  return lit;
}

}  // namespace handcheck
