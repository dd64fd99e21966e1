// Soundness: nested loops with a break in the inner loop. The inner trip
// count differs per outer iteration; the reverse sweep must replay each
// outer iteration with its own inner count, and the break iteration's
// partial body.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// Row i of an m x n matrix is accumulated into r until r passes 1; the
// element that crossed is included (the break comes after the update).
GRADGEN_DIFFERENTIABLE
double rows(const double *a, int m, int n, double c) {
  double total = 0;
  for (int i = 0; i < m; ++i) {
    double r = c;
    for (int j = 0; j < n; ++j) {
      r = r + a[i * n + j] * a[i * n + j];
      if (r > 1)
        break;
      r = r * c;
    }
    total += r * r;
  }
  return total;
}

// Inner while with a break, outer loop carries state across rows.
GRADGEN_DIFFERENTIABLE
double carry(const double *a, int m, int n) {
  double h = 0.3;
  for (int i = 0; i < m; ++i) {
    int j = 0;
    while (j < n) {
      if (a[i * n + j] < -0.5)
        break;
      h = std::tanh(h + a[i * n + j]);
      j++;
    }
    h = h * 1.5;
  }
  return h;
}

// Triangular nest: the inner trip count is the outer index + 1.
GRADGEN_DIFFERENTIABLE
double tri(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    for (int j = 0; j <= i; ++j)
      s = s * 0.9 + x[i] * x[j];
  return s * s;
}

double rows_grad(const double *a, int m, int n, double c, double *d_a,
                 double *d_c);
double carry_grad(const double *a, int m, int n, double *d_a);
double tri_grad(const double *x, int n, double *d_x);

int main() {
  // Hand-computed rows: m = 2, n = 3, c = 0.5.
  //  row 0: {0.9, 0, 0}: r = .5 + .81 = 1.31 > 1, break -> 1.31^2
  //  row 1: {0.1, 0.2, 0.3}: r = .5+.01=.51 -> *.5=.255; +.04=.295 ->
  //         .1475; +.09 = .2375 -> .11875 (no break). Total 1.7161 + .11875^2.
  {
    double A[6] = {0.9, 0, 0, 0.1, 0.2, 0.3}, D[6] = {}, Dc = 0;
    double R1 = ((0.5 + 0.01) * 0.5 + 0.04) * 0.5 + 0.09;
    double R1f = R1 * 0.5;
    gg::near("rows value", rows_grad(A, 2, 3, 0.5, D, &Dc), 1.31 * 1.31 + R1f * R1f);
    gg::near("rows d/da00", D[0], 2 * 1.31 * 2 * 0.9);
    gg::near("rows d/da01", D[1], 0);
    gg::near("rows d/da02", D[2], 0);
    // r1f = ((((c + a^2) c + b^2) c + d^2) c: d/da = 2a c^3.
    gg::near("rows d/da10", D[3], 2 * R1f * 2 * 0.1 * 0.125);
    gg::near("rows d/da11", D[4], 2 * R1f * 2 * 0.2 * 0.25);
    gg::near("rows d/da12", D[5], 2 * R1f * 2 * 0.3 * 0.5);
    // d/dc: row 0: 2*1.31; row 1: d/dc of c^4 + a^2 c^3 + b^2 c^2 + d^2 c.
    double C = 0.5;
    double DR = 4 * C * C * C + 3 * 0.01 * C * C + 2 * 0.04 * C + 0.09;
    gg::near("rows d/dc", Dc, 2 * 1.31 + 2 * R1f * DR);
  }
  const int M = 5, N = 6;
  for (int Rep = 0; Rep < 3; ++Rep) {
    std::vector<double> P(M * N + 1);
    for (int K = 0; K < M * N; ++K)
      P[K] = 0.6 * std::sin(0.9 * K * (Rep + 1) + 0.2);
    P[M * N] = 0.9;
    auto F = [&](const std::vector<double> &v) { return rows(v.data(), M, N, v[M * N]); };
    std::vector<double> D(M * N, 0.0);
    double Dc = 0;
    gg::near("rows fd value", rows_grad(P.data(), M, N, P[M * N], D.data(), &Dc), F(P));
    for (int K = 0; K < M * N; ++K)
      gg::near("rows fd a", D[K], gg::fd(F, P, K), 1e-6);
    gg::near("rows fd c", Dc, gg::fd(F, P, M * N), 1e-6);

    auto G = [&](const std::vector<double> &v) { return carry(v.data(), M, N); };
    std::vector<double> E(M * N, 0.0);
    gg::near("carry value", carry_grad(P.data(), M, N, E.data()), G(P));
    for (int K = 0; K < M * N; ++K)
      gg::near("carry fd", E[K], gg::fd(G, P, K), 1e-6);
  }
  // tri: by hand for n = 2: s = ((x0 x0) .9 + x1 x0) .9 + x1 x1.
  {
    double X[2] = {0.6, -1.1}, D[2] = {};
    double S = (X[0] * X[0] * 0.9 + X[1] * X[0]) * 0.9 + X[1] * X[1];
    gg::near("tri2 value", tri_grad(X, 2, D), S * S);
    gg::near("tri2 d/dx0", D[0], 2 * S * (2 * X[0] * 0.81 + 0.9 * X[1]));
    gg::near("tri2 d/dx1", D[1], 2 * S * (0.9 * X[0] + 2 * X[1]));
  }
  {
    const int T = 9;
    std::vector<double> P(T);
    for (int I = 0; I < T; ++I)
      P[I] = 0.8 * std::sin(1.9 * I + 0.3);
    auto F = [&](const std::vector<double> &v) { return tri(v.data(), T); };
    double D[T] = {};
    gg::near("tri value", tri_grad(P.data(), T, D), F(P));
    for (int I = 0; I < T; ++I)
      gg::near("tri fd", D[I], gg::fd(F, P, I), 1e-6);
  }
  return gg::result();
}
