// Callees that write (and read back) memory they are given, reached from an
// annotated function whose own pointer parameters are outputs or in/out: the
// annotated function passes a local fixed-size array to the callee and copies
// it to/from its parameter. The first callee overwrites out[i] before it
// reads it; the second accumulates into an in/out array, whose pullback maps
// the adjoint of the final value to that of the initial value. Passing the
// annotated function's own pointer parameter straight to such a callee (its
// extent is unknown) is refused: see callee-writes-param-refusals.cpp.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

static void matvec(const double *A, const double *v, double *out) {
  for (int i = 0; i < 2; ++i) {
    out[i] = 0;
    for (int j = 0; j < 2; ++j)
      out[i] += A[2 * i + j] * v[j];
  }
}

// out = A v, returns out . out.
GRADGEN_DIFFERENTIABLE
double f(const double *A, const double *v, double *out) {
  double o[2];
  matvec(A, v, o);
  out[0] = o[0];
  out[1] = o[1];
  return out[0] * out[0] + out[1] * out[1];
}

static void axpy(double a, const double *x, double *y) {
  y[0] += a * x[0];
  y[1] += a * x[1];
}

// acc += a x; returns acc0 * acc1 (acc is in/out).
GRADGEN_DIFFERENTIABLE
double g(double a, const double *x, double *acc) {
  double t[2] = {acc[0], acc[1]};
  axpy(a, x, t);
  acc[0] = t[0];
  acc[1] = t[1];
  return acc[0] * acc[1];
}

double f_grad(const double *A, const double *v, double *out, double *d_A, double *d_v,
              double *d_out);
double g_grad(double a, const double *x, double *acc, double *d_a, double *d_x,
              double *d_acc);

int main() {
  {
    std::vector<double> X = {1.0, 2.0, -0.5, 0.75, 0.3, -1.2};
    auto F = [](const std::vector<double> &V) {
      double O[2];
      return f(&V[0], &V[4], O);
    };
    double DA[4] = {0, 0, 0, 0}, Dv[2] = {0, 0}, O[2] = {9, 9}, DO[2] = {0, 0};
    gg::near("f value", f_grad(&X[0], &X[4], O, DA, Dv, DO), F(X));
    gg::near("out[0]", O[0], X[0] * X[4] + X[1] * X[5]);
    for (int I = 0; I < 4; ++I)
      gg::near("f d/dA", DA[I], gg::fd(F, X, I), 1e-6);
    for (int I = 0; I < 2; ++I)
      gg::near("f d/dv", Dv[I], gg::fd(F, X, 4 + I), 1e-6);
    gg::near("f d/dout[0]", DO[0], 0);
    gg::near("f d/dout[1]", DO[1], 0);
  }
  {
    // a, x[2], acc[2] (initial values).
    std::vector<double> X = {0.7, 1.5, -2.0, 0.4, 0.9};
    auto G = [](const std::vector<double> &V) {
      double Acc[2] = {V[3], V[4]};
      return g(V[0], &V[1], Acc);
    };
    double Da = 0, Dx[2] = {0, 0}, Acc[2] = {X[3], X[4]}, DAcc[2] = {0, 0};
    gg::near("g value", g_grad(X[0], &X[1], Acc, &Da, Dx, DAcc), G(X));
    gg::near("acc[1]", Acc[1], X[4] + X[0] * X[2]);
    gg::near("g d/da", Da, gg::fd(G, X, 0), 1e-6);
    for (int I = 0; I < 2; ++I)
      gg::near("g d/dx", Dx[I], gg::fd(G, X, 1 + I), 1e-6);
    for (int I = 0; I < 2; ++I)
      gg::near("g d/dacc (initial)", DAcc[I], gg::fd(G, X, 3 + I), 1e-6);
  }
  return gg::result();
}
