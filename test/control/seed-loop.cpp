// The seed example as users write it, over an array: y = 2 x_i, w = y^2,
// s += w. ds/dx_i = 8 x_i, so x = [1, 2, 3] gives [8, 16, 24].
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double loss(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double y = x[i] * 2;
    double w = y * y;
    s += w;
  }
  return s;
}

double loss_grad(const double *x, int n, double *d_x);
void loss_pullback(const double *x, int n, double d_ret, double *d_x);

int main() {
  const double X[3] = {1, 2, 3};
  double D[3] = {0, 0, 0};
  gg::near("value", loss_grad(X, 3, D), 4 * (1 + 4 + 9));
  gg::near("d/dx0", D[0], 8);
  gg::near("d/dx1", D[1], 16);
  gg::near("d/dx2", D[2], 24);
  // Accumulates into the caller's adjoints.
  loss_grad(X, 3, D);
  gg::near("acc d/dx0", D[0], 16);
  gg::near("acc d/dx1", D[1], 32);
  gg::near("acc d/dx2", D[2], 48);
  double P[3] = {0, 0, 0};
  loss_pullback(X, 3, -0.25, P);
  gg::near("pullback 0", P[0], -2);
  gg::near("pullback 1", P[1], -4);
  gg::near("pullback 2", P[2], -6);
  // n = 0: value 0, no gradient; a prefix only touches the prefix.
  double Z[3] = {0, 0, 0};
  gg::near("n=0 value", loss_grad(X, 0, Z), 0);
  gg::near("n=0 d0", Z[0], 0);
  loss_grad(X, 2, Z);
  gg::near("n=2 d0", Z[0], 8);
  gg::near("n=2 d1", Z[1], 16);
  gg::near("n=2 d2", Z[2], 0);
  return gg::result();
}
