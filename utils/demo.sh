#!/usr/bin/env bash
# README command 1: install what is missing, build gradgen, and run it on the
# seed example, printing the gradient.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash utils/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
mkdir -p build/examples
build/bin/gradgen examples/seed.cpp -o build/examples/seed_grad.cpp \
  --header build/examples/seed_grad.h
c++ -std=c++17 -O2 -Wall -Wextra -Iinclude -Ibuild/examples \
  build/examples/seed_grad.cpp examples/seed_main.cpp -o build/examples/seed
build/examples/seed
