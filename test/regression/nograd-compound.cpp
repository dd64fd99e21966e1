// Found by the random tester: a compound assignment after a no_grad guard
// (t -= g(a)) kept the gradient of t's old value. The value assigned after
// the guard carries no gradient at all: t is cut, a and x get nothing
// through it.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double f(double x, double a) {
  double t = x * x;
  {
    gradgen::no_grad guard;
    t -= std::atan(1.5 + a);
  }
  return t * a + x;
}

GRADGEN_DIFFERENTIABLE
double g(double x, double a) {
  double t = x * x;
  {
    gradgen::no_grad guard;
    t *= a;
  }
  return t + a * x;
}

double f_grad(double x, double a, double *d_x, double *d_a);
double g_grad(double x, double a, double *d_x, double *d_a);

int main() {
  const double X = 0.7, A = 1.3;
  double dx = 0, da = 0;
  double v = f_grad(X, A, &dx, &da);
  double T = X * X - std::atan(1.5 + A);
  gg::near("f", v, T * A + X);
  gg::near("df/dx", dx, 1.0); // Only the direct path.
  gg::near("df/da", da, T);   // t is a constant for the gradient.
  dx = da = 0;
  v = g_grad(X, A, &dx, &da);
  gg::near("g", v, X * X * A + A * X);
  gg::near("dg/dx", dx, A);
  gg::near("dg/da", da, X);
  return gg::result();
}
