// switch inside a loop with fallthrough, break and default, on an integer
// mode per element. Each case's contribution is simple enough to write the
// gradient by hand.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double modes(const double *x, const int *mode, int n, double a) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double v = x[i];
    switch (mode[i]) {
    case 0:
      v = v * v;           // 0: falls into 1
      [[fallthrough]];
    case 1:
      v = v * a;           // 1: v a
      break;
    case 2:
    case 3:
      v = std::exp(v);     // 2, 3: e^v, then falls into 4
      [[fallthrough]];
    case 4:
      v = v + a * a;
      break;
    default:
      v = -v * s;          // reads the running sum
      break;
    }
    s += v;
  }
  return s;
}

// A switch outside any loop, with default first and a fallthrough chain.
GRADGEN_DIFFERENTIABLE
double pick(double x, double y, int k) {
  double r = 1;
  switch (k) {
  default:
    r = x;
    [[fallthrough]];
  case 7:
    r = r * y;
    break;
  case 8:
    r = x * x * x;
  }
  return r + x;
}

double modes_grad(const double *x, const int *mode, int n, double a,
                  double *d_x, double *d_a);
double pick_grad(double x, double y, int k, double *d_x, double *d_y);

int main() {
  const int N = 14;
  const int Mode[N] = {0, 1, 2, 3, 4, 5, 0, 9, 2, 1, 4, -1, 3, 0};
  std::vector<double> P(N + 1);
  for (int I = 0; I < N; ++I)
    P[I] = 0.3 * std::cos(2.1 * I + 0.4);
  P[N] = 0.77;
  double A = P[N];

  // Hand-written forward pass with derivatives.
  double S = 0;
  std::vector<double> DsDx(N, 0.0); // ds/dx_j
  double DsDa = 0;
  for (int I = 0; I < N; ++I) {
    double X = P[I], V, DvDx, DvDa;
    switch (Mode[I]) {
    case 0: V = X * X * A; DvDx = 2 * X * A; DvDa = X * X; break;
    case 1: V = X * A; DvDx = A; DvDa = X; break;
    case 2: case 3: V = std::exp(X) + A * A; DvDx = std::exp(X); DvDa = 2 * A; break;
    case 4: V = X + A * A; DvDx = 1; DvDa = 2 * A; break;
    default: {
      // v = -x s: depends on x_i and on everything s depends on.
      V = -X * S;
      DvDa = -X * DsDa;
      for (int J = 0; J < I; ++J)
        DsDx[J] += -X * DsDx[J];
      DvDx = -S;
      break;
    }
    }
    S += V;
    DsDx[I] += DvDx;
    DsDa += DvDa;
  }
  std::vector<double> Dx(N, 0.0);
  double Da = 0;
  gg::near("modes value", modes_grad(P.data(), Mode, N, A, Dx.data(), &Da), S);
  for (int I = 0; I < N; ++I)
    gg::near("modes d/dx", Dx[I], DsDx[I]);
  gg::near("modes d/da", Da, DsDa);
  auto F = [&](const std::vector<double> &v) { return modes(v.data(), Mode, N, v[N]); };
  for (int I = 0; I < N; ++I)
    gg::near("modes fd x", Dx[I], gg::fd(F, P, I), 1e-6);
  gg::near("modes fd a", Da, gg::fd(F, P, N), 1e-6);

  // pick: default (k = 3) -> x y + x; 7 -> y + x; 8 -> x^3 + x.
  double X = 1.3, Y = -0.6;
  {
    double Dx1 = 0, Dy1 = 0;
    gg::near("pick default", pick_grad(X, Y, 3, &Dx1, &Dy1), X * Y + X);
    gg::near("pick default d/dx", Dx1, Y + 1);
    gg::near("pick default d/dy", Dy1, X);
  }
  {
    double Dx1 = 0, Dy1 = 0;
    gg::near("pick 7", pick_grad(X, Y, 7, &Dx1, &Dy1), Y + X);
    gg::near("pick 7 d/dx", Dx1, 1);
    gg::near("pick 7 d/dy", Dy1, 1);
  }
  {
    double Dx1 = 0, Dy1 = 0;
    gg::near("pick 8", pick_grad(X, Y, 8, &Dx1, &Dy1), X * X * X + X);
    gg::near("pick 8 d/dx", Dx1, 3 * X * X + 1);
    gg::near("pick 8 d/dy", Dy1, 0);
  }
  return gg::result();
}
