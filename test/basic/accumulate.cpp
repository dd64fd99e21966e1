// The gradient ADDS into the adjoints (the caller zeroes them): a second call
// doubles, a non-zero start is kept, _pullback adds d_ret times the gradient,
// and one adjoint shared by two parameters receives both partials.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// f = x^2 y + sin(v[0]) v[1]
GRADGEN_DIFFERENTIABLE
double acc(double x, float y, const double *v) {
  return x * x * y + std::sin(v[0]) * v[1];
}

double acc_grad(double x, float y, const double *v, double *d_x, float *d_y,
                double *d_v);
void acc_pullback(double x, float y, const double *v, double d_ret,
                  double *d_x, float *d_y, double *d_v);

int main() {
  const double V[2] = {0.5, -2};
  for (double X : {-1.5, 0.5, 2.0}) {
    float Y = 0.75f;
    double Wx = 2 * X * Y, Wy = X * X;
    double Wv0 = std::cos(V[0]) * V[1], Wv1 = std::sin(V[0]);
    double DX = 0, DV[2] = {0, 0};
    float DY = 0;
    acc_grad(X, Y, V, &DX, &DY, DV);
    acc_grad(X, Y, V, &DX, &DY, DV);
    gg::near("twice d/dx", DX, 2 * Wx, 1e-12);
    gg::near("twice d/dy", DY, 2 * Wy, 1e-6);
    gg::near("twice d/dv0", DV[0], 2 * Wv0, 1e-12);
    gg::near("twice d/dv1", DV[1], 2 * Wv1, 1e-12);
    // A non-zero start is kept.
    DX = 10;
    DY = -4;
    DV[0] = 1;
    DV[1] = 2;
    acc_grad(X, Y, V, &DX, &DY, DV);
    gg::near("start d/dx", DX, 10 + Wx, 1e-12);
    gg::near("start d/dy", DY, -4 + Wy, 1e-6);
    gg::near("start d/dv0", DV[0], 1 + Wv0, 1e-12);
    gg::near("start d/dv1", DV[1], 2 + Wv1, 1e-12);
    // _grad then _pullback with d_ret = 3: 4 times the gradient.
    DX = 0;
    DY = 0;
    DV[0] = DV[1] = 0;
    acc_grad(X, Y, V, &DX, &DY, DV);
    acc_pullback(X, Y, V, 3, &DX, &DY, DV);
    gg::near("grad + pullback d/dx", DX, 4 * Wx, 1e-12);
    gg::near("grad + pullback d/dy", DY, 4 * Wy, 1e-6);
    gg::near("grad + pullback d/dv0", DV[0], 4 * Wv0, 1e-12);
    gg::near("grad + pullback d/dv1", DV[1], 4 * Wv1, 1e-12);
    // d_ret = 0 adds nothing.
    acc_pullback(X, Y, V, 0, &DX, &DY, DV);
    gg::near("zero pullback d/dx", DX, 4 * Wx, 1e-12);
    // Sum over a batch, as a loss over several samples.
    double Sum = 0;
    DX = 0;
    DY = 0;
    DV[0] = DV[1] = 0;
    double WantX = 0;
    for (double S : {1.0, 2.0, 3.0}) {
      Sum += acc_grad(X * S, Y, V, &DX, &DY, DV);
      WantX += 2 * X * S * Y;
    }
    gg::near("batch d/dx", DX, WantX, 1e-12);
    gg::near("batch d/dv1", DV[1], 3 * Wv1, 1e-12);
    gg::near("batch value", Sum,
             acc(X, Y, V) + acc(2 * X, Y, V) + acc(3 * X, Y, V), 1e-15);
  }
  return gg::result();
}
