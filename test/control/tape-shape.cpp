// Where the generated code uses gradgen::tape: straight-line code and an if
// outside any loop need none; a loop that only accumulates (sum of cubes)
// needs no tape of double (at most loop bookkeeping); a loop that overwrites
// a value the reverse sweep reads nonlinearly must tape it.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// CHECK-LABEL: double straight_grad({{.*}}) {
// CHECK-NOT: gradgen::tape
// CHECK-LABEL: void straight_pullback({{.*}}) {
// CHECK-NOT: gradgen::tape
GRADGEN_DIFFERENTIABLE
double straight(double a, double b) {
  double t = a * b;
  t = t * t + std::sin(a);
  double u = t / (1 + b * b);
  u = u * a;
  return u + t;
}

// CHECK-LABEL: double branchy_grad({{.*}}) {
// CHECK-NOT: gradgen::tape
// CHECK-LABEL: void branchy_pullback({{.*}}) {
// CHECK-NOT: gradgen::tape
GRADGEN_DIFFERENTIABLE
double branchy(double a, double b) {
  double t = a * b;
  if (a > b) {
    t = t * t;
  } else if (a < 0) {
    t = std::exp(t);
  } else {
    t = t - b * b * b;
  }
  return t * a;
}

// CHECK-LABEL: double cubes_grad({{.*}}) {
// CHECK-NOT: tape<double>
// CHECK-LABEL: void cubes_pullback({{.*}}) {
// CHECK-NOT: tape<double>
GRADGEN_DIFFERENTIABLE
double cubes(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += x[i] * x[i] * x[i];
  return s;
}

// CHECK-LABEL: double overwrite_grad({{.*}}) {
// CHECK: gradgen::tape<double>
// CHECK-LABEL: void overwrite_pullback({{.*}}) {
// CHECK: gradgen::tape<double>
GRADGEN_DIFFERENTIABLE
double overwrite(const double *x, int n) {
  double s = 0.5;
  for (int i = 0; i < n; ++i)
    s = s * x[i] + s * s;
  return s;
}

double straight_grad(double a, double b, double *d_a, double *d_b);
double branchy_grad(double a, double b, double *d_a, double *d_b);
double cubes_grad(const double *x, int n, double *d_x);
double overwrite_grad(const double *x, int n, double *d_x);

int main() {
  // straight: against finite differences.
  {
    auto F = [](const std::vector<double> &v) { return straight(v[0], v[1]); };
    std::vector<double> P = {0.7, -1.3};
    double Da = 0, Db = 0;
    gg::near("straight value", straight_grad(P[0], P[1], &Da, &Db), F(P));
    gg::near("straight d/da", Da, gg::fd(F, P, 0), 1e-6);
    gg::near("straight d/db", Db, gg::fd(F, P, 1), 1e-6);
  }
  // branchy: one point per branch, analytic.
  {
    const double Pts[3][2] = {{2, 1.5}, {-0.5, 0.25}, {0.5, 0.75}};
    for (auto &P : Pts) {
      double a = P[0], b = P[1], Da = 0, Db = 0, WantA, WantB;
      double v = branchy_grad(a, b, &Da, &Db);
      gg::near("branchy value", v, branchy(a, b));
      if (a > b) { // a^3 b^2
        WantA = 3 * a * a * b * b;
        WantB = 2 * a * a * a * b;
      } else if (a < 0) { // a e^{ab}
        WantA = std::exp(a * b) * (1 + a * b);
        WantB = a * a * std::exp(a * b);
      } else { // a^2 b - a b^3
        WantA = 2 * a * b - b * b * b;
        WantB = a * a - 3 * a * b * b;
      }
      gg::near("branchy d/da", Da, WantA);
      gg::near("branchy d/db", Db, WantB);
    }
  }
  // cubes: 3 x_i^2.
  {
    const int N = 9;
    double X[N], D[N] = {};
    double Want = 0;
    for (int I = 0; I < N; ++I) {
      X[I] = 0.37 * I - 1.4;
      Want += X[I] * X[I] * X[I];
    }
    gg::near("cubes value", cubes_grad(X, N, D), Want);
    for (int I = 0; I < N; ++I)
      gg::near("cubes d/dx", D[I], 3 * X[I] * X[I]);
  }
  // overwrite: finite differences.
  {
    const int N = 7;
    std::vector<double> X = {0.3, -0.2, 0.45, 0.1, -0.35, 0.25, 0.05};
    auto F = [&](const std::vector<double> &v) { return overwrite(v.data(), N); };
    double D[N] = {};
    gg::near("overwrite value", overwrite_grad(X.data(), N, D), F(X));
    for (int I = 0; I < N; ++I)
      gg::near("overwrite d/dx", D[I], gg::fd(F, X, I), 1e-6);
  }
  return gg::result();
}
