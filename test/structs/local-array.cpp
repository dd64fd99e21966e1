// Local arrays of structs: declared without an initializer, value-initialized
// ({}), and brace-initialized; elements assigned member by member and as
// whole structs, in loops.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

struct P {
  double x, y;
};

GRADGEN_DIFFERENTIABLE
double f(const double *v, double s) {
  P a[3];
  for (int i = 0; i < 3; ++i) {
    a[i].x = v[i] * s;
    a[i].y = std::cos(v[i]);
  }
  P b[2]{};
  b[1] = a[2];
  b[0].x += a[0].y * a[1].x;
  P c[2] = {{s, v[0]}, {v[1] * v[2], 1.0}};
  double r = 0;
  for (int i = 0; i < 2; ++i)
    r += b[i].x * c[i].y + b[i].y * c[i].x;
  return r;
}

double f_grad(const double *v, double s, double *d_v, double *d_s);

int main() {
  std::vector<double> X = {0.7, -0.4, 1.3, 0.9};
  auto F = [](const std::vector<double> &V) { return f(V.data(), V[3]); };
  double D[3] = {0, 0, 0}, Ds = 0;
  gg::near("value", f_grad(X.data(), X[3], D, &Ds), F(X));
  for (int I = 0; I < 3; ++I)
    gg::near("d/dv", D[I], gg::fd(F, X, I), 1e-6);
  gg::near("d/ds", Ds, gg::fd(F, X, 3), 1e-6);
  return gg::result();
}
