// gradgen bug (a convention): atan2's partials at (0, 0) were 0/0, so an
// unread atan2(0, 0) made the whole gradient NaN in reverse mode (0 * NaN).
// atan2 has no derivative there; gradgen now takes (0, 0), as for hypot.
// Status: fixed (kept as a record; the program now prints ok).
// Build: gradgen 012-atan2-origin.cpp -o out.cpp -- -std=c++17 && clang++-19 -std=c++17 -I include out.cpp && ./a.out   (exit 1 = bug present)
// Found by test/random (run.py --seed 20261127 --batch 50 --features all, functions f605 and f1840; reduced).
#include <cmath>
#include <cstdio>
#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE double f(double a, double b) {
  double u[2] = {a, std::atan2(b - b, b - b)}; // u[1] is never read
  return u[0] + std::atan2(b, a);
}

double f_grad(double a, double b, double *d_a, double *d_b);

int main() {
  double Da = 0, Db = 0;
  f_grad(1.0, 1.0, &Da, &Db);
  // d/da = 1 - b / (a^2 + b^2) = 0.5, d/db = a / (a^2 + b^2) = 0.5.
  if (!(std::fabs(Da - 0.5) < 1e-15 && std::fabs(Db - 0.5) < 1e-15)) {
    std::printf("got %.17g %.17g want 0.5 0.5\n", Da, Db);
    return 1;
  }
  std::printf("ok\n");
  return 0;
}
