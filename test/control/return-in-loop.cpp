// Soundness: return from inside a loop. The iteration that returns is only
// partly executed; the reverse sweep must start from that iteration's state
// (adjoints must not shift by one iteration, and the statements after the
// return in that iteration must not be reversed).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// p_{i+1} = p_i x_i + a; returns p x_i at the first i where p passes limit,
// else after the statement after the check, p - a.
GRADGEN_DIFFERENTIABLE
double first_over(const double *x, int n, double a, GRADGEN_CONST double limit) {
  double p = 1;
  for (int i = 0; i < n; ++i) {
    p = p * x[i] + a;
    if (p > limit)
      return p * x[i];
    p = p + 0.5 * x[i];
  }
  return p - a;
}

// Return from a nested loop, from inside a while.
GRADGEN_DIFFERENTIABLE
double find_pair(const double *x, int n) {
  double acc = 0;
  int i = 0;
  while (i < n) {
    for (int j = i + 1; j < n; ++j) {
      acc += x[i] * x[j];
      if (acc > 1.0)
        return acc * x[j] + x[i];
    }
    i++;
  }
  return acc;
}

double first_over_grad(const double *x, int n, double a, double limit,
                       double *d_x, double *d_a);
double find_pair_grad(const double *x, int n, double *d_x);

int main() {
  const int N = 6;
  // Hand-computed: x = {2, 3, ...}, a = 0.5, limit 5:
  //   i=0: p = 2 + .5 = 2.5, not > 5; p = 2.5 + 1 = 3.5
  //   i=1: p = 3.5*3 + .5 = 11 > 5 -> return 11 * 3 = 33.
  // f = ((x0 + a + x0/2) x1 + a) x1.
  {
    double X[N] = {2, 3, 0.1, 0.2, 0.3, 0.4}, Dx[N] = {}, Da = 0;
    double V = first_over_grad(X, N, 0.5, 5, Dx, &Da);
    gg::near("hand value", V, 33);
    gg::near("hand d/dx0", Dx[0], 1.5 * 3 * 3);
    // d/dx1 of (q x1 + a) x1 with q = 3.5: 2 q x1 + a.
    gg::near("hand d/dx1", Dx[1], 2 * 3.5 * 3 + 0.5);
    for (int K = 2; K < N; ++K)
      gg::near("hand d/dx rest", Dx[K], 0);
    // d/da: x1 * x1 + x1.
    gg::near("hand d/da", Da, 9 + 3);
  }
  // Finite differences on several inputs, returning at different i and
  // not at all.
  const double Limits[4] = {1.2, 2.0, 4.0, 100.0};
  for (int Rep = 0; Rep < 4; ++Rep) {
    std::vector<double> P(N + 1);
    for (int I = 0; I < N; ++I)
      P[I] = 1.1 + 0.6 * std::sin(2.3 * I + Rep);
    P[N] = 0.3;
    double L = Limits[Rep];
    auto F = [&](const std::vector<double> &v) { return first_over(v.data(), N, v[N], L); };
    double Dx[N] = {}, Da = 0;
    gg::near("value", first_over_grad(P.data(), N, P[N], L, Dx, &Da), F(P));
    for (int I = 0; I < N; ++I)
      gg::near("fd x", Dx[I], gg::fd(F, P, I), 1e-6);
    gg::near("fd a", Da, gg::fd(F, P, N), 1e-6);
  }
  // find_pair: x = {0.5, 0.6, 0.7, 0.8}: i=0: acc .3, .65, 1.05 > 1 at j=3
  // -> (x0x1 + x0x2 + x0x3) x3 + x0.
  {
    double X[4] = {0.5, 0.6, 0.7, 0.8}, Dx[4] = {};
    double Acc = 0.5 * (0.6 + 0.7 + 0.8);
    gg::near("pair value", find_pair_grad(X, 4, Dx), Acc * 0.8 + 0.5);
    gg::near("pair d/dx0", Dx[0], (0.6 + 0.7 + 0.8) * 0.8 + 1);
    gg::near("pair d/dx1", Dx[1], 0.5 * 0.8);
    gg::near("pair d/dx2", Dx[2], 0.5 * 0.8);
    gg::near("pair d/dx3", Dx[3], 0.5 * 0.8 + Acc);
  }
  for (int Rep = 0; Rep < 3; ++Rep) {
    const int M = 7;
    std::vector<double> Q(M);
    for (int I = 0; I < M; ++I)
      Q[I] = 0.45 * std::cos(1.7 * I + 0.9 * Rep) + 0.3 * Rep;
    auto G = [&](const std::vector<double> &v) { return find_pair(v.data(), M); };
    double Dq[M] = {};
    gg::near("pair fd value", find_pair_grad(Q.data(), M, Dq), G(Q));
    for (int I = 0; I < M; ++I)
      gg::near("pair fd", Dq[I], gg::fd(G, Q, I), 1e-6);
  }
  return gg::result();
}
