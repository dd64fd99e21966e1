// A callee takes a struct, std::array or std::vector BY VALUE and writes its
// own copy; the caller then still uses its (unchanged) object. The callee's
// pullback must keep the adjoint of its copy separate from the caller's
// adjoint. f = x k + x^2, so df/dx = k + 2x and df/dk = x.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <array>
#include <vector>
#include "../Inputs/gg_check.h"

struct P {
  double a[2];
};
static double ft_s(P p, double k) {
  p.a[0] = p.a[0] * k;
  return p.a[0];
}
static double ft_a(std::array<double, 2> p, double k) {
  p[0] = p[0] * k;
  return p[0];
}
static double ft_v(std::vector<double> p, double k) {
  p[0] = p[0] * k;
  return p[0];
}

GRADGEN_DIFFERENTIABLE
double fs(double x, double k) {
  P p{{x, 0}};
  double r = ft_s(p, k);
  return r + p.a[0] * p.a[0];
}
GRADGEN_DIFFERENTIABLE
double fa(double x, double k) {
  std::array<double, 2> p = {x, 0};
  double r = ft_a(p, k);
  return r + p[0] * p[0];
}
GRADGEN_DIFFERENTIABLE
double fv(double x, double k) {
  std::vector<double> p(2);
  p[0] = x;
  double r = ft_v(p, k);
  return r + p[0] * p[0];
}

double fs_grad(double x, double k, double *d_x, double *d_k);
double fa_grad(double x, double k, double *d_x, double *d_k);
double fv_grad(double x, double k, double *d_x, double *d_k);

int main() {
  const double X = 0.4, K = 0.35;
  double Dx = 0, Dk = 0;
  gg::near("struct value", fs_grad(X, K, &Dx, &Dk), X * K + X * X);
  gg::near("struct d/dx", Dx, K + 2 * X);
  gg::near("struct d/dk", Dk, X);
  Dx = Dk = 0;
  gg::near("array value", fa_grad(X, K, &Dx, &Dk), X * K + X * X);
  gg::near("array d/dx", Dx, K + 2 * X);
  gg::near("array d/dk", Dk, X);
  Dx = Dk = 0;
  gg::near("vector value", fv_grad(X, K, &Dx, &Dk), X * K + X * X);
  gg::near("vector d/dx", Dx, K + 2 * X);
  gg::near("vector d/dk", Dk, X);
  return gg::result();
}
