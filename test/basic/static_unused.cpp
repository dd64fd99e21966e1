// A static (or anonymous-namespace) differentiable function whose program
// calls only the _grad, not the _pullback: the generated code must still
// compile warning-free (-Wall -Wextra -Werror), i.e. no -Wunused-function for
// the generated internal-linkage function that is not called.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
static double stat(double x) { return std::exp(x) * x; }

namespace {
GRADGEN_DIFFERENTIABLE
double hidden(double x) { return std::sin(x) * x; }
} // namespace

static double stat_grad(double x, double *d_x);
namespace {
double hidden_grad(double x, double *d_x);
}

int main() {
  for (double X : {-1.5, 0.5, 2.0}) {
    double D = 0;
    gg::near("stat", stat_grad(X, &D), stat(X), 0);
    gg::near("stat'", D, std::exp(X) * (X + 1), 1e-15);
    D = 0;
    gg::near("hidden", hidden_grad(X, &D), hidden(X), 0);
    gg::near("hidden'", D, std::cos(X) * X + std::sin(X), 1e-15);
  }
  return gg::result();
}
