// One callee called with different activity patterns: all arguments
// active, only the first, only the second, and only through an argument
// that is inactive in the caller (GRADGEN_CONST or detach). gradgen writes a
// pullback per pattern (g_pullback_<mask> variants) with adjoints only for
// active arguments, and the results are right for each.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// Distinct pullbacks, one per pattern; the one-active variants take a
// single adjoint pointer.
// CHECK-DAG: static void g_pullback{{(_[0-9]+)?}}(double a, double b, double d_ret, double *d_a, double *d_b)
// CHECK-DAG: static void g_pullback_{{[0-9]+}}(double a, double b, double d_ret, double *d_a)
// CHECK-DAG: static void g_pullback_{{[0-9]+}}(double a, double b, double d_ret, double *d_b)

static double g(double a, double b) { return std::sin(a) * b + a * b * b; }

GRADGEN_DIFFERENTIABLE
double f(double x, double y, GRADGEN_CONST double c) {
  double r = g(x, y);               // both active
  r = r + g(x, c);                  // only a
  r = r + g(c, y);                  // only b
  r = r + g(gradgen::detach(x), y); // only b again
  r = r + g(c, c) * x;              // neither: a plain call
  return r;
}

double f_grad(double x, double y, double c, double *d_x, double *d_y);

int main() {
  const double C = 0.8;
  std::vector<double> X = {0.4, -1.3};
  auto F = [C](const std::vector<double> &V) { return f(V[0], V[1], C); };
  double Dx = 0, Dy = 0;
  gg::near("value", f_grad(X[0], X[1], C, &Dx, &Dy), F(X));
  // d/dx excludes the detached path, so it differs from finite differences.
  double Y = X[1], Xv = X[0];
  double WantDx = std::cos(Xv) * Y + Y * Y                // g(x, y)
                  + std::cos(Xv) * C + C * C              // g(x, c)
                  + g(C, C);                              // g(c, c) * x
  double WantDy = std::sin(Xv) + 2 * Xv * Y               // g(x, y)
                  + std::sin(C) + 2 * C * Y               // g(c, y)
                  + std::sin(Xv) + 2 * Xv * Y;            // g(detach(x), y)
  gg::near("d/dx", Dx, WantDx);
  gg::near("d/dy", Dy, WantDy);
  gg::near("d/dy vs fd", Dy, gg::fd(F, X, 1), 1e-6);
  return gg::result();
}
