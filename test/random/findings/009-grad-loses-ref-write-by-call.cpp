// gradgen bug: when f writes a reference (or pointer) parameter through a call, f_grad/f_pullback restore the pre-call value in the reverse sweep and never write the final value back: after f_grad, r holds its initial value, not what f leaves (direct assignments `r = ...` use the _outputs write-back; calls do not).
// Status: fixed (kept as a record; the program now prints ok).
// Build: gradgen 009-grad-loses-ref-write-by-call.cpp -o out.cpp -- -std=c++17 && clang++-19 -std=c++17 -I include out.cpp && ./a.out   (exit 1 = bug present)
// Found by test/random (run.py --seed 20261127 --batch 50 --features all, function f339: reported as `accum` before the harness learned the `writes` check; reduced by hand).
#include <cmath>
#include <cstdio>
#include <gradgen/gradgen.h>

static void h(double p, double &out) { out = p * out; }

GRADGEN_DIFFERENTIABLE double f(double a, double &r) {
  h(a, r);
  return r * r;
}

double f_grad(double a, double &r, double *d_a, double *d_r);

int main() {
  double A = 3.0, R = 0.5, DA = 0, DR = 0;
  f_grad(A, R, &DA, &DR);
  if (R != 1.5) { // f leaves r = a * r = 1.5
    std::printf("r after f_grad: got %.17g want 1.5\n", R);
    return 1;
  }
  std::printf("ok\n");
  return 0;
}
