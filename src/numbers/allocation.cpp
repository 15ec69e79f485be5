#include "handcheck/numbers/allocation.hpp"

#include <gmp.h>

#include <atomic>
#include <cstdlib>
#include <fmt/format.h>
#include <mutex>

#include "handcheck/error.hpp"

namespace handcheck {

namespace {

std::atomic<std::size_t> block_limit{std::size_t{1} << 32};

[[noreturn]] void refuse(std::size_t bytes) {
  std::size_t limit = block_limit.load();
  throw LimitError(ErrorId::limit_memory, bytes > limit ? fmt::format("a number needs {} bytes at once, over the limit of {}", bytes, limit)
                                 : fmt::format("out of memory: a number needs {} bytes at once", bytes));
}

// Same underlying malloc/realloc/free as GMP's own functions, so blocks made before the
// installation are freed correctly.
void* allocate(std::size_t bytes) {
  if (bytes > block_limit.load(std::memory_order_relaxed)) refuse(bytes);
  void* p = std::malloc(bytes);
  if (!p && bytes > 0) refuse(bytes);
  return p;
}

void* reallocate(void* old, std::size_t, std::size_t bytes) {
  if (bytes > block_limit.load(std::memory_order_relaxed)) refuse(bytes);
  void* p = std::realloc(old, bytes);
  if (!p && bytes > 0) refuse(bytes);  // the old block stays valid, and its owner frees it
  return p;
}

void release(void* p, std::size_t) { std::free(p); }

}  // namespace

void install_gmp_allocator() {
  static std::once_flag once;
  std::call_once(once, [] { mp_set_memory_functions(&allocate, &reallocate, &release); });
}

void set_gmp_block_limit(std::size_t bytes) { block_limit.store(bytes); }

std::size_t gmp_block_limit() { return block_limit.load(); }

}  // namespace handcheck
