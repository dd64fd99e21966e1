// gradgen bug: for a call g(e(b), b) that writes b through a reference, the reverse sweep propagates the adjoint of the by-value argument e(b) AFTER the pullback has rewritten b and BEFORE b is restored: the partials of e are evaluated at b's value after the call (here d(b*b)/db = 2*1.25 instead of 2*0.5).
// Status: fixed (kept as a record; the program now prints ok).
// Build: gradgen 008-call-arg-reads-written-ref.cpp -o out.cpp -- -std=c++17 && clang++-19 -std=c++17 -I include out.cpp && ./a.out   (exit 1 = bug present)
// Found by test/random (run.py --seed 20261127 --batch 50 --features all, functions f51, f155, f180, f191, f197, f198; reduced by hand).
#include <cmath>
#include <cstdio>
#include <gradgen/gradgen.h>

static void h(double p, double &out) { out = p + 2.0 * out; }

GRADGEN_DIFFERENTIABLE double f(double b) {
  h(b * b, b);
  return b; // f = b*b + 2b, df/db = 2b + 2
}

double f_grad(double b, double *d_b);

int main() {
  double B = 0.5, D = 0;
  f_grad(B, &D);
  double Want = 2 * B + 2.0;
  if (std::fabs(D - Want) > 1e-12) {
    std::printf("d_b: got %.17g want %.17g\n", D, Want);
    return 1;
  }
  std::printf("ok\n");
  return 0;
}
