// The ways an active array reaches the code: pointer parameter x[i],
// *(p + i), *(p + i + 1), array parameter v[], a fixed-size array parameter,
// writes through *(q + i), a local array with an initializer, and float
// arrays. Each gradient component analytic.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// sum_i x_i p_{i+1} v_i + c_0 c_1 c_2 (c is double[3]).
GRADGEN_DIFFERENTIABLE
double forms(const double *x, const double *p, double v[], const double c[3],
             int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += x[i] * *(p + i + 1) * v[i];
  return s + c[0] * *(c + 1) * c[2];
}

// Writes through *(q + i) into an active output buffer, then reads it.
// q_i <- q_i^2 x_i; result sum q_i. d/dq_i = 2 q_i x_i, d/dx_i = q_i^2.
GRADGEN_DIFFERENTIABLE
double through(double *q, const double *x, int n) {
  for (int i = 0; i < n; ++i)
    *(q + i) = *(q + i) * *(q + i) * x[i];
  double s = 0;
  for (int i = n - 1; i >= 0; --i)
    s += q[i];
  return s;
}

// Local array with an initializer, partly overwritten from x.
// u = {1, 2, 3, 4}; u[1] = x0 u[2]; u[3] = u[1] u[3] + x1; return u0+..+u3
// = 1 + 3 x0 + 3 + 12 x0 + x1 ... = 4 + 15 x0 + x1... with squares below.
GRADGEN_DIFFERENTIABLE
double local_init(const double *x) {
  double u[4] = {1, 2, 3, 4};
  u[1] = x[0] * u[2];
  u[3] = u[1] * u[3] + x[1] * x[1];
  double s = 0;
  for (int i = 0; i < 4; ++i)
    s += u[i];
  return s;
}

// float arrays: sum x_i^2 in float.
GRADGEN_DIFFERENTIABLE
float fsum(const float *x, int n) {
  float s = 0;
  for (int i = 0; i < n; ++i)
    s += x[i] * x[i];
  return s;
}

double forms_grad(const double *x, const double *p, double v[],
                  const double c[3], int n, double *d_x, double *d_p,
                  double *d_v, double *d_c);
double through_grad(double *q, const double *x, int n, double *d_q,
                    double *d_x);
double local_init_grad(const double *x, double *d_x);
float fsum_grad(const float *x, int n, float *d_x);

int main() {
  const int N = 5;
  double X[N], P[N + 1], V[N], C[3] = {0.5, -1.5, 2.5};
  for (int I = 0; I < N; ++I) {
    X[I] = 0.3 * I - 0.7;
    V[I] = std::cos(I + 0.5);
  }
  for (int I = 0; I <= N; ++I)
    P[I] = 1.1 - 0.45 * I;
  {
    double Dx[N] = {}, Dp[N + 1] = {}, Dv[N] = {}, Dc[3] = {};
    double Want = C[0] * C[1] * C[2];
    for (int I = 0; I < N; ++I)
      Want += X[I] * P[I + 1] * V[I];
    gg::near("forms value", forms_grad(X, P, V, C, N, Dx, Dp, Dv, Dc), Want);
    for (int I = 0; I < N; ++I) {
      gg::near("forms d/dx", Dx[I], P[I + 1] * V[I]);
      gg::near("forms d/dv", Dv[I], X[I] * P[I + 1]);
      gg::near("forms d/dp", Dp[I + 1], X[I] * V[I]);
    }
    gg::near("forms d/dp0", Dp[0], 0);
    gg::near("forms d/dc0", Dc[0], C[1] * C[2]);
    gg::near("forms d/dc1", Dc[1], C[0] * C[2]);
    gg::near("forms d/dc2", Dc[2], C[0] * C[1]);
  }
  {
    double Q[N], Q0[N], Dq[N] = {}, Dx[N] = {}, Want = 0;
    for (int I = 0; I < N; ++I) {
      Q0[I] = Q[I] = 0.2 * I + 0.3;
      Want += Q0[I] * Q0[I] * X[I];
    }
    gg::near("through value", through_grad(Q, X, N, Dq, Dx), Want);
    for (int I = 0; I < N; ++I) {
      gg::near("through leaves q", Q[I], Q0[I] * Q0[I] * X[I], 0);
      gg::near("through d/dq", Dq[I], 2 * Q0[I] * X[I]);
      gg::near("through d/dx", Dx[I], Q0[I] * Q0[I]);
    }
  }
  {
    // s = 1 + 3 x0 + 3 + (3 x0 * 4 + x1^2).
    double Xs[2] = {0.7, -1.2}, D[2] = {};
    gg::near("local value", local_init_grad(Xs, D),
             1 + 3 * Xs[0] + 3 + 12 * Xs[0] + Xs[1] * Xs[1]);
    gg::near("local d/dx0", D[0], 15);
    gg::near("local d/dx1", D[1], 2 * Xs[1]);
  }
  {
    float Xf[4] = {0.5f, -1.25f, 2.0f, 0.75f}, Df[4] = {};
    gg::near("fsum value", fsum_grad(Xf, 4, Df), 0.25 + 1.5625 + 4 + 0.5625, 1e-6);
    for (int I = 0; I < 4; ++I)
      gg::near("fsum d/dx", Df[I], 2 * Xf[I], 1e-6);
  }
  return gg::result();
}
