#!/usr/bin/env bash
# Installs handcheck's build and test dependencies from Debian 12 packages.
# Idempotent: packages already present are skipped, and apt is not touched at all when
# nothing is missing. `test` and `all` also install the npm packages of the browser test
# (tests/browser) and of the lint tests (tests/lint) when they are absent. Usage: scripts/install-deps.sh [build|test|bench|fuzz|all]
set -euo pipefail

# libboost-dev also serves Boost.Locale's header-only UTF-8 routines (src/text.cpp): no library to link.
build_pkgs=(build-essential cmake ninja-build pkg-config
            libgmp-dev libmpfr-dev libmpfi-dev libboost-dev libboost-test-dev
            libfmt-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev
            python3-dev pybind11-dev python3-pybind11)
test_pkgs=(python3 python3-pytest python3-jsonschema python3-yaml clang-tidy)
browser_pkgs=(chromium nodejs npm)
tex_pkgs=(texlive-latex-base texlive-latex-recommended)
bench_pkgs=(libbenchmark-dev hyperfine time)
fuzz_pkgs=(clang libclang-rt-14-dev)

want=("${build_pkgs[@]}")
case "${1:-build}" in
  build) ;;
  test) want+=("${test_pkgs[@]}" "${browser_pkgs[@]}" "${tex_pkgs[@]}") ;;
  bench) want+=("${bench_pkgs[@]}") ;;
  fuzz) want+=("${fuzz_pkgs[@]}") ;;
  all) want+=("${test_pkgs[@]}" "${browser_pkgs[@]}" "${tex_pkgs[@]}" "${bench_pkgs[@]}" "${fuzz_pkgs[@]}") ;;
  *) echo "usage: $0 [build|test|bench|fuzz|all]" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node and npm may come from outside Debian on some machines; accept any working ones.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#want[@]} packages present"
else
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [[ $(id -u) == 0 ]] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The browser test drives Chromium with playwright-core, pinned by tests/browser/package-lock.json.
# Never downloads a browser: the test uses Debian's /usr/bin/chromium. The lint tests run ESLint
# and Stylelint, pinned by tests/lint/package-lock.json (Debian has no CSS linter).
if [[ ${1:-build} == test || ${1:-build} == all ]]; then
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  if [[ -d $root/tests/browser/node_modules/playwright-core ]]; then
    echo "install-deps: tests/browser/node_modules present"
  else
    echo "install-deps: npm ci in tests/browser"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$root/tests/browser" --no-audit --no-fund
  fi
  if [[ -d $root/tests/lint/node_modules/eslint && -d $root/tests/lint/node_modules/stylelint ]]; then
    echo "install-deps: tests/lint/node_modules present"
  else
    echo "install-deps: npm ci in tests/lint"
    npm ci --prefix "$root/tests/lint" --no-audit --no-fund
  fi
fi
