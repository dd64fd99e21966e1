// An active parameter that never influences the result: a warning at the
// parameter, and generation still succeeds (exit 0) with a zero gradient for
// it. Parameters that are GRADGEN_CONST or integer get no warning.
// (The input has unused parameters and a dead local on purpose, so the
// compiles here allow those warnings; basic/silenced_unused.cpp checks that
// silencing them in the input silences them in the output.)
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 > %t/err.txt 2>&1
// RUN: FileCheck %s < %t/err.txt
// RUN: %clangxx %cxxflags -Wno-unused-parameter -Wno-unused-variable %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags -Wno-unused-parameter -Wno-unused-variable %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// CHECK-NOT: error
// CHECK: {{.*}}unused_param.cpp:[[@LINE+2]]:32: warning: parameter 'y' does not influence the result of 'unused'; its gradient is always zero
GRADGEN_DIFFERENTIABLE
double unused(double x, double y) { return x * 2; }

// Used only in a dead store (a pointer parameter likewise).
GRADGEN_DIFFERENTIABLE
// CHECK: {{.*}}unused_param.cpp:[[@LINE+2]]:30: warning: parameter 'd' does not influence the result of 'dead'
// CHECK: {{.*}}unused_param.cpp:[[@LINE+1]]:57: warning: parameter 'v' does not influence the result of 'dead'
double dead(double x, double d, double w, const double *v) {
  double t = d * 3;
  double s = v[0] * t;
  double u = x * w;
  return u;
}

// No warning for constants or integers.
GRADGEN_DIFFERENTIABLE
double quiet(double x, GRADGEN_CONST double c, int n) { return x; }
// CHECK-NOT: warning: parameter 'c'
// CHECK-NOT: warning: parameter 'n'
// CHECK: 3 warnings generated
// CHECK-NOT: error

double unused_grad(double x, double y, double *d_x, double *d_y);
double dead_grad(double x, double d, double w, const double *v, double *d_x,
                 double *d_d, double *d_w, double *d_v);
double quiet_grad(double x, double c, int n, double *d_x);

int main() {
  for (double X : {-1.5, 0.5, 2.0}) {
    double DX = 0, DY = 0;
    gg::near("unused value", unused_grad(X, 3, &DX, &DY), 2 * X, 0);
    gg::near("unused d/dx", DX, 2, 0);
    gg::near("unused d/dy", DY, 0, 0);
    double V[1] = {4}, DD = 0, DW = 0, DV[1] = {0};
    DX = 0;
    gg::near("dead value", dead_grad(X, 5, 7, V, &DX, &DD, &DW, DV), 7 * X, 0);
    gg::near("dead d/dx", DX, 7, 0);
    gg::near("dead d/dd", DD, 0, 0);
    gg::near("dead d/dw", DW, X, 0);
    gg::near("dead d/dv", DV[0], 0, 0);
    DX = 0;
    quiet_grad(X, 1, 2, &DX);
    gg::near("quiet d/dx", DX, 1, 0);
  }
  return gg::result();
}
