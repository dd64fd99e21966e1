// A compound assignment whose right-hand side calls a function: the adjoint
// of the left-hand side must flow on (r += g(y) keeps d_r; r *= g(y) scales
// it), not be dropped as for a plain assignment.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

static double g(double y) { return y * y; }

// r = 3x + y^2: (3, 2y).
GRADGEN_DIFFERENTIABLE
double add(double x, double y) { double r = 3 * x; r += g(y); return r; }
// r = 3x - y^2: (3, -2y).
GRADGEN_DIFFERENTIABLE
double sub(double x, double y) { double r = 3 * x; r -= g(y); return r; }
// r = 3x y^2: (3y^2, 6xy).
GRADGEN_DIFFERENTIABLE
double mul(double x, double y) { double r = 3 * x; r *= g(y); return r; }
// r = 3x / y^2: (3/y^2, -6x/y^3).
GRADGEN_DIFFERENTIABLE
double div(double x, double y) { double r = 3 * x; r /= g(y); return r; }
// In a loop, into an array element: r[i] += g(x_i) y.
GRADGEN_DIFFERENTIABLE
double loop(const double *x, double y) {
  double r[3] = {y, 2 * y, 3 * y};
  for (int i = 0; i < 3; ++i)
    r[i] += g(x[i]) * y;
  return r[0] * r[1] + r[2];
}

double add_grad(double, double, double *, double *);
double sub_grad(double, double, double *, double *);
double mul_grad(double, double, double *, double *);
double div_grad(double, double, double *, double *);
double loop_grad(const double *, double, double *, double *);

int main() {
  const double X = 1.5, Y = -0.75;
  double Dx, Dy;
  Dx = Dy = 0;
  gg::near("add value", add_grad(X, Y, &Dx, &Dy), 3 * X + Y * Y);
  gg::near("add d/dx", Dx, 3);
  gg::near("add d/dy", Dy, 2 * Y);
  Dx = Dy = 0;
  gg::near("sub value", sub_grad(X, Y, &Dx, &Dy), 3 * X - Y * Y);
  gg::near("sub d/dx", Dx, 3);
  gg::near("sub d/dy", Dy, -2 * Y);
  Dx = Dy = 0;
  gg::near("mul value", mul_grad(X, Y, &Dx, &Dy), 3 * X * Y * Y);
  gg::near("mul d/dx", Dx, 3 * Y * Y);
  gg::near("mul d/dy", Dy, 6 * X * Y);
  Dx = Dy = 0;
  gg::near("div value", div_grad(X, Y, &Dx, &Dy), 3 * X / (Y * Y));
  gg::near("div d/dx", Dx, 3 / (Y * Y));
  gg::near("div d/dy", Dy, -6 * X / (Y * Y * Y));

  std::vector<double> V = {0.5, -1.25, 2.0, 0.8};
  auto F = [](const std::vector<double> &W) { return loop(W.data(), W[3]); };
  double Dv[3] = {0, 0, 0}, Dw = 0;
  gg::near("loop value", loop_grad(V.data(), V[3], Dv, &Dw), F(V));
  for (int I = 0; I < 3; ++I)
    gg::near("loop d/dx_i", Dv[I], gg::fd(F, V, I), 1e-6);
  gg::near("loop d/dy", Dw, gg::fd(F, V, 3), 1e-6);
  return gg::result();
}
