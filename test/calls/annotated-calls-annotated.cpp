// Two annotated functions, one calling the other: both get their _grad and
// _pullback, and a detach() or no_grad inside the callee still cuts the path
// through the call.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// CHECK-DAG: double inner_grad(double a, double b, double *d_a, double *d_b)
// CHECK-DAG: void inner_pullback(double a, double b, double d_ret, double *d_a, double *d_b)
// CHECK-DAG: double outer_grad(double x, double y, double *d_x, double *d_y)
// CHECK-DAG: double guarded_grad(double x, double y, double *d_x, double *d_y)

// inner = a^2 + detach(a) b: through the detached factor, a gets nothing.
GRADGEN_DIFFERENTIABLE
double inner(double a, double b) { return a * a + gradgen::detach(a) * b; }

// stop(a, b) = a b, but b's contribution is assigned under no_grad.
GRADGEN_DIFFERENTIABLE
double stop(double a, double b) {
  double t = a;
  {
    gradgen::no_grad guard;
    t = t * b;
  }
  return t + a;
}

// outer = inner(x y, y) + inner(y, x) = x^2 y^2 + (x y) y + y^2 + y x
GRADGEN_DIFFERENTIABLE
double outer(double x, double y) { return inner(x * y, y) + inner(y, x); }

GRADGEN_DIFFERENTIABLE
double guarded(double x, double y) { return stop(x, y) * y; }

double inner_grad(double a, double b, double *d_a, double *d_b);
double outer_grad(double x, double y, double *d_x, double *d_y);
double stop_grad(double a, double b, double *d_a, double *d_b);
double guarded_grad(double x, double y, double *d_x, double *d_y);

int main() {
  const double X = 1.3, Y = -0.7;
  double Da = 0, Db = 0;
  gg::near("inner", inner_grad(X, Y, &Da, &Db), X * X + X * Y);
  gg::near("inner d/da", Da, 2 * X);
  gg::near("inner d/db", Db, X);
  // outer: d/dx = 2 x y^2 (via a = x y) + 0 (detached a) + y (b = x);
  //        d/dy = 2 x^2 y (via a) + x y (b = y) + 2 y (a = y) + 0.
  double Dx = 0, Dy = 0;
  double Want = X * X * Y * Y + X * Y * Y + Y * Y + Y * X;
  gg::near("outer", outer_grad(X, Y, &Dx, &Dy), Want);
  gg::near("outer d/dx", Dx, 2 * X * Y * Y + Y);
  gg::near("outer d/dy", Dy, 2 * X * X * Y + X * Y + 2 * Y);
  // stop: value a b + a, gradient d/da = 1 + 0, d/db = 0.
  Da = Db = 0;
  gg::near("stop", stop_grad(X, Y, &Da, &Db), X * Y + X);
  gg::near("stop d/da", Da, 1);
  gg::near("stop d/db", Db, 0);
  // guarded = stop(x, y) y: d/dx = y, d/dy = stop(x, y) = x y + x.
  Dx = Dy = 0;
  gg::near("guarded", guarded_grad(X, Y, &Dx, &Dy), (X * Y + X) * Y);
  gg::near("guarded d/dx", Dx, Y);
  gg::near("guarded d/dy", Dy, X * Y + X);
  return gg::result();
}
