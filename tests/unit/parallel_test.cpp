#include <boost/test/unit_test.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "handcheck/parallel.hpp"

using namespace handcheck;

namespace {

// Jobs 10 and 40 fail; job 10 only after job 40 has failed on the other thread.
std::string error_of_failing_run(unsigned threads) {
  std::atomic<bool> forty_failed{false};
  try {
    parallel_for(64, [&](std::size_t i) {
      if (i == 10) {
        for (int k = 0; k < 200 && !forty_failed; ++k) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        throw std::runtime_error("job 10");
      }
      if (i == 40) {
        forty_failed = true;
        throw std::runtime_error("job 40");
      }
    }, threads);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(parallel)

BOOST_AUTO_TEST_CASE(every_job_runs_once) {
  std::vector<std::atomic<int>> runs(1000);
  parallel_for(runs.size(), [&](std::size_t i) { ++runs[i]; }, 2);
  for (const auto& r : runs) BOOST_TEST(r.load() == 1);
}

BOOST_AUTO_TEST_CASE(the_lowest_numbered_failure_is_raised_as_on_one_thread) {
  BOOST_TEST(error_of_failing_run(1) == "job 10");
  BOOST_TEST(error_of_failing_run(2) == "job 10");  // job 40 failed first in time
}

BOOST_AUTO_TEST_SUITE_END()
