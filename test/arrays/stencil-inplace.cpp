// An in-place (Gauss-Seidel order) nonlinear stencil on a local array over
// several sweeps: each u[i] is overwritten from its already-updated left
// neighbour and its not-yet-updated right neighbour, so the reverse sweep
// needs every overwritten value back in the right order.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double smooth(const double *x, double k, int n, int sweeps) {
  double u[8];
  for (int i = 0; i < n; ++i)
    u[i] = x[i];
  for (int s = 0; s < sweeps; ++s)
    for (int i = 1; i < n - 1; ++i)
      u[i] = 0.5 * u[i] + 0.25 * (u[i - 1] + u[i + 1]) + k * u[i] * u[i - 1];
  double e = 0;
  for (int i = 0; i < n; ++i)
    e += u[i] * u[i] * (i + 1);
  return e;
}

// Jacobi order with a second local array swapped in by copying; linear, so
// the gradient is also computed exactly by a transposed hand-written sweep.
GRADGEN_DIFFERENTIABLE
double jacobi(const double *x, int n, int sweeps) {
  double u[8], v[8];
  for (int i = 0; i < n; ++i)
    u[i] = x[i];
  for (int s = 0; s < sweeps; ++s) {
    v[0] = u[0];
    v[n - 1] = u[n - 1];
    for (int i = 1; i < n - 1; ++i)
      v[i] = 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1];
    for (int i = 0; i < n; ++i)
      u[i] = v[i];
  }
  return u[3];
}

double smooth_grad(const double *x, double k, int n, int sweeps, double *d_x,
                   double *d_k);
double jacobi_grad(const double *x, int n, int sweeps, double *d_x);

int main() {
  const int N = 8, Sweeps = 5;
  std::vector<double> P(N + 1);
  for (int I = 0; I < N; ++I)
    P[I] = std::sin(1.9 * I + 0.2);
  P[N] = 0.15;
  auto F = [&](const std::vector<double> &v) { return smooth(v.data(), v[N], N, Sweeps); };
  double Dx[N] = {}, Dk = 0;
  gg::near("smooth value", smooth_grad(P.data(), P[N], N, Sweeps, Dx, &Dk), F(P));
  for (int I = 0; I < N; ++I)
    gg::near("smooth d/dx", Dx[I], gg::fd(F, P, I), 1e-6);
  gg::near("smooth d/dk", Dk, gg::fd(F, P, N), 1e-6);

  // jacobi: d u[3] / d x = row 3 of A^sweeps, computed by pushing the unit
  // vector e_3 back through the transposed sweeps.
  double G[N] = {0, 0, 0, 1, 0, 0, 0, 0};
  for (int S = 0; S < Sweeps; ++S) {
    double H[N] = {};
    H[0] += G[0];
    H[N - 1] += G[N - 1];
    for (int I = 1; I < N - 1; ++I) {
      H[I - 1] += 0.25 * G[I];
      H[I] += 0.5 * G[I];
      H[I + 1] += 0.25 * G[I];
    }
    for (int I = 0; I < N; ++I)
      G[I] = H[I];
  }
  double Dj[N] = {};
  gg::near("jacobi value", jacobi_grad(P.data(), N, Sweeps, Dj), jacobi(P.data(), N, Sweeps));
  for (int I = 0; I < N; ++I)
    gg::near("jacobi d/dx", Dj[I], G[I]);
  return gg::result();
}
