#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for SECONDS (default
# 600), one after the other, from a seed corpus of cases/ and tests/bad/. A failing input is
# saved under build-fuzz/artifacts/TARGET/; copy it to tests/regressions/fuzz/TARGET/ once fixed.
#   fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(fuzz_literal fuzz_expression fuzz_loader fuzz_evaluate fuzz_cells fuzz_sheets)

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DHANDCHECK_FUZZ=ON -DHANDCHECK_STATIC=OFF -DHANDCHECK_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j2 --target "${targets[@]}"

for t in "${targets[@]}"; do
  corpus=build-fuzz/corpus/$t
  artifacts=build-fuzz/artifacts/$t
  mkdir -p "$corpus" "$artifacts"
  cp -n cases/*.yaml cases/*/*.yaml cases/*/*/*.yaml tests/bad/* "$corpus"/ 2>/dev/null || true
  [[ -d tests/regressions/fuzz/$t ]] && cp -n tests/regressions/fuzz/$t/* "$corpus"/ 2>/dev/null || true
  dict=()
  [[ $t == fuzz_expression || $t == fuzz_evaluate || $t == fuzz_loader ]] && dict=(-dict=fuzz/expr.dict)
  echo "== $t: $seconds s"
  build-fuzz/fuzz/$t "$corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=16384 -print_final_stats=1 -artifact_prefix="$artifacts/" 2>&1 | tee "build-fuzz/$t.log" | grep -E "^#[0-9]+ +(DONE|pulse)|stat::|ERROR|SUMMARY" || true
  if grep -qE "ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer)|runtime error|fuzz check failed" "build-fuzz/$t.log"; then
    echo "$t: failure, see build-fuzz/$t.log and $artifacts/" >&2
    exit 1
  fi
done
