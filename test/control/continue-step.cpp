// Soundness: continue in a for loop must still run the step. Here the step
// itself updates an active value (a decay factor), so skipping it after a
// continue, or reversing it the wrong number of times, changes the gradient.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// s = sum over non-negative x_i of r^i x_i^2 (the decay advances on every
// iteration, skipped or not).
GRADGEN_DIFFERENTIABLE
double decayed(const double *x, int n, double r) {
  double s = 0;
  double decay = 1;
  int i = 0;
  for (; i < n; decay *= r) {
    if (x[i] < 0) {
      i++;
      continue;
    }
    s += decay * x[i] * x[i];
    i++;
  }
  return s;
}

// The common form: continue skips the rest of the body, ++i still runs,
// and the accumulator is read nonlinearly afterwards.
GRADGEN_DIFFERENTIABLE
double skip_small(const double *x, int n) {
  double p = 1;
  for (int i = 0; i < n; ++i) {
    if (std::fabs(x[i]) < 0.3)
      continue;
    p = p * x[i] + 0.1;
  }
  return p * p;
}

double decayed_grad(const double *x, int n, double r, double *d_x, double *d_r);
double skip_small_grad(const double *x, int n, double *d_x);

int main() {
  const int N = 9;
  std::vector<double> P = {0.7, -0.4, 1.1, -0.9, 0.5, 0.8, -0.2, 0.3, 1.4, 0.85};
  const double R = P[N];
  double Want = 0, WantDr = 0, WantDx[N];
  for (int I = 0; I < N; ++I) {
    WantDx[I] = 0;
    if (P[I] < 0)
      continue;
    Want += std::pow(R, I) * P[I] * P[I];
    WantDx[I] = 2 * std::pow(R, I) * P[I];
    if (I > 0)
      WantDr += I * std::pow(R, I - 1) * P[I] * P[I];
  }
  double Dx[N] = {}, Dr = 0;
  gg::near("decayed value", decayed_grad(P.data(), N, R, Dx, &Dr), Want);
  for (int I = 0; I < N; ++I)
    gg::near("decayed d/dx", Dx[I], WantDx[I]);
  gg::near("decayed d/dr", Dr, WantDr);
  auto F = [&](const std::vector<double> &v) { return decayed(v.data(), N, v[N]); };
  gg::near("decayed fd r", Dr, gg::fd(F, P, N), 1e-6);

  // skip_small: by hand on {0.5, 0.1, -2}: p = (1*.5 + .1)(-2) + .1 = -1.1,
  // result 1.21; d/dx0 = 2p (-2) = 4.4, d/dx1 = 0, d/dx2 = 2p * .6 = -1.32.
  {
    double X[3] = {0.5, 0.1, -2}, D[3] = {};
    gg::near("skip value", skip_small_grad(X, 3, D), 1.21);
    gg::near("skip d/dx0", D[0], 4.4);
    gg::near("skip d/dx1", D[1], 0);
    gg::near("skip d/dx2", D[2], -1.32);
  }
  {
    std::vector<double> Q(N);
    for (int I = 0; I < N; ++I)
      Q[I] = 1.2 * std::sin(2.2 * I + 0.5);
    auto G = [&](const std::vector<double> &v) { return skip_small(v.data(), N); };
    double D[N] = {};
    gg::near("skip fd value", skip_small_grad(Q.data(), N, D), G(Q));
    for (int I = 0; I < N; ++I)
      gg::near("skip fd", D[I], gg::fd(G, Q, I), 1e-6);
  }
  return gg::result();
}
