// Calls in loop conditions: a while/for test moves to the top of the body
// (`if (!C) break;`), a do-while test to the end of the body, where a
// continue still reaches it. The calls run as often as in the original, and
// their pullbacks run once per run, in reverse.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: FileCheck %s --input-file=%t/out.cpp --check-prefix=NOPULLBACK
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include <vector>
#include "../Inputs/gg_check.h"

static double resid(double x, double a) { return x * x - a; }
static double sq(double p) { return p * p; }
// One Newton step on x in place; returns the size of the step.
static double step(double *x, double a) {
  double old = *x;
  *x = 0.5 * (*x + a / *x);
  return std::fabs(*x - old);
}

// Newton's iteration for sqrt(a), run to a tolerance on the residual. The
// residual only decides when to stop: no derivative reaches it, and
// resid's pullback is neither written nor called.
// NOPULLBACK-NOT: resid_pullback
// CHECK-LABEL: double newton_grad(double a, double *d_a) {
// CHECK: while (!_break) {
// CHECK-NEXT: ++_iters;
// CHECK-NEXT: _resid = resid(x, a);
// CHECK-NEXT: if (!({{(std::)?}}fabs(_resid) > 1e-12)) {
// CHECK-NEXT: _break = true;
GRADGEN_DIFFERENTIABLE
double newton(double a) {
  double x = a;
  while (std::fabs(resid(x, a)) > 1e-12)
    x = 0.5 * (x + a / x);
  return x;
}

// The call in the condition updates x through a pointer: its pullback
// carries x's adjoint back through every step.
GRADGEN_DIFFERENTIABLE
double inplace(double a) {
  double x = a + 1.0;
  while (step(&x, a) > 1e-13) {
  }
  return x * x * x;
}

// A for loop whose test calls on the right of &&, with continue (which
// goes to the increment, then the test) and break.
GRADGEN_DIFFERENTIABLE
double scan(const double *x, int n, double w) {
  double s = 0;
  for (int i = 0; i < n && sq(w * i) < 30.0; ++i) {
    if (i % 2 == 1)
      continue;
    s += w * x[i] * s + x[i];
    if (s > 10.0)
      break;
  }
  return s;
}

// A do-while whose test calls; the continue must still reach the test.
// CHECK-LABEL: double grow_grad(double a, double *d_a) {
// CHECK: do {
// CHECK: _go = _and;
// CHECK-NEXT: } while (_go);
GRADGEN_DIFFERENTIABLE
double grow(double a) {
  double s = 0.1;
  int k = 0;
  do {
    ++k;
    if (k % 3 == 0)
      continue;
    s += sq(0.1 * s + a);
  } while (sq(s) < 50.0 && k < 100);
  return s;
}

// The last test, which fails, runs the call once more than the body.
GRADGEN_DIFFERENTIABLE
double tally(double a) {
  double s = a;
  while (sq(s) < 100.0)
    s *= 1.5;
  return s;
}

double newton_grad(double a, double *d_a);
double inplace_grad(double a, double *d_a);
double scan_grad(const double *x, int n, double w, double *d_x, double *d_w);
double grow_grad(double a, double *d_a);
double tally_grad(double a, double *d_a);

int main() {
  for (double A : {0.3, 2.0, 9.0}) {
    double D = 0;
    gg::near("newton value", newton_grad(A, &D), std::sqrt(A));
    gg::near("newton d_a", D, 0.5 / std::sqrt(A));
    D = 0;
    gg::near("inplace value", inplace_grad(A, &D), A * std::sqrt(A));
    gg::near("inplace d_a", D, 1.5 * std::sqrt(A));
    D = 0;
    gg::near("grow value", grow_grad(0.1 * A, &D), grow(0.1 * A));
    std::vector<double> P = {0.1 * A};
    gg::near("grow d_a", D, gg::fd([](std::vector<double> V) {
               return grow(V[0]);
             }, P, 0), 1e-6);
  }
  std::vector<double> X = {0.5, -0.3, 1.7, 0.9, 2.2, -1.0, 0.4, 0.8};
  for (double W : {0.2, 0.7, 1.3}) {
    std::vector<double> Dx(X.size(), 0.0);
    double Dw = 0;
    gg::near("scan value", scan_grad(X.data(), 8, W, Dx.data(), &Dw),
             scan(X.data(), 8, W));
    for (size_t I = 0; I < X.size(); ++I)
      gg::near("scan d_x", Dx[I], gg::fd([&](std::vector<double> V) {
                 return scan(V.data(), 8, W);
               }, X, I), 1e-6);
    std::vector<double> Wv = {W};
    gg::near("scan d_w", Dw, gg::fd([&](std::vector<double> V) {
               return scan(X.data(), 8, V[0]);
             }, Wv, 0), 1e-6);
  }
  // tally(2): s = 2, 3, 4.5, 6.75, 10.125 (four multiplications), five
  // tests; d s / d a = 1.5^4.
  double D = 0;
  gg::near("tally value", tally_grad(2.0, &D), 10.125);
  gg::near("tally d_a", D, 1.5 * 1.5 * 1.5 * 1.5);
  return gg::result();
}
