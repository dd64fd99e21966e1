// Soundness: a variable assigned on only one branch inside a loop and read
// afterwards, both later in the same iteration and in later iterations. The
// reverse sweep must restore t only on the iterations that assigned it, and
// send t's adjoint to the iteration that last wrote it.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double latch(const double *x, int n, double a) {
  double t = a;
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (x[i] > 0)
      t = x[i] * t + x[i] * x[i];
    s += t * t * x[i];
  }
  return s + t;
}

// The same with the one-sided assignment in the else of an if/else chain
// and a declared-but-conditionally-set variable inside the body.
GRADGEN_DIFFERENTIABLE
double latch2(const double *x, int n) {
  double keep = 1;
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double z = 0;
    if (x[i] < -0.5) {
      s += x[i];
    } else if (x[i] < 0.5) {
      z = std::sin(x[i]) * keep;
    } else {
      keep = keep * x[i];
    }
    s += z * z + keep * x[i];
  }
  return s * keep;
}

double latch_grad(const double *x, int n, double a, double *d_x, double *d_a);
double latch2_grad(const double *x, int n, double *d_x);

int main() {
  const int N = 10;
  std::vector<double> P = {0.5, -0.3, -0.8, 0.9, -0.1, 0.2, -0.6, -0.4, 0.7, -0.2, 0.6};
  const double A = P[N];

  // Analytic for latch by forward-mode by hand: t and s with derivatives.
  std::vector<double> Dt(N + 1, 0.0), Ds(N + 1, 0.0); // d/dx_0..x_{N-1}, d/da
  double T = A, S = 0;
  Dt[N] = 1;
  for (int I = 0; I < N; ++I) {
    double X = P[I];
    if (X > 0) {
      for (int K = 0; K <= N; ++K)
        Dt[K] = X * Dt[K];
      Dt[I] += T + 2 * X;
      T = X * T + X * X;
    }
    for (int K = 0; K <= N; ++K)
      Ds[K] += 2 * T * X * Dt[K];
    Ds[I] += T * T;
    S += T * T * X;
  }
  double Dx[N] = {}, Da = 0;
  gg::near("latch value", latch_grad(P.data(), N, A, Dx, &Da), S + T);
  auto F = [&](const std::vector<double> &v) { return latch(v.data(), N, v[N]); };
  for (int I = 0; I < N; ++I) {
    gg::near("latch d/dx", Dx[I], Ds[I] + Dt[I]);
    gg::near("latch fd x", Dx[I], gg::fd(F, P, I), 1e-6);
  }
  gg::near("latch d/da", Da, Ds[N] + Dt[N]);
  gg::near("latch fd a", Da, gg::fd(F, P, N), 1e-6);

  // latch2 against finite differences, on two inputs.
  for (int Rep = 0; Rep < 2; ++Rep) {
    std::vector<double> Q(N);
    for (int I = 0; I < N; ++I)
      Q[I] = 0.95 * std::sin(3.7 * I + 1.3 * Rep + 0.1);
    auto G = [&](const std::vector<double> &v) { return latch2(v.data(), N); };
    double Dq[N] = {};
    gg::near("latch2 value", latch2_grad(Q.data(), N, Dq), G(Q));
    for (int I = 0; I < N; ++I)
      gg::near("latch2 fd", Dq[I], gg::fd(G, Q, I), 1e-6);
  }
  return gg::result();
}
