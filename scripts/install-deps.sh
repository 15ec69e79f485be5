#!/usr/bin/env bash
# Installs handcheck's build and test dependencies from Debian 12 packages.
# Idempotent: packages already present are skipped, and apt is not touched at all when
# nothing is missing. Usage: scripts/install-deps.sh [build|test|all]
set -euo pipefail

build_pkgs=(build-essential cmake ninja-build pkg-config
            libgmp-dev libmpfr-dev libmpfi-dev libboost-dev libboost-test-dev
            libfmt-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev)
test_pkgs=(python3)
browser_pkgs=(chromium nodejs npm)
tex_pkgs=(texlive-latex-base texlive-latex-recommended)

want=("${build_pkgs[@]}")
case "${1:-build}" in
  build) ;;
  test) want+=("${test_pkgs[@]}") ;;
  all) want+=("${test_pkgs[@]}" "${browser_pkgs[@]}" "${tex_pkgs[@]}") ;;
  *) echo "usage: $0 [build|test|all]" >&2; exit 2 ;;
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
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[[ $(id -u) == 0 ]] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
