// Soundness: a while loop whose data-dependent trip count is zero, alone and
// nested inside an outer loop where some inner loops run zero times and
// others do not. Nothing in the reverse sweep may run for the empty loops.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// Doubles s until it reaches limit; zero trips if s starts at or above it.
GRADGEN_DIFFERENTIABLE
double grow(double s, double k, GRADGEN_CONST double limit) {
  double t = s * k;
  while (t < limit) {
    t = t * t + k;
  }
  return t * s;
}

// For each element, grow a copy until it passes 1; elements already past 1
// run the inner loop zero times.
GRADGEN_DIFFERENTIABLE
double each(const double *x, int n) {
  double acc = 0;
  for (int i = 0; i < n; ++i) {
    double v = x[i];
    while (v < 1) {
      v = v * 1.5 + x[i] * x[i];
    }
    acc += v * x[i];
  }
  return acc;
}

double grow_grad(double s, double k, double limit, double *d_s, double *d_k);
double each_grad(const double *x, int n, double *d_x);

int main() {
  // Zero trips: t = s k = 6 >= 5. Result s^2 k.
  {
    double Ds = 0, Dk = 0;
    gg::near("zero value", grow_grad(2, 3, 5, &Ds, &Dk), 12);
    gg::near("zero d/ds", Ds, 2 * 2 * 3);
    gg::near("zero d/dk", Dk, 4);
  }
  // One trip: t = 1.2 < 5 -> t^2 + k: s=0.4, k=3: t = 1.44 + 3 = 4.44 < 5
  // -> two trips: 4.44^2 + 3. Check against finite differences.
  {
    double Ds = 0, Dk = 0;
    auto F = [](const std::vector<double> &p) { return grow(p[0], p[1], 5); };
    gg::near("trips value", grow_grad(0.4, 3, 5, &Ds, &Dk), F({0.4, 3}));
    gg::near("trips fd s", Ds, gg::fd(F, {0.4, 3}, 0), 1e-6);
    gg::near("trips fd k", Dk, gg::fd(F, {0.4, 3}, 1), 1e-6);
  }
  // each: all elements >= 1: acc = sum x^2, gradient 2x.
  {
    double X[4] = {1.5, 2, 1.1, 3}, D[4] = {};
    gg::near("all-zero value", each_grad(X, 4, D), 2.25 + 4 + 1.21 + 9);
    for (int I = 0; I < 4; ++I)
      gg::near("all-zero d/dx", D[I], 2 * X[I]);
  }
  // n = 0: the outer loop itself runs zero times.
  {
    double X[1] = {0.5}, D[1] = {};
    gg::near("n=0 value", each_grad(X, 0, D), 0);
    gg::near("n=0 d/dx", D[0], 0);
  }
  // Mixed: some inner loops run, some do not.
  {
    const int N = 8;
    std::vector<double> P = {1.3, 0.6, 2.0, 0.25, 1.05, 0.9, 0.4, 1.7};
    auto F = [&](const std::vector<double> &v) { return each(v.data(), N); };
    double D[N] = {};
    gg::near("mixed value", each_grad(P.data(), N, D), F(P));
    for (int I = 0; I < N; ++I)
      gg::near("mixed fd", D[I], gg::fd(F, P, I), 1e-6);
    for (int I = 0; I < N; ++I)
      if (P[I] >= 1)
        gg::near("mixed zero-trip d/dx", D[I], 2 * P[I]);
  }
  return gg::result();
}
