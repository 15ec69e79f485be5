// The scalar meaning of every function over Real, the one number type of both pipelines
// (DESIGN §3): exact where the value is rational, a certified interval otherwise, and the
// infinities where the extended reals define the result. A step function (floor, round,
// sign...) of an interval that straddles a step gives the interval of its possible values,
// never a guess: the pipelines raise the precision until it is decided or report it
// undecided. The rational helpers share the names, for the exact parts.
#pragma once

#include <cstddef>
#include <string>

#include "handcheck/numbers/rational.hpp"
#include "handcheck/numbers/real.hpp"

namespace handcheck::scalar {

// Limits that keep one scalar operation from running away.
struct Limits {
  std::size_t max_bits = 1u << 20;  // bits of a numerator or denominator made by ^
};
Limits& limits();  // the current thread's

// The relations of the comparison functions gt, ge, lt, le, eq.
enum class Relation { gt, ge, lt, le, eq };

// Whether `a rel b` holds, given compare(a, b).
inline bool relation_holds(Relation rel, int cmp) {
  switch (rel) {
    case Relation::gt: return cmp > 0;
    case Relation::ge: return cmp >= 0;
    case Relation::lt: return cmp < 0;
    case Relation::le: return cmp <= 0;
    case Relation::eq: return cmp == 0;
  }
  return false;
}

#define HANDCHECK_SCALAR_OPS(T)                               \
  T div(const T& a, const T& b);                              \
  T floor(const T& x);                                        \
  T ceil(const T& x);                                         \
  T round(const T& x);                                        \
  T trunc(const T& x);                                        \
  T abs(const T& x);                                          \
  T sign(const T& x);                                         \
  T relu(const T& x);                                         \
  T min(const T& a, const T& b);                              \
  T max(const T& a, const T& b);                              \
  T pow(const T& a, const T& b);                              \
  T exp(const T& x);                                          \
  T log(const T& x);                                          \
  T sqrt(const T& x);                                         \
  T sin(const T& x);                                          \
  T cos(const T& x);                                          \
  T tanh(const T& x);                                         \
  T sigmoid(const T& x);                                      \
  /* x * Phi(x) = x/2 * (1 + erf(x / sqrt(2))) */            \
  T gelu(const T& x);                                         \
  /* -1, 0, 1; Undecided when the precision cannot tell */   \
  int compare(const T& a, const T& b);                        \
  /* 1 where `a rel b` holds, 0 where it does not, [0, 1]     \
     while the precision cannot tell */                        \
  T holds(Relation rel, const T& a, const T& b);              \
  /* a where cond is not 0, b where it is, both while the     \
     precision cannot tell */                                  \
  T select(const T& cond, const T& a, const T& b);            \
  /* an integer argument such as col(M, 2); DomainError else, \
     Undecided for an interval */                              \
  long to_index(const T& x);

HANDCHECK_SCALAR_OPS(Real)
#undef HANDCHECK_SCALAR_OPS

// x rounded (floored, ceiled) to d decimals: round(x, 1) of 2.718... is 2.7.
Real round_to(const Real& x, long d);
Real floor_to(const Real& x, long d);
Real ceil_to(const Real& x, long d);

// Exact helpers over rationals.
Rational floor(const Rational& x);
Rational ceil(const Rational& x);
Rational round(const Rational& x);
Rational trunc(const Rational& x);
Rational relu(const Rational& x);
Rational min(const Rational& a, const Rational& b);
Rational max(const Rational& a, const Rational& b);
// a ^ b when it is rational; a DomainError (eval.not-rational) when it is not, LimitError past the bit limit.
Rational pow(const Rational& a, const Rational& b);
long to_index(const Rational& x);

template <class T>
T from_integer(long n) {
  return T(Rational(n));
}

}  // namespace handcheck::scalar
