// An input that silences its own unused-parameter/-variable warnings
// ([[maybe_unused]], (void)y;, an unnamed parameter) must give generated code
// that is warning-free too: the generated _grad/_pullback keep every primal
// parameter, so one the body never reads must not warn there either.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double attr(double x, [[maybe_unused]] double y) { return x * 2; }

GRADGEN_DIFFERENTIABLE
double voidcast(double x, double y) {
  (void)y;
  return x * 3;
}

GRADGEN_DIFFERENTIABLE
double unnamed(double x, double) { return x * 4; }

// A local kept only for its (void) use.
GRADGEN_DIFFERENTIABLE
double deadlocal(double x) {
  double s = x * x;
  (void)s;
  return x * 5;
}

// A constant parameter never read.
GRADGEN_DIFFERENTIABLE
double constparam(double x, [[maybe_unused]] GRADGEN_CONST double c) {
  return x * 6;
}

double attr_grad(double x, double y, double *d_x, double *d_y);
double voidcast_grad(double x, double y, double *d_x, double *d_y);
double unnamed_grad(double x, double y, double *d_x, double *d_y);
double deadlocal_grad(double x, double *d_x);
double constparam_grad(double x, double c, double *d_x);

int main() {
  double DX = 0, DY = 0;
  gg::near("attr value", attr_grad(1.5, 2, &DX, &DY), 3, 0);
  gg::near("attr d/dx", DX, 2, 0);
  gg::near("attr d/dy", DY, 0, 0);
  DX = DY = 0;
  voidcast_grad(1.5, 2, &DX, &DY);
  gg::near("voidcast d/dx", DX, 3, 0);
  gg::near("voidcast d/dy", DY, 0, 0);
  DX = DY = 0;
  unnamed_grad(1.5, 2, &DX, &DY);
  gg::near("unnamed d/dx", DX, 4, 0);
  gg::near("unnamed d/dy", DY, 0, 0);
  DX = 0;
  deadlocal_grad(1.5, &DX);
  gg::near("deadlocal d/dx", DX, 5, 0);
  DX = 0;
  constparam_grad(1.5, 2, &DX);
  gg::near("constparam d/dx", DX, 6, 0);
  return gg::result();
}
