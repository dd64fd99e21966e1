// The pullback contract of annotated functions. An annotated void function
// with outputs gets only f_pullback (no d_ret): it performs the computation,
// writes its outputs, and turns the seed on each output (the adjoint of its
// final value) into the vector-Jacobian product on the inputs; for an in/out
// parameter the adjoint on exit is that of its initial value. A function
// with a floating return gets both f_grad and f_pullback.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// CHECK-NOT: map_grad
// CHECK-NOT: inout_grad
// CHECK-NOT: refs_grad
// CHECK: void map_pullback(const double *x, double *y, double *d_x, double *d_y)
// CHECK: void inout_pullback(double a, double *v, double *d_a, double *d_v)
// CHECK: void refs_pullback(double x, double &s, double &c, double *d_x, double *d_s, double *d_c)
// CHECK: double both_grad(const double *x, double &r, double *d_x, double *d_r)
// CHECK: void both_pullback(const double *x, double &r, double d_ret, double *d_x, double *d_r)

// y = (x0 x1, sin x0, x1^2, exp(x0 - x1)): a 4x2 Jacobian.
GRADGEN_DIFFERENTIABLE
void map(const double *x, double *y) {
  y[0] = x[0] * x[1];
  y[1] = std::sin(x[0]);
  y[2] = x[1] * x[1];
  y[3] = std::exp(x[0] - x[1]);
}

// v <- (a v0 v1, v1 + a v0^2): in/out.
GRADGEN_DIFFERENTIABLE
void inout(double a, double *v) {
  double t = a * v[0] * v[1];
  v[1] = v[1] + a * v[0] * v[0];
  v[0] = t;
}

// Two reference outputs.
GRADGEN_DIFFERENTIABLE
void refs(double x, double &s, double &c) {
  s = std::sin(x) * x;
  c = std::cos(x) + s;
}

// Floating return and a reference output: returns x0 x1, sets r = r x0.
GRADGEN_DIFFERENTIABLE
double both(const double *x, double &r) {
  r = r * x[0];
  return x[0] * x[1];
}

void map_pullback(const double *x, double *y, double *d_x, double *d_y);
void inout_pullback(double a, double *v, double *d_a, double *d_v);
void refs_pullback(double x, double &s, double &c, double *d_x, double *d_s, double *d_c);
double both_grad(const double *x, double &r, double *d_x, double *d_r);
void both_pullback(const double *x, double &r, double d_ret, double *d_x, double *d_r);

int main() {
  {
    const double X[2] = {0.6, -1.1};
    double Y[4] = {0, 0, 0, 0};
    double Seed[4] = {1.0, -2.0, 0.5, 3.0};
    double DY[4] = {Seed[0], Seed[1], Seed[2], Seed[3]};
    double DX[2] = {0.25, -0.5}; // adds into existing values
    map_pullback(X, Y, DX, DY);
    gg::near("y0", Y[0], X[0] * X[1]);
    gg::near("y3", Y[3], std::exp(X[0] - X[1]));
    double E = std::exp(X[0] - X[1]);
    double Want0 = Seed[0] * X[1] + Seed[1] * std::cos(X[0]) + Seed[3] * E;
    double Want1 = Seed[0] * X[0] + Seed[2] * 2 * X[1] - Seed[3] * E;
    gg::near("vjp x0", DX[0], 0.25 + Want0);
    gg::near("vjp x1", DX[1], -0.5 + Want1);
    // y is only written: the adjoint of its initial value is zero.
    for (int I = 0; I < 4; ++I)
      gg::near("d/dy initial", DY[I], 0);
  }
  {
    const double A = 1.5, V0 = 0.8, V1 = -0.4;
    double V[2] = {V0, V1};
    double Da = 0, DV[2] = {2.0, -1.0}; // seeds on the final v
    inout_pullback(A, V, &Da, DV);
    gg::near("v0 final", V[0], A * V0 * V1);
    gg::near("v1 final", V[1], V1 + A * V0 * V0);
    // J^T seed, seed = (2, -1).
    gg::near("d/da", Da, 2.0 * V0 * V1 - 1.0 * V0 * V0);
    gg::near("d/dv0 initial", DV[0], 2.0 * A * V1 - 1.0 * 2 * A * V0);
    gg::near("d/dv1 initial", DV[1], 2.0 * A * V0 - 1.0);
  }
  {
    const double X = 0.9;
    double S = 7, C = 7, Dx = 0, Ds = 1.0, Dc = 10.0;
    refs_pullback(X, S, C, &Dx, &Ds, &Dc);
    gg::near("s", S, std::sin(X) * X);
    gg::near("c", C, std::cos(X) + std::sin(X) * X);
    double DsDx = std::cos(X) * X + std::sin(X);
    gg::near("d/dx", Dx, 1.0 * DsDx + 10.0 * (-std::sin(X) + DsDx));
    gg::near("d/ds initial", Ds, 0);
    gg::near("d/dc initial", Dc, 0);
  }
  {
    const double X[2] = {1.25, -0.5};
    double R = 3.0, DX[2] = {0, 0}, DR = 0;
    // f_grad: only the return value is differentiated; r is written.
    gg::near("both value", both_grad(X, R, DX, &DR), X[0] * X[1]);
    gg::near("both r", R, 3.0 * X[0]);
    gg::near("both d/dx0", DX[0], X[1]);
    gg::near("both d/dx1", DX[1], X[0]);
    gg::near("both d/dr", DR, 0);
    // f_pullback with d_ret = 2 and a seed of 4 on the final r.
    R = 3.0;
    DX[0] = DX[1] = 0;
    DR = 4.0;
    both_pullback(X, R, 2.0, DX, &DR);
    gg::near("pb r", R, 3.0 * X[0]);
    gg::near("pb d/dx0", DX[0], 2.0 * X[1] + 4.0 * 3.0);
    gg::near("pb d/dx1", DX[1], 2.0 * X[0]);
    gg::near("pb d/dr initial", DR, 4.0 * X[0]);
  }
  return gg::result();
}
