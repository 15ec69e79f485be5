#include "lowest_terms.hpp"

#include <algorithm>

#include "handcheck/numbers/real.hpp"

namespace handcheck::linalg_detail {

namespace {

void set_quotient(mpq_ptr out, mpz_srcptr n, mpz_srcptr d) {
  mpz_set(mpq_numref(out), n);
  mpz_set(mpq_denref(out), d);
}

void reduce_each(const std::vector<mpz_srcptr>& nums, mpz_srcptr d, const std::vector<mpq_ptr>& out) {
  for (std::size_t k = 0; k < nums.size(); ++k) {
    set_quotient(out[k], nums[k], d);
    mpq_canonicalize(out[k]);
  }
}

// When the nonzero numerators, ordered by size, each divide the next (powers of one base, as
// 3^x over its column sum), every gcd(n, d) divides g = gcd(largest, d), and gcd(n, d) is
// gcd(n, g): one gcd of large numbers for the whole line. False when the chain breaks.
bool reduce_divisor_chain(const std::vector<mpz_srcptr>& nums, mpz_srcptr d, const std::vector<mpq_ptr>& out) {
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < nums.size(); ++k)
    if (mpz_sgn(nums[k]) != 0) order.push_back(k);
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return mpz_cmpabs(nums[x], nums[y]) < 0; });
  // step[k]: the next numerator over this one, small where the chain is dense.
  std::vector<Integer> step(order.empty() ? 0 : order.size() - 1);
  Integer rest;
  for (std::size_t k = 0; k + 1 < order.size(); ++k) {
    mpz_tdiv_qr(step[k].backend().data(), rest.backend().data(), nums[order[k + 1]], nums[order[k]]);
    if (mpz_sgn(rest.backend().data()) != 0) return false;
  }
  for (std::size_t k = 0; k < nums.size(); ++k)
    if (mpz_sgn(nums[k]) == 0) mpq_set_ui(out[k], 0, 1);
  if (order.empty()) return true;
  Integer g, reduced;
  mpz_ptr gp = g.backend().data(), rp = reduced.backend().data();
  mpz_gcd(gp, nums[order.back()], d);
  if (mpz_cmp_ui(gp, 1) == 0) {
    for (std::size_t k : order) set_quotient(out[k], nums[k], d);
    return true;
  }
  if (mpz_divisible_p(nums[order.front()], gp)) {
    // g divides every numerator: the smallest over g, then each the last one times its step
    // (a product by a small number where a division by g was).
    mpz_divexact(rp, d, gp);
    mpz_divexact(mpq_numref(out[order[0]]), nums[order[0]], gp);
    for (std::size_t k = 1; k < order.size(); ++k)
      mpz_mul(mpq_numref(out[order[k]]), mpq_numref(out[order[k - 1]]), step[k - 1].backend().data());
    for (std::size_t k : order) mpz_set(mpq_denref(out[k]), rp);
    return true;
  }
  for (std::size_t k : order) {
    mpz_gcd(rp, nums[k], gp);
    mpz_divexact(mpq_numref(out[k]), nums[k], rp);
    mpz_divexact(mpq_denref(out[k]), d, rp);
  }
  return true;
}

// Every prime a cell shares with d divides G = gcd(prod nums mod d, d), so each cell needs
// only a gcd with the part of d made of G's primes, which is usually small. False when it is
// not.
bool reduce_by_smooth_part(const std::vector<mpz_srcptr>& nums, mpz_srcptr d, const std::vector<mpq_ptr>& out) {
  Integer product = 1, r, g;
  mpz_ptr pp = product.backend().data(), rp = r.backend().data(), gp = g.backend().data();
  for (mpz_srcptr n : nums) {
    mpz_mod(rp, n, d);
    mpz_mul(pp, pp, rp);
    mpz_mod(pp, pp, d);
  }
  mpz_gcd(gp, pp, d);  // gcd(0, d) = d: some cell is a multiple of d
  // smooth: the part of d made of the primes of g, with their multiplicity in d.
  Integer rest, smooth = 1;
  mpz_ptr restp = rest.backend().data(), sp = smooth.backend().data();
  mpz_set(restp, d);
  while (mpz_cmp_ui(gp, 1) != 0) {
    mpz_gcd(gp, restp, gp);
    if (mpz_cmp_ui(gp, 1) == 0) break;
    mpz_divexact(restp, restp, gp);
    mpz_mul(sp, sp, gp);
    mpz_mul(gp, gp, gp);
  }
  if (4 * mpz_sizeinbase(sp, 2) > mpz_sizeinbase(d, 2)) return false;
  for (std::size_t k = 0; k < nums.size(); ++k) {
    mpz_srcptr n = nums[k];
    mpz_gcd(gp, n, sp);
    mpz_divexact(mpq_numref(out[k]), n, gp);
    mpz_divexact(mpq_denref(out[k]), d, gp);
  }
  return true;
}

}  // namespace

std::optional<Integer> common_denominator(const Rational* first, std::size_t count, std::size_t stride,
                                          std::size_t cap) {
  std::vector<const Rational*> values(count);
  for (std::size_t k = 0; k < count; ++k) values[k] = first + k * stride;
  return common_denominator(values, cap);
}

std::optional<Integer> common_denominator(const std::vector<const Rational*>& values, std::size_t cap) {
  Integer l = 1;
  mpz_ptr lp = l.backend().data();
  for (const Rational* q : values) {
    mpz_srcptr d = den(*q);
    // Denominators in a line often repeat or divide one another: skip the lcm then.
    if (mpz_cmp_ui(d, 1) == 0 || mpz_divisible_p(lp, d)) continue;
    charge_integer_op(lp, d);
    mpz_lcm(lp, lp, d);
    if (mpz_sizeinbase(lp, 2) > cap) return std::nullopt;
  }
  return l;
}

Integer scaled(const Rational& q, const Integer& l) {
  Integer v;
  mpz_ptr vp = v.backend().data();
  if (mpz_sgn(num(q)) == 0) return v;
  if (mpz_cmp(den(q), l.backend().data()) == 0) {
    mpz_set(vp, num(q));
  } else {
    mpz_divexact(vp, l.backend().data(), den(q));
    mpz_mul(vp, vp, num(q));
  }
  return v;
}

std::size_t scaling_cost(const Rational& q, const Integer& l) {
  mpz_srcptr lp = l.backend().data();
  if (mpz_sgn(num(q)) == 0 || mpz_cmp(den(q), lp) == 0) return 0;
  return rational_cost(mpz_sizeinbase(num(q), 2) + mpz_sizeinbase(lp, 2));
}

std::size_t limbs(const Matrix<Rational>& m) {
  std::size_t n = 0;
  for (const Rational& q : m) n += mpz_size(num(q)) + mpz_size(den(q));
  return n;
}

unsigned threads_for(std::size_t limbs) { return limbs < (std::size_t{1} << 17) ? 1 : 0; }

mpz_srcptr scaled_ref(const Rational& q, const Integer& l, std::deque<Integer>& store) {
  if (mpz_cmp(den(q), l.backend().data()) == 0) return num(q);
  return store.emplace_back(scaled(q, l)).backend().data();
}

void reduce_over(const std::vector<mpz_srcptr>& nums, mpz_srcptr dp, const std::vector<mpq_ptr>& out) {
  if (mpz_cmp_ui(dp, 1) == 0 || nums.size() < 4) return reduce_each(nums, dp, out);
  if (reduce_divisor_chain(nums, dp, out) || reduce_by_smooth_part(nums, dp, out)) return;
  reduce_each(nums, dp, out);
}

}  // namespace handcheck::linalg_detail
