// gradgen bug: a callee's pullback redoes the callee's writes into the
// caller's memory (w below); a later write of that memory whose old value
// the gradient did not need was not recorded, so after f_grad, w[0] held
// fill's value instead of the final one (f_grad must leave written
// arguments as f does). Such writes are now recorded and written back;
// the same call in a loop, with w of unknown extent, is refused.
// Status: fixed (kept as a record; the program now prints ok).
// Build: gradgen 013-pullback-rewrites-caller-memory.cpp -o out.cpp -- -std=c++17 && clang++-19 -std=c++17 -I include out.cpp && ./a.out   (exit 1 = bug present)
// Found by test/random (run.py --seed 20261128 --batch 50 --features all, function f681, `writes`; reduced by hand).
#include <cmath>
#include <cstdio>
#include <gradgen/gradgen.h>

static void fill(const double *v, int m, double *o) {
  for (int i = 0; i < m; ++i)
    o[i] = std::sin(v[i]);
}

GRADGEN_DIFFERENTIABLE double f(const double *x, int n, double w[]) {
  fill(x, n, w);
  w[0] -= 2.0;
  return x[0] * x[1];
}

double f_grad(const double *x, int n, double w[], double *d_x, double *d_w);

int main() {
  double X[2] = {0.3, 0.7}, W[2] = {5, 5}, W2[2] = {5, 5};
  double Dx[2] = {0, 0}, Dw[2] = {0, 0};
  f_grad(X, 2, W, Dx, Dw);
  f(X, 2, W2);
  int Bad = 0;
  for (int I = 0; I < 2; ++I)
    if (W[I] != W2[I]) {
      std::printf("w[%d] after f_grad %.17g, after f %.17g\n", I, W[I], W2[I]);
      Bad = 1;
    }
  if (!(Dx[0] == 0.7 && Dx[1] == 0.3)) {
    std::printf("d_x: got %.17g %.17g want 0.7 0.3\n", Dx[0], Dx[1]);
    Bad = 1;
  }
  if (!Bad)
    std::printf("ok\n");
  return Bad;
}
