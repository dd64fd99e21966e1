// Found by the random tester: a GRADGEN_CONST reference parameter that is
// assigned a value carrying a gradient, then read, had no adjoint storage
// (the generated code did not compile). Its adjoint now lives in the
// gradient function; the parameter itself still gets no gradient.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double f(double c, GRADGEN_CONST double &r, double b) {
  r = c * b;
  r += std::sin(r);
  return r * b;
}

double f_grad(double c, double &r, double b, double *d_c, double *d_b);

int main() {
  const double C = 0.4, B = 1.7;
  double r = 9, dc = 0, db = 0;
  double v = f_grad(C, r, B, &dc, &db);
  double R0 = C * B, R = R0 + std::sin(R0);
  gg::near("value", v, R * B);
  gg::near("r after", r, R);
  // dv/dc = b * (1 + cos(cb)) * b; dv/db = R + b * (1 + cos(cb)) * c.
  gg::near("d/dc", dc, B * (1 + std::cos(R0)) * B);
  gg::near("d/db", db, R + B * (1 + std::cos(R0)) * C);
  return gg::result();
}
