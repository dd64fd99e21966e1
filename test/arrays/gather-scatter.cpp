// Gathers x[idx[i]] and scatters y[idx[i]] += ... with repeated indices: the
// adjoints of repeated entries must accumulate, never overwrite.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// sum_i w_i x[idx_i]^2: d/dx_k = sum_{i: idx_i = k} 2 w_i x_k.
GRADGEN_DIFFERENTIABLE
double gather(const double *x, const double *w, const int *idx, int m) {
  double s = 0;
  for (int i = 0; i < m; ++i)
    s += w[i] * x[idx[i]] * x[idx[i]];
  return s;
}

// Scatter into a local histogram h[k] += v_i (repeated k), then a nonlinear
// read of every bin: L = sum_k h_k^3. dL/dv_i = 3 h_{idx_i}^2.
GRADGEN_DIFFERENTIABLE
double scatter(const double *v, const int *idx, int m, int nbins) {
  double h[8];
  for (int k = 0; k < nbins; ++k)
    h[k] = 0;
  for (int i = 0; i < m; ++i)
    h[idx[i]] += v[i];
  double L = 0;
  for (int k = 0; k < nbins; ++k)
    L += h[k] * h[k] * h[k];
  return L;
}

// Gather and scatter through the same index array into an active output
// parameter y (read back nonlinearly), plus *(p + i) pointer forms.
GRADGEN_DIFFERENTIABLE
double both(const double *x, double *y, const int *idx, int m) {
  for (int i = 0; i < m; ++i)
    *(y + idx[i]) += x[idx[(i + 1) % m]] * x[i];
  double L = 0;
  for (int i = 0; i < m; ++i)
    L += y[idx[i]] * *(x + i);
  return L;
}

// In-place scatter with repeated indices into an active output: y[k] is
// overwritten (nonlinearly in its old value) once per occurrence of k.
GRADGEN_DIFFERENTIABLE
double scatter_mul(double *y, const double *x, const int *idx, int m) {
  for (int i = 0; i < m; ++i)
    y[idx[i]] = y[idx[i]] * x[i] + std::sin(y[idx[i]]);
  return y[0] * y[1] + y[2];
}

double gather_grad(const double *x, const double *w, const int *idx, int m,
                   double *d_x, double *d_w);
double scatter_grad(const double *v, const int *idx, int m, int nbins,
                    double *d_v);
double scatter_mul_grad(double *y, const double *x, const int *idx, int m,
                        double *d_y, double *d_x);
double both_grad(const double *x, double *y, const int *idx, int m,
                 double *d_x, double *d_y);

int main() {
  const int N = 6, M = 11;
  const int Idx[M] = {3, 0, 3, 5, 1, 3, 0, 2, 5, 3, 1}; // 4 unused
  double X[N], W[M];
  for (int K = 0; K < N; ++K)
    X[K] = 0.4 * K - 0.9;
  for (int I = 0; I < M; ++I)
    W[I] = std::sin(0.7 * I + 1.1);

  // gather
  {
    double Dx[N] = {}, Dw[M] = {}, WantDx[N] = {}, Want = 0;
    for (int I = 0; I < M; ++I) {
      Want += W[I] * X[Idx[I]] * X[Idx[I]];
      WantDx[Idx[I]] += 2 * W[I] * X[Idx[I]];
    }
    gg::near("gather value", gather_grad(X, W, Idx, M, Dx, Dw), Want);
    for (int K = 0; K < N; ++K)
      gg::near("gather d/dx", Dx[K], WantDx[K]);
    for (int I = 0; I < M; ++I)
      gg::near("gather d/dw", Dw[I], X[Idx[I]] * X[Idx[I]]);
  }
  // scatter
  {
    double V[M], H[8] = {}, Dv[M] = {}, Want = 0;
    for (int I = 0; I < M; ++I) {
      V[I] = 0.3 * std::cos(1.3 * I) + 0.1;
      H[Idx[I]] += V[I];
    }
    for (int K = 0; K < 7; ++K)
      Want += H[K] * H[K] * H[K];
    gg::near("scatter value", scatter_grad(V, Idx, M, 7, Dv), Want);
    for (int I = 0; I < M; ++I)
      gg::near("scatter d/dv", Dv[I], 3 * H[Idx[I]] * H[Idx[I]]);
  }
  // both: against finite differences in x and in y's initial contents, and
  // y's final contents must equal what the primal leaves.
  {
    std::vector<double> P(2 * N);
    for (int K = 0; K < N; ++K) {
      P[K] = 0.25 * K - 0.6;
      P[N + K] = 0.5 - 0.15 * K;
    }
    const int Ib[N] = {2, 2, 0, 5, 2, 0};
    auto F = [&](const std::vector<double> &v) {
      std::vector<double> Y(v.begin() + N, v.end());
      return both(v.data(), Y.data(), Ib, N);
    };
    std::vector<double> Yp(P.begin() + N, P.end()), Yg = Yp;
    double Want = both(P.data(), Yp.data(), Ib, N);
    double Dx[N] = {}, Dy[N] = {};
    gg::near("both value", both_grad(P.data(), Yg.data(), Ib, N, Dx, Dy), Want);
    for (int K = 0; K < N; ++K)
      gg::near("both final y", Yg[K], Yp[K]);
    for (int K = 0; K < N; ++K)
      gg::near("both d/dx", Dx[K], gg::fd(F, P, K), 1e-6);
    for (int K = 0; K < N; ++K)
      gg::near("both d/dy", Dy[K], gg::fd(F, P, N + K), 1e-6);
  }
  // scatter_mul: y1 is hit three times, y0 and y2 once.
  {
    const int Is[5] = {1, 0, 1, 2, 1};
    std::vector<double> P = {0.3, 0.6, -0.4, 0.9, 1.2, 0.7, -0.5, 0.8};
    auto F = [&](const std::vector<double> &v) {
      std::vector<double> Y(v.begin(), v.begin() + 3);
      return scatter_mul(Y.data(), v.data() + 3, Is, 5);
    };
    std::vector<double> Yg(P.begin(), P.begin() + 3), Yp = Yg;
    double Want = scatter_mul(Yp.data(), P.data() + 3, Is, 5);
    double D[8] = {};
    gg::near("scatter_mul value",
             scatter_mul_grad(Yg.data(), P.data() + 3, Is, 5, D, D + 3), Want);
    for (int K = 0; K < 3; ++K)
      gg::near("scatter_mul final y", Yg[K], Yp[K], 0);
    for (int K = 0; K < 8; ++K)
      gg::near("scatter_mul fd", D[K], gg::fd(F, P, K), 1e-6);
    // By hand for x[3] (the only write to y[2]): dy2/dx3 = y2 (on entry).
    gg::near("scatter_mul d/dx3", D[3 + 3], P[2]);
  }
  return gg::result();
}
