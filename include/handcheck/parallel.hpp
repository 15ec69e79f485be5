// Runs independent jobs on several threads, results kept in input order by the caller (each
// job writes to its own slot).
#pragma once

#include <cstddef>
#include <functional>

namespace handcheck {

// The threads to use for `jobs` jobs when asked for `threads` (0: one per hardware thread).
unsigned thread_count(std::size_t jobs, unsigned threads = 0);

// Calls job(i) once for every i in [0, n) on up to `threads` threads (0: one per hardware
// thread). `progress(done)` runs on the calling thread about every `interval_ms`, and once
// more at the end. After a job throws, jobs not yet started are skipped; once every thread has
// stopped, the exception of the lowest-numbered job that threw is rethrown: jobs start in
// order, so it is the one a run on one thread would have raised.
void parallel_for(std::size_t n, const std::function<void(std::size_t)>& job, unsigned threads = 0,
                  const std::function<void(std::size_t done)>& progress = {}, unsigned interval_ms = 200);

}  // namespace handcheck
