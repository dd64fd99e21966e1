// push_back of a constant (inactive) value onto a local std::vector: the
// generated code must compile warning-free (-Werror) and the gradient must
// ignore the constant element. f = v[0]^2 + v[1] * v[0] with v = {x, 1.5}:
// df/dx = 2x + 1.5.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <vector>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double f(double x) {
  std::vector<double> v;
  v.push_back(x);
  v.push_back(1.5);
  return v[0] * v[0] + v[1] * v[0];
}

double f_grad(double x, double *d_x);

int main() {
  const double X = 0.7;
  double Dx = 0;
  gg::near("value", f_grad(X, &Dx), X * X + 1.5 * X);
  gg::near("d/dx", Dx, 2 * X + 1.5);
  return gg::result();
}
