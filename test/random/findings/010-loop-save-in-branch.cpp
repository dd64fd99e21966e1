// gradgen bug: a loop with no reverse work of its own that overwrites a value
// the reverse sweep reads (b below, a GRADGEN_CONST parameter) keeps the old
// value once around the loop; inside an if (or a for's scope block) with no
// other reverse work, the restore was dropped with the branch, so the
// adjoint of `a *= b` read the value b had after the loop.
// Status: fixed (kept as a record; the program now prints ok).
// Build: gradgen 010-loop-save-in-branch.cpp -o out.cpp -- -std=c++17 && clang++-19 -std=c++17 -I include out.cpp && ./a.out   (exit 1 = bug present)
// Found by test/random (run.py --seed 20261127 --batch 50 --features all, function f283; reduced by hand).
#include <cmath>
#include <cstdio>
#include <gradgen/gradgen.h>

// a < 0: f = (a b) (b / 8), df/da = b^2 / 8.
GRADGEN_DIFFERENTIABLE double f(GRADGEN_CONST double b, double a) {
  if (a < 0) {
    a *= b;
    for (int i = 0; i < 3; i += 1)
      b /= 2.0;
  }
  return a * b;
}

// The loop alone in the else branch: a >= 0: f = a (b / 8) + a, df/da =
// b / 8 + 1; a < 0: f = a^2 b, df/da = 2 a b.
GRADGEN_DIFFERENTIABLE double g(GRADGEN_CONST double b, double a) {
  double t = a;
  if (a < 0) {
    t = a * a;
  } else {
    for (int i = 0; i < 3; ++i)
      b /= 2.0;
  }
  return t * b + (a >= 0 ? a : 0.0);
}

double f_grad(double b, double a, double *d_a);
double g_grad(double b, double a, double *d_a);

int main() {
  int Bad = 0;
  auto Check = [&](const char *What, double Got, double Want) {
    if (std::fabs(Got - Want) > 1e-12 * (1 + std::fabs(Want))) {
      std::printf("%s: got %.17g want %.17g\n", What, Got, Want);
      ++Bad;
    }
  };
  double Da = 0;
  f_grad(0.8, -1.3, &Da);
  Check("f", Da, 0.8 * 0.8 / 8);
  Da = 0;
  g_grad(0.8, 1.5, &Da);
  Check("g a>=0", Da, 0.8 / 8 + 1);
  Da = 0;
  g_grad(0.8, -1.5, &Da);
  Check("g a<0", Da, 2 * -1.5 * 0.8);
  if (!Bad)
    std::printf("ok\n");
  return Bad != 0;
}
