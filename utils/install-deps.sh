#!/usr/bin/env bash
# Installs what gradgen needs to build and test on Debian 12 (run as root).
# Installs only what is missing; safe to run again. libclang-rt-19-dev (the
# sanitizer runtimes clang++-19 links for the sanitizer suite) is only a
# recommendation of clang-19, which --no-install-recommends skips.
set -euo pipefail
pkgs=(cmake ninja-build g++ python3 llvm-19-dev libclang-19-dev clang-19
      llvm-19-tools libclang-rt-19-dev libgtest-dev libbenchmark-dev)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "gradgen: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
