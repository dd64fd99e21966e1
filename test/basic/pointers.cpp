// Pointer and array parameters read through p[i], *(p + i), *p and i[p]: the
// adjoint is an array of the same length, d_p[i] += df/dp[i]; const double *,
// double *, double v[] and double v[3] all take double *d_v.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// CHECK: double access_grad(const double *p, double *q, int i, double *d_p, double *d_q) {
// f = p[0] q[i] + *(p + i) * *(q + 1) + *p * p[2] + sin(i[q]).
GRADGEN_DIFFERENTIABLE
double access(const double *p, double *q, int i) {
  return p[0] * q[i] + *(p + i) * *(q + 1) + *p * p[2] + std::sin(i[q]);
}

// Array parameters may be spelled as the pointers they are.
// CHECK: double arrays_grad(double {{v\[\]|\*v}}, const double {{w\[3\]|\*w}}, double s, double *d_v, double *d_w, double *d_s) {
GRADGEN_DIFFERENTIABLE
double arrays(double v[], const double w[3], double s) {
  double acc = 0;
  for (int k = 0; k < 3; ++k)
    acc += v[k] * w[k] * s;
  return acc + v[3] * v[3];
}

// Index arithmetic on an integer parameter and pointer arithmetic on a local
// pointer: f = sum p[n - k - 1] * k.
GRADGEN_DIFFERENTIABLE
double reversed(const double *p, int n) {
  double acc = 0;
  for (int k = 0; k < n; ++k)
    acc += *(p + (n - k - 1)) * k;
  return acc;
}

double access_grad(const double *p, double *q, int i, double *d_p,
                   double *d_q);
double arrays_grad(double v[], const double w[3], double s, double *d_v,
                   double *d_w, double *d_s);
double reversed_grad(const double *p, int n, double *d_p);

int main() {
  const double P[3] = {1.5, -0.5, 2.0};
  double Q[3] = {0.25, 3.0, -1.0};
  for (int I = 0; I < 3; ++I) {
    double DP[3] = {0, 0, 0}, DQ[3] = {0, 0, 0};
    gg::near("access value", access_grad(P, Q, I, DP, DQ), access(P, Q, I),
             0);
    double WP[3] = {0, 0, 0}, WQ[3] = {0, 0, 0};
    WP[0] += Q[I];
    WQ[I] += P[0];
    WP[I] += Q[1];
    WQ[1] += P[I];
    WP[0] += P[2];
    WP[2] += P[0];
    WQ[I] += std::cos(Q[I]);
    for (int K = 0; K < 3; ++K) {
      gg::near("access d/dp", DP[K], WP[K], 1e-12);
      gg::near("access d/dq", DQ[K], WQ[K], 1e-12);
    }
    for (int K = 0; K < 3; ++K) {
      auto Fp = [&](std::vector<double> A) {
        double C[3] = {P[0], P[1], P[2]};
        C[K] = A[0];
        return access(C, Q, I);
      };
      gg::near("access d/dp fd", DP[K], gg::fd(Fp, {P[K]}, 0), 1e-6);
    }
    // Accumulation into the adjoint arrays.
    access_grad(P, Q, I, DP, DQ);
    for (int K = 0; K < 3; ++K) {
      gg::near("access d/dp twice", DP[K], 2 * WP[K], 1e-12);
      gg::near("access d/dq twice", DQ[K], 2 * WQ[K], 1e-12);
    }
  }
  double V[4] = {1, 2, -3, 0.5}, W[3] = {0.5, -1, 4};
  for (double S : {0.5, -2.0, 3.0}) {
    double DV[4] = {0, 0, 0, 0}, DW[3] = {0, 0, 0}, DS = 0;
    gg::near("arrays value", arrays_grad(V, W, S, DV, DW, &DS),
             arrays(V, W, S), 0);
    double WantS = 0;
    for (int K = 0; K < 3; ++K) {
      gg::near("arrays d/dv", DV[K], W[K] * S, 1e-12);
      gg::near("arrays d/dw", DW[K], V[K] * S, 1e-12);
      WantS += V[K] * W[K];
    }
    gg::near("arrays d/dv[3]", DV[3], 2 * V[3], 1e-12);
    gg::near("arrays d/ds", DS, WantS, 1e-12);
  }
  const double R[5] = {1, 2, 3, 4, 5};
  for (int N = 1; N <= 5; ++N) {
    double DR[6] = {0, 0, 0, 0, 0, 7};
    reversed_grad(R, N, DR);
    for (int K = 0; K < N; ++K)
      gg::near("reversed d/dp", DR[N - K - 1], K, 0);
    for (int K = N; K < 5; ++K)
      gg::near("reversed untouched", DR[K], 0, 0);
    gg::near("reversed past the end", DR[5], 7, 0);
  }
  return gg::result();
}
