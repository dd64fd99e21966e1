// gradgen bug: the reverse step of `t = sqrt(x)` reused the value of t for
// sqrt's derivative (1 / (2 sqrt(x))), but t was kept once around the loop
// (not restored at each overwrite), so it held the loop's last value
// (sqrt(x) + 1) there.
// Status: fixed (kept as a record; the program now prints ok).
// Build: gradgen 011-loop-saved-call-result.cpp -o out.cpp -- -std=c++17 && clang++-19 -std=c++17 -I include out.cpp && ./a.out   (exit 1 = bug present)
// Found by test/random (run.py --seed 20261127 --batch 50 --features all, function f2283; reduced).
#include <cmath>
#include <cstdio>
#include <gradgen/gradgen.h>

// (sqrt(x) + 1)^2: d/dx = (sqrt(x) + 1) / sqrt(x) = 1.5 at x = 4.
GRADGEN_DIFFERENTIABLE double f(double x) {
  double t = 0.0;
  for (int i = 0; i < 2; ++i) {
    t = std::sqrt(x);
    t += 1.0;
  }
  return t * t;
}

// The same with tanh (its derivative also reuses the result).
GRADGEN_DIFFERENTIABLE double g(double x, int n) {
  double t = 0.0, s = 0.0;
  for (int i = 0; i < n; ++i) {
    t = std::tanh(x * i);
    t -= 2.0;
    s += t;
  }
  return s;
}

double f_grad(double x, double *d_x);
double g_grad(double x, int n, double *d_x);

int main() {
  int Bad = 0;
  double D = 0;
  f_grad(4.0, &D);
  if (std::fabs(D - 1.5) > 1e-12) {
    std::printf("f: got %.17g want 1.5\n", D);
    ++Bad;
  }
  D = 0;
  g_grad(0.3, 4, &D);
  double Want = 0;
  for (int I = 0; I < 4; ++I)
    Want += I * (1 - std::tanh(0.3 * I) * std::tanh(0.3 * I));
  if (std::fabs(D - Want) > 1e-12) {
    std::printf("g: got %.17g want %.17g\n", D, Want);
    ++Bad;
  }
  if (!Bad)
    std::printf("ok\n");
  return Bad != 0;
}
