// Found by the random tester: w[k % n] = ... - w[n / 2] with k % n == n / 2.
// The adjoint of the element written must be zeroed before the right-hand
// side's contributions are added, which may reach the same element through
// another index expression.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double f(double *w, int k, int n, double a) {
  w[k % n] = a * a - w[n / 2];
  return w[k % n] * 3 + w[0];
}

double f_grad(double *w, int k, int n, double a, double *d_w, double *d_a);

int main() {
  // n = 2, k = 5: w[1] = a^2 - w[1]; result 3 * w[1] + w[0].
  double w[2] = {0.3, -0.8}, dw[2] = {0, 0}, da = 0;
  double v = f_grad(w, 5, 2, 1.5, dw, &da);
  gg::near("value", v, 3 * (2.25 + 0.8) + 0.3);
  gg::near("w[1] after", w[1], 2.25 + 0.8);
  gg::near("d/dw0", dw[0], 1);
  gg::near("d/dw1 (initial)", dw[1], -3);
  gg::near("d/da", da, 3 * 2 * 1.5);
  return gg::result();
}
