// gradgen bug: in the reverse sweep of a loop, loop-local t2 = a * t1 is recomputed BEFORE t1 itself is restored for that iteration, so it uses t1 from the next iteration: wrong gradients for a plain accumulation loop.
// Build: gradgen 005-loop-local-recompute-order.cpp -o out.cpp -- -std=c++17 && clang++-19 -std=c++17 -I include out.cpp && ./a.out   (exit 1 = bug present)
// Found by test/random (run.py --seed 200, function f182, reduced).
#include <cmath>
#include <cstdio>
#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE double f(double a, const double *x, int n) {
  double acc = 0.0;
  for (int i = 0; i < n; ++i) {
    double t1 = x[i];
    double t2 = a * t1;
    acc += t2 * t2;
  }
  return acc; // df/da = 2 a sum x_i^2, df/dx_i = 2 a^2 x_i
}

double f_grad(double a, const double *x, int n, double *d_a, double *d_x);

int main() {
  const double X[3] = {0.5, -1.25, 2.0};
  double A = 0.75, DA = 0, DX[3] = {0, 0, 0};
  f_grad(A, X, 3, &DA, DX);
  int Bad = 0;
  double S = 0;
  for (double V : X)
    S += V * V;
  if (std::fabs(DA - 2 * A * S) > 1e-12) {
    std::printf("d_a: got %.17g want %.17g\n", DA, 2 * A * S);
    Bad = 1;
  }
  for (int I = 0; I < 3; ++I)
    if (std::fabs(DX[I] - 2 * A * A * X[I]) > 1e-12) {
      std::printf("d_x[%d]: got %.17g want %.17g\n", I, DX[I], 2 * A * A * X[I]);
      Bad = 1;
    }
  if (!Bad)
    std::printf("ok\n");
  return Bad;
}
