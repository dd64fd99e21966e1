// Local two-dimensional arrays: a weight matrix copied into a local W[4][5],
// a dense layer into a local Y[2][4] (two samples), overwritten and read back.
// Analytic: with r = y - t, dL/dW[i][j] = sum_s r_si x_sj, dL/db_i =
// sum_s r_si, dL/dx_sj = sum_i r_si W[i][j].
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double dense2(const double *W, const double *b, const double *x,
              GRADGEN_CONST const double *t) {
  double Wl[4][5];
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 5; ++j)
      Wl[i][j] = W[5 * i + j];
  double Y[2][4];
  for (int s = 0; s < 2; ++s)
    for (int i = 0; i < 4; ++i) {
      Y[s][i] = b[i];
      for (int j = 0; j < 5; ++j)
        Y[s][i] += Wl[i][j] * x[5 * s + j];
    }
  double L = 0;
  for (int s = 0; s < 2; ++s)
    for (int i = 0; i < 4; ++i) {
      Y[s][i] = Y[s][i] - t[4 * s + i];
      L += 0.5 * Y[s][i] * Y[s][i];
    }
  return L;
}

// A tiny smoothing pass over a 3x3 grid, in place, twice.
GRADGEN_DIFFERENTIABLE
double grid(const double *g) {
  double A[3][3];
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      A[i][j] = g[3 * i + j];
  for (int sweep = 0; sweep < 2; ++sweep)
    for (int i = 1; i < 3; ++i)
      for (int j = 1; j < 3; ++j)
        A[i][j] = A[i][j] * A[i - 1][j] + A[i][j - 1];
  return A[2][2];
}

double dense2_grad(const double *W, const double *b, const double *x,
                   const double *t, double *d_W, double *d_b, double *d_x);
double grid_grad(const double *g, double *d_g);

static double lcg(unsigned &S) {
  S = S * 1103515245u + 12345u;
  return ((S >> 8) & 0xffff) / 32768.0 - 1.0;
}

int main() {
  unsigned S = 99;
  double W[20], B[4], X[10], T[8];
  for (double &V : W) V = lcg(S);
  for (double &V : B) V = lcg(S);
  for (double &V : X) V = lcg(S);
  for (double &V : T) V = lcg(S);
  double R[2][4], WantL = 0;
  for (int s = 0; s < 2; ++s)
    for (int i = 0; i < 4; ++i) {
      double Y = B[i];
      for (int j = 0; j < 5; ++j)
        Y += W[5 * i + j] * X[5 * s + j];
      R[s][i] = Y - T[4 * s + i];
      WantL += 0.5 * R[s][i] * R[s][i];
    }
  double DW[20] = {}, DB[4] = {}, DX[10] = {};
  gg::near("dense2 value", dense2_grad(W, B, X, T, DW, DB, DX), WantL);
  for (int i = 0; i < 4; ++i) {
    gg::near("d/db", DB[i], R[0][i] + R[1][i]);
    for (int j = 0; j < 5; ++j)
      gg::near("d/dW", DW[5 * i + j], R[0][i] * X[j] + R[1][i] * X[5 + j]);
  }
  for (int s = 0; s < 2; ++s)
    for (int j = 0; j < 5; ++j) {
      double Want = 0;
      for (int i = 0; i < 4; ++i)
        Want += R[s][i] * W[5 * i + j];
      gg::near("d/dx", DX[5 * s + j], Want);
    }

  std::vector<double> G(9);
  for (double &V : G) V = 0.5 + 0.5 * lcg(S);
  auto F = [](const std::vector<double> &v) { return grid(v.data()); };
  double DG[9] = {};
  gg::near("grid value", grid_grad(G.data(), DG), F(G));
  for (int K = 0; K < 9; ++K)
    gg::near("grid d/dg", DG[K], gg::fd(F, G, K), 1e-6);
  return gg::result();
}
