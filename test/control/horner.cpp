// Horner's rule with active coefficients and active x:
//   p(x) = c[0] + x (c[1] + x (c[2] + ...)), evaluated from the top.
// dp/dc[k] = x^k, dp/dx = sum k c[k] x^(k-1). The accumulator is overwritten
// and read multiplicatively on every iteration.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double horner(const double *c, int n, double x) {
  double p = c[n - 1];
  for (int k = n - 2; k >= 0; --k)
    p = p * x + c[k];
  return p;
}

// The same with a while loop counting down and x squared on the way in.
GRADGEN_DIFFERENTIABLE
double horner2(double c[], int n, double x) {
  double z = x * x;
  double p = 0;
  int k = n;
  while (k > 0) {
    k--;
    p = c[k] + z * p;
  }
  return p;
}

double horner_grad(const double *c, int n, double x, double *d_c, double *d_x);
double horner2_grad(double c[], int n, double x, double *d_c, double *d_x);

int main() {
  const int N = 11;
  std::vector<double> C(N);
  for (int K = 0; K < N; ++K)
    C[K] = std::sin(1.7 * K + 0.3) * (K % 3 == 0 ? -1.5 : 0.8);
  const double Xs[3] = {0.83, -1.21, 0.0};
  for (double X : Xs) {
    double Dc[N] = {}, Dx = 0, Want = 0, WantDx = 0;
    for (int K = 0; K < N; ++K) {
      Want += C[K] * std::pow(X, K);
      if (K > 0)
        WantDx += K * C[K] * std::pow(X, K - 1);
    }
    gg::near("horner value", horner_grad(C.data(), N, X, Dc, &Dx), Want);
    for (int K = 0; K < N; ++K)
      gg::near("horner d/dc", Dc[K], std::pow(X, K));
    gg::near("horner d/dx", Dx, WantDx);

    // horner2 evaluates sum c[k] x^(2k).
    double Ec[N] = {}, Ex = 0, Want2 = 0, Want2Dx = 0;
    for (int K = 0; K < N; ++K) {
      Want2 += C[K] * std::pow(X, 2 * K);
      if (K > 0)
        Want2Dx += 2 * K * C[K] * std::pow(X, 2 * K - 1);
    }
    gg::near("horner2 value", horner2_grad(C.data(), N, X, Ec, &Ex), Want2);
    for (int K = 0; K < N; ++K)
      gg::near("horner2 d/dc", Ec[K], std::pow(X, 2 * K));
    gg::near("horner2 d/dx", Ex, Want2Dx);
  }
  // Finite differences in x at one point, as a cross-check of the analytic
  // formula.
  {
    auto F = [&](const std::vector<double> &v) { return horner(C.data(), N, v[0]); };
    double Dc[N] = {}, Dx = 0;
    horner_grad(C.data(), N, 0.61, Dc, &Dx);
    gg::near("horner fd d/dx", Dx, gg::fd(F, {0.61}, 0), 1e-6);
  }
  return gg::result();
}
