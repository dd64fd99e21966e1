// Nested loops: a dense layer y = W x + b into a local array, then a squared
// error loss against constant targets. Analytic: with r = y - t,
//   dL/dW[i][j] = r_i x_j,  dL/db_i = r_i,  dL/dx_j = sum_i r_i W[i][j].
// Then a two-layer version with tanh, checked against finite differences.
// (The same layer through a local 2-D array is in arrays/local-2d.cpp.)
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double dense_flat(const double *W, const double *b, const double *x,
                  GRADGEN_CONST const double *t, int m, int n) {
  double y[8];
  for (int i = 0; i < m; ++i) {
    y[i] = b[i];
    for (int j = 0; j < n; ++j)
      y[i] += W[i * n + j] * x[j];
  }
  double L = 0;
  for (int i = 0; i < m; ++i) {
    double r = y[i] - t[i];
    L += 0.5 * r * r;
  }
  return L;
}

// Two layers, tanh in between: h = tanh(W1 x), out = w2 . h.
GRADGEN_DIFFERENTIABLE
double mlp(const double *W1, const double *w2, const double *x, int m, int n) {
  double h[6];
  for (int i = 0; i < m; ++i) {
    double z = 0;
    for (int j = 0; j < n; ++j)
      z += W1[i * n + j] * x[j];
    h[i] = std::tanh(z);
  }
  double out = 0;
  for (int i = 0; i < m; ++i)
    out += w2[i] * h[i];
  return out * out;
}

double dense_flat_grad(const double *W, const double *b, const double *x,
                       const double *t, int m, int n, double *d_W,
                       double *d_b, double *d_x);
double mlp_grad(const double *W1, const double *w2, const double *x, int m,
                int n, double *d_W1, double *d_w2, double *d_x);

static double lcg(unsigned &S) {
  S = S * 1103515245u + 12345u;
  return ((S >> 8) & 0xffff) / 32768.0 - 1.0;
}

int main() {
  const int M = 4, N = 5;
  unsigned S = 7;
  double W[M][N], B[M], X[N], T[M];
  for (int I = 0; I < M; ++I)
    for (int J = 0; J < N; ++J)
      W[I][J] = lcg(S);
  for (int I = 0; I < M; ++I) {
    B[I] = lcg(S);
    T[I] = lcg(S);
  }
  for (int J = 0; J < N; ++J)
    X[J] = lcg(S);
  double R[M], WantL = 0;
  for (int I = 0; I < M; ++I) {
    double Y = B[I];
    for (int J = 0; J < N; ++J)
      Y += W[I][J] * X[J];
    R[I] = Y - T[I];
    WantL += 0.5 * R[I] * R[I];
  }
  // Flat.
  {
    double DW[M * N] = {}, DB[M] = {}, DX[N] = {};
    gg::near("flat value",
             dense_flat_grad(&W[0][0], B, X, T, M, N, DW, DB, DX), WantL);
    for (int I = 0; I < M; ++I) {
      gg::near("flat d/db", DB[I], R[I]);
      for (int J = 0; J < N; ++J)
        gg::near("flat d/dW", DW[I * N + J], R[I] * X[J]);
    }
    for (int J = 0; J < N; ++J) {
      double Want = 0;
      for (int I = 0; I < M; ++I)
        Want += R[I] * W[I][J];
      gg::near("flat d/dx", DX[J], Want);
    }
  }
  // MLP against finite differences over all of (W1, w2, x).
  {
    const int Mh = 6, Nx = 3;
    std::vector<double> P(Mh * Nx + Mh + Nx);
    for (double &V : P)
      V = lcg(S);
    auto F = [&](const std::vector<double> &v) {
      return mlp(v.data(), v.data() + Mh * Nx, v.data() + Mh * Nx + Mh, Mh, Nx);
    };
    std::vector<double> D(P.size(), 0.0);
    double V = mlp_grad(P.data(), P.data() + Mh * Nx, P.data() + Mh * Nx + Mh,
                        Mh, Nx, D.data(), D.data() + Mh * Nx,
                        D.data() + Mh * Nx + Mh);
    gg::near("mlp value", V, F(P));
    for (std::size_t K = 0; K < P.size(); ++K)
      gg::near("mlp fd", D[K], gg::fd(F, P, K), 1e-6);
  }
  return gg::result();
}
