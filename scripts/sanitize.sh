#!/usr/bin/env bash
# The whole test suite, built with AddressSanitizer (leaks included) and
# UndefinedBehaviorSanitizer; any report fails the run. Dependencies as for the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-asan -DHANDCHECK_SANITIZE=ON -DHANDCHECK_STATIC=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build-asan -j2
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build-asan --output-on-failure --timeout 1200
