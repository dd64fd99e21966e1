// A parameter whose name is the contract's adjoint name of another parameter
// (d_f next to f), and locals named like the generator's internals (_ret,
// _d_x, _t0): the generated code must still compile and be right. The
// adjoint names may change; the order and types of the adjoint parameters
// may not.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include "../Inputs/gg_check.h"

// f(f, d_f) = f^2 d_f.
GRADGEN_DIFFERENTIABLE
double clash(double f, double d_f) { return f * f * d_f; }

// Locals named like generated temporaries.
GRADGEN_DIFFERENTIABLE
double internals(double x) {
  double _ret = x * x;
  double _d_x = _ret * x;
  double _t0 = _d_x + _ret;
  return _t0;
}

double clash_grad(double f, double d_f, double *A, double *B);
double internals_grad(double x, double *d_x);

int main() {
  for (double X : {-1.5, 0.5, 2.0}) {
    double A = 0, B = 0;
    gg::near("clash value", clash_grad(X, 3.0, &A, &B), 3 * X * X, 0);
    gg::near("clash d/df", A, 6 * X, 0);
    gg::near("clash d/dd_f", B, X * X, 0);
    double D = 0;
    gg::near("internals value", internals_grad(X, &D), X * X * X + X * X, 0);
    gg::near("internals d/dx", D, 3 * X * X + 2 * X, 1e-15);
  }
  return gg::result();
}
