// --header with internal-linkage functions (static, anonymous namespace) in
// the input: their gradients cannot be called from another translation unit,
// so a translation unit that includes the header must still compile
// warning-free (no "declared static but never defined" / "unused function").
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp --header %t/gen.h -- -std=c++17
// RUN: FileCheck %s --input-file=%t/gen.h
// RUN: printf '#include "gen.h"\nint main() { double d = 0; return ext_grad(1.0, &d) == 2.0 && d == 4.0 ? 0 : 1; }\n' > %t/main.cpp
// RUN: %clangxx %cxxflags -I%t %t/main.cpp %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags -I%t %t/main.cpp %t/out.cpp -o %t/gcc && %t/gcc

// CHECK: double ext_grad(double x, double *d_x);

#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE
static double stat(double x) { return x * x; }

namespace {
GRADGEN_DIFFERENTIABLE
double hidden(double x) { return 3 * x; }
} // namespace

// Uses the internal functions so that the input itself is warning-free.
double use_internal(double x);
double use_internal(double x) { return stat(x) + hidden(x); }

// f = 2 x^2: f(1) = 2, f'(1) = 4.
GRADGEN_DIFFERENTIABLE
double ext(double x) { return 2 * x * x; }
