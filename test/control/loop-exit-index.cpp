// The loop counter's value after a break or after a data-dependent while is
// used after the loop (to index, and to drive a second loop back down). The
// reverse sweep must restore the counter to the value each iteration saw.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// Sum squares until the sum passes 1; multiply by the element that stopped
// the loop (the break skips the ++i), or by 1 if none did.
GRADGEN_DIFFERENTIABLE
double stop_at(const double *x, int n) {
  double s = 0;
  int i;
  for (i = 0; i < n; ++i) {
    s += x[i] * x[i];
    if (s > 1)
      break;
  }
  double t = i < n ? x[i] : 1.0;
  return s * t;
}

// Count up while the sum stays below 2, then multiply back down.
GRADGEN_DIFFERENTIABLE
double up_down(const double *x, int n) {
  double s = 0;
  int i = 0;
  while (i < n && s < 2) {
    s = s + x[i] * x[i];
    i++;
  }
  double r = s;
  while (i > 0) {
    --i;
    r = r * x[i];
  }
  return r;
}

double stop_at_grad(const double *x, int n, double *d_x);
double up_down_grad(const double *x, int n, double *d_x);

int main() {
  // By hand: x = {0.6, 0.7, 0.8, 0.9}: s = .36, .85, 1.49 > 1 at i = 2.
  // Result (x0^2 + x1^2 + x2^2) x2.
  {
    double X[4] = {0.6, 0.7, 0.8, 0.9}, D[4] = {};
    double S = 0.36 + 0.49 + 0.64;
    gg::near("stop value", stop_at_grad(X, 4, D), S * 0.8);
    gg::near("stop d/dx0", D[0], 2 * 0.6 * 0.8);
    gg::near("stop d/dx1", D[1], 2 * 0.7 * 0.8);
    gg::near("stop d/dx2", D[2], 2 * 0.8 * 0.8 + S);
    gg::near("stop d/dx3", D[3], 0);
  }
  // No break: n = 2, result x0^2 + x1^2.
  {
    double X[2] = {0.3, -0.4}, D[2] = {};
    gg::near("nobreak value", stop_at_grad(X, 2, D), 0.25);
    gg::near("nobreak d/dx0", D[0], 0.6);
    gg::near("nobreak d/dx1", D[1], -0.8);
  }
  const int N = 9;
  for (int Rep = 0; Rep < 3; ++Rep) {
    std::vector<double> P(N);
    for (int I = 0; I < N; ++I)
      P[I] = (0.5 + 0.3 * Rep) * std::sin(1.9 * I + 0.3 + Rep);
    auto F = [&](const std::vector<double> &v) { return stop_at(v.data(), N); };
    auto G = [&](const std::vector<double> &v) { return up_down(v.data(), N); };
    double D[N] = {}, E[N] = {};
    gg::near("stop fd value", stop_at_grad(P.data(), N, D), F(P));
    gg::near("updown value", up_down_grad(P.data(), N, E), G(P));
    for (int I = 0; I < N; ++I) {
      gg::near("stop fd", D[I], gg::fd(F, P, I), 1e-6);
      gg::near("updown fd", E[I], gg::fd(G, P, I), 1e-6);
    }
  }
  return gg::result();
}
