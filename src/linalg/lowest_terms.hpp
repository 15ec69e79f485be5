// Many rationals that share one denominator, put in lowest terms together (private to
// src/linalg). A column of a product or of a quotient by a column sum shares its denominator;
// reducing it cell by cell costs a gcd of two large numbers per cell.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>
#include <vector>

#include "handcheck/linalg/matrix.hpp"
#include "handcheck/numbers/rational.hpp"

namespace handcheck::linalg_detail {

inline mpz_srcptr num(const Rational& q) { return mpq_numref(q.backend().data()); }
inline mpz_srcptr den(const Rational& q) { return mpq_denref(q.backend().data()); }

// The least common multiple of the denominators of `count` values `stride` apart. Each lcm
// of large numbers is counted in the run's rational work (call it on the run's thread);
// nullopt once the multiple has more than `cap` bits.
std::optional<Integer> common_denominator(const Rational* first, std::size_t count, std::size_t stride,
                                          std::size_t cap = static_cast<std::size_t>(-1));
std::optional<Integer> common_denominator(const std::vector<const Rational*>& values,
                                          std::size_t cap = static_cast<std::size_t>(-1));

// q as an integer over the common denominator l: num(q) * (l / den(q)).
Integer scaled(const Rational& q, const Integer& l);
// The same without a copy where den(q) is l: num(q) itself; otherwise a new integer kept in
// `store` (a deque: what it holds does not move).
mpz_srcptr scaled_ref(const Rational& q, const Integer& l, std::deque<Integer>& store);

// The rational work of scaled(q, l): none where den(q) is l.
std::size_t scaling_cost(const Rational& q, const Integer& l);

// Machine words of the numbers, to decide whether splitting work over threads pays.
std::size_t limbs(const Matrix<Rational>& m);
// The threads for work on numbers of `limbs` words in all (for parallel_for): the calling
// thread alone below about a megabyte, where starting threads costs more than it saves.
unsigned threads_for(std::size_t limbs);

// Sets out[k] = nums[k] / d in lowest terms, d > 0. nums[k] may be out[k]'s own numerator.
void reduce_over(const std::vector<mpz_srcptr>& nums, mpz_srcptr d, const std::vector<mpq_ptr>& out);

}  // namespace handcheck::linalg_detail
