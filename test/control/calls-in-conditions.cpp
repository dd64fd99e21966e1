// Calls inside && and || (also in an if condition and under ?:): the right
// side runs only when it decides, as in C++, and its calls are
// differentiated where they run. (The random tester first found a ?: over
// `a < 0 || g(a) < 1` sending gradgen into endless recursion: finding 007.)
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include <vector>
#include "../Inputs/gg_check.h"

static double g(double p) { return p * p; }
static double root(double p) { return std::sqrt(p); }

// CHECK-LABEL: double pick_grad({{.*}}) {
// CHECK: _or = a < 0.0;
// CHECK-NEXT: if (!_or) {
// CHECK-NEXT: _g = g(a);
GRADGEN_DIFFERENTIABLE
double pick(double a) {
  return (a < 0.0 || g(a) < 1.0) ? a : 2.0 * a;
}

// root(a) must not run for a < 0: its pullback would make d_a NaN.
GRADGEN_DIFFERENTIABLE
double guarded(double a) {
  return (a < 0.0 || root(a) < 1.0) ? a * a : 3.0 * a;
}

GRADGEN_DIFFERENTIABLE
double both(double a, double b) {
  double t = b * ((a > 1.0 && g(b) > 0.5) ? a : b);
  if (a > 0 && g(a) * b < 3.0)
    t += std::sin(a * b);
  return t;
}

// x = c ? x : g(b) becomes an if; the side that keeps x assigns nothing
// (`a = a;` would warn with -Wall).
// CHECK-LABEL: double keep_grad({{.*}}) {
// CHECK-NOT: {{ }}a = a;
// CHECK-LABEL: void keep_pullback({{.*}}) {
GRADGEN_DIFFERENTIABLE
double keep(double a, double x) {
  a *= x;
  a = (a <= -0.75 ? a : g(x) + a * a);
  return a * x;
}

// In a loop, with the call's value also used.
GRADGEN_DIFFERENTIABLE
double loop(const double *x, int n, double w) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (x[i] > 0 && g(w * x[i]) < 2.0)
      s += g(w * x[i]);
    else
      s += w;
  }
  return s;
}

double pick_grad(double a, double *d_a);
double guarded_grad(double a, double *d_a);
double both_grad(double a, double b, double *d_a, double *d_b);
double keep_grad(double a, double x, double *d_a, double *d_x);
double loop_grad(const double *x, int n, double w, double *d_x, double *d_w);

int main() {
  // pick: 1 where a < 0 or |a| < 1, else 2.
  for (double A : {-2.0, -0.5, 0.5, 1.5}) {
    double D = 0;
    gg::near("pick value", pick_grad(A, &D), pick(A));
    gg::near("pick d_a", D, A < 0 || A * A < 1 ? 1.0 : 2.0);
  }
  for (double A : {-2.0, 0.25, 4.0}) {
    double D = 0;
    gg::near("guarded value", guarded_grad(A, &D), guarded(A));
    gg::near("guarded d_a", D, A < 0 || A < 1 ? 2 * A : 3.0);
  }
  for (double A : {-1.0, 0.5, 1.5, 2.5})
    for (double B : {-1.2, 0.3, 0.9}) {
      double Da = 0, Db = 0;
      both_grad(A, B, &Da, &Db);
      std::vector<double> P = {A, B};
      auto F = [](std::vector<double> V) { return both(V[0], V[1]); };
      gg::near("both d_a", Da, gg::fd(F, P, 0), 1e-6);
      gg::near("both d_b", Db, gg::fd(F, P, 1), 1e-6);
    }
  for (double A : {-2.0, 0.3, 1.2})
    for (double Xv : {0.4, 0.9}) {
      double Da = 0, Dx = 0;
      keep_grad(A, Xv, &Da, &Dx);
      std::vector<double> P = {A, Xv};
      auto F = [](std::vector<double> V) { return keep(V[0], V[1]); };
      gg::near("keep d_a", Da, gg::fd(F, P, 0), 1e-6);
      gg::near("keep d_x", Dx, gg::fd(F, P, 1), 1e-6);
    }
  std::vector<double> X = {0.5, -0.3, 1.7, 0.9, 2.2, -1.0};
  std::vector<double> Dx(X.size(), 0.0);
  double Dw = 0;
  const double W = 0.8;
  loop_grad(X.data(), 6, W, Dx.data(), &Dw);
  for (size_t I = 0; I < X.size(); ++I)
    gg::near("loop d_x", Dx[I], gg::fd([&](std::vector<double> V) {
               return loop(V.data(), 6, W);
             }, X, I), 1e-6);
  std::vector<double> Wv = {W};
  gg::near("loop d_w", Dw, gg::fd([&](std::vector<double> V) {
             return loop(X.data(), 6, V[0]);
           }, Wv, 0), 1e-6);
  return gg::result();
}
