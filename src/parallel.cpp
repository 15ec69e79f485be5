#include "handcheck/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mpfr.h>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace handcheck {

unsigned thread_count(std::size_t jobs, unsigned threads) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, jobs)));
}

namespace {

// On the calling thread: no thread start, no second malloc arena.
void serial_for(std::size_t n, const std::function<void(std::size_t)>& job,
                const std::function<void(std::size_t)>& progress) {
  for (std::size_t i = 0; i < n; ++i) {
    job(i);
    if (progress) progress(i + 1);
  }
}

// Up to t threads running `work`; fewer, or none, where a limit on processes or memory
// refuses one.
template <class F>
std::vector<std::thread> start_threads(unsigned t, F& work) {
  std::vector<std::thread> pool;
  pool.reserve(t);
  for (unsigned k = 0; k < t; ++k) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  return pool;
}

}  // namespace

void parallel_for(std::size_t n, const std::function<void(std::size_t)>& job, unsigned threads,
                  const std::function<void(std::size_t)>& progress, unsigned interval_ms) {
  unsigned t = thread_count(n, threads);
  if (t == 1) return serial_for(n, job, progress);
  std::atomic<std::size_t> next{0}, done{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::size_t error_job = n;
  std::mutex m;
  std::condition_variable finished;
  std::size_t running = t;
  auto work = [&] {
    // MPFR keeps constants (log 2, pi, e) per thread; they must be freed before the thread ends.
    struct FreeMpfrCache {
      ~FreeMpfrCache() { mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE); }
    } free_cache;
    for (;;) {
      std::size_t i = next.fetch_add(1);
      if (i >= n || failed.load()) break;
      try {
        job(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(m);
        if (i < error_job) {
          error = std::current_exception();
          error_job = i;
        }
        failed = true;
      }
      done.fetch_add(1);
    }
    std::lock_guard<std::mutex> lock(m);
    if (--running == 0) finished.notify_all();
  };
  std::vector<std::thread> pool = start_threads(t, work);
  if (pool.size() < t) {
    std::lock_guard<std::mutex> lock(m);
    running -= t - pool.size();
  }
  if (pool.empty()) return serial_for(n, job, progress);
  {
    std::unique_lock<std::mutex> lock(m);
    while (running > 0) {
      finished.wait_for(lock, std::chrono::milliseconds(interval_ms));
      if (progress && running > 0) {
        lock.unlock();
        progress(done.load());
        lock.lock();
      }
    }
  }
  for (auto& th : pool) th.join();
  if (progress) progress(done.load());
  if (error) std::rethrow_exception(error);
}

}  // namespace handcheck
