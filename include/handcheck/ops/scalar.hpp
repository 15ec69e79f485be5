// The scalar meaning of every function, once per number type, under the same names so
// that each matrix operation is written once (ops/registry.cpp) for all pipelines:
//   Rational  hand pipeline: exact, an error where the value is not rational;
//   Real      exact pipeline: exact where it can be, a certified interval otherwise;
//   Range     stated numbers standing for the range their printing allows (DESIGN §5).
#pragma once

#include <cstddef>
#include <string>

#include "handcheck/numbers/range.hpp"
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
  /* -1, 0, 1 (for Range: by the midpoints, for argmax) */    \
  int compare(const T& a, const T& b);                        \
  /* 1 where `a rel b` holds, 0 where it does not (Real:      \
     certified, Undecided on a tie it cannot separate; Range:  \
     [0, 1] where the ranges allow both) */                    \
  T holds(Relation rel, const T& a, const T& b);              \
  /* a where cond is not 0, b where it is */                  \
  T select(const T& cond, const T& a, const T& b);            \
  /* an integer argument such as col(M, 2); DomainError else */ \
  long to_index(const T& x);

HANDCHECK_SCALAR_OPS(Rational)
HANDCHECK_SCALAR_OPS(Real)
HANDCHECK_SCALAR_OPS(Range)
#undef HANDCHECK_SCALAR_OPS

template <class T>
T from_integer(long n) {
  return T(Rational(n));
}

}  // namespace handcheck::scalar
