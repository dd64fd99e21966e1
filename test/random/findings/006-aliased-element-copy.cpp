// gradgen bug: an element copy u[i] = u[j] whose indices are equal at run time (a self-assignment) loses the gradient of u[i]: the adjoint is zeroed after being added back to the same element.
// Status: fixed in 895c370 (kept as a record; the program now prints ok).
// Build: gradgen 006-aliased-element-copy.cpp -o out.cpp -- -std=c++17 && clang++-19 -std=c++17 -I include out.cpp && ./a.out   (exit 1 = bug present)
// Found by test/random (run.py --seed 200, functions f186 and f97, reduced).
#include <cmath>
#include <cstdio>
#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE double local(const double *x, int k) {
  double u[4] = {x[0], 0.5, 0.5, 0.5};
  u[k] = u[0]; // k = 0 at run time: u[0] = u[0]
  return 2.0 * u[k]; // df/dx[0] = 2
}

GRADGEN_DIFFERENTIABLE double param(double *w, int n) {
  for (int i = 0; i < n; ++i)
    w[i] = w[0]; // i = 0: w[0] = w[0]
  return w[n - 1]; // df/dw[0] = 1
}

double local_grad(const double *x, int k, double *d_x);
double param_grad(double *w, int n, double *d_w);

int main() {
  int Bad = 0;
  const double X[1] = {0.3};
  double DX[1] = {0};
  local_grad(X, 0, DX);
  if (std::fabs(DX[0] - 2.0) > 1e-12) {
    std::printf("local: d_x[0] = %g, want 2\n", DX[0]);
    Bad = 1;
  }
  double W[3] = {0.1, 0.2, 0.3}, DW[3] = {0, 0, 0};
  param_grad(W, 3, DW);
  if (std::fabs(DW[0] - 1.0) > 1e-12 || DW[1] != 0 || DW[2] != 0) {
    std::printf("param: d_w = {%g, %g, %g}, want {1, 0, 0}\n", DW[0], DW[1], DW[2]);
    Bad = 1;
  }
  if (!Bad)
    std::printf("ok\n");
  return Bad;
}
