// gradgen::detach(e): the value of e, no gradient through it. The seed's
// "z = detach(y); w = z*z + x" keeps only the direct path (dw/dx = 1).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 2>&1 | FileCheck %s --check-prefix=WARN --allow-empty
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "Inputs/check2.h"

// WARN-NOT: error
GRADGEN_DIFFERENTIABLE
double seed_detach(double x) {
  double y = 2 * x;
  double z = gradgen::detach(y);
  double w = z * z + x;
  return w;
}

// Inside an expression: x * detach(x) has derivative x, not 2x; detach of a
// local inside a math call's argument. (Detaching a temporary such as
// detach(x * y) is tested in detach_expr.cpp.)
GRADGEN_DIFFERENTIABLE
double inside(double x, double y) {
  double p = x * y, c = std::cos(x);
  return x * gradgen::detach(x) + gradgen::detach(p) * y +
         std::sin(gradgen::detach(c) * y);
}

// The detached value still flows where it is used undetached elsewhere.
GRADGEN_DIFFERENTIABLE
double partial(double x, double y) {
  double t = x * y;
  double u = gradgen::detach(t) * t;
  return u + t;
}

// detach on float and long double values keeps the type.
GRADGEN_DIFFERENTIABLE
float dfloat(float a) {
  float s = a * a;
  return a * gradgen::detach(s);
}
GRADGEN_DIFFERENTIABLE
long double dlong(long double a) {
  long double s = a * a;
  return a * gradgen::detach(s);
}

double seed_detach_grad(double x, double *d_x);
double inside_grad(double x, double y, double *d_x, double *d_y);
double partial_grad(double x, double y, double *d_x, double *d_y);
float dfloat_grad(float a, float *d_a);
long double dlong_grad(long double a, long double *d_a);

int main() {
  for (double X : {1.0, 2.0, 3.0}) {
    double D = 0;
    gg::near("seed value", seed_detach_grad(X, &D), 4 * X * X + X, 0);
    gg::near("seed d/dx (direct path only)", D, 1, 0);
  }
  const double Pts[3][2] = {{0.7, 1.3}, {2.5, -0.4}, {-1.1, 2.0}};
  for (const auto &P : Pts) {
    double x = P[0], y = P[1];
    double DX = 0, DY = 0;
    double V = inside_grad(x, y, &DX, &DY);
    gg::near("inside value", V, inside(x, y), 0);
    double C = std::cos(std::cos(x) * y);
    gg::near("inside d/dx", DX, x, 1e-12);
    gg::near("inside d/dy", DY, x * y + C * std::cos(x), 1e-12);
    DX = DY = 0;
    partial_grad(x, y, &DX, &DY);
    // u = c t with c the detached t: du = c dt; f = u + t.
    double t = x * y;
    gg::near("partial d/dx", DX, (t + 1) * y, 1e-12);
    gg::near("partial d/dy", DY, (t + 1) * x, 1e-12);
    float F = 0;
    dfloat_grad(float(x), &F);
    gg::near("float d/da", F, float(x) * float(x), 1e-6);
    long double L = 0;
    long double LX = x;
    dlong_grad(LX, &L);
    gg::near("long double d/da", L, LX * LX, 0);
  }
  return gg::result();
}
