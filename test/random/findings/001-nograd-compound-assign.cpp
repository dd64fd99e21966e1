// gradgen bug: under no_grad, `acc += e` keeps acc's old gradient, while `acc = acc + e` drops it (contract: every value assigned after the guard carries no gradient).
// Status: fixed in 9ddf212 (kept as a record; the program now prints ok).
// Build: gradgen 001-nograd-compound-assign.cpp -o out.cpp -- -std=c++17 && clang++-19 -std=c++17 -I include out.cpp && ./a.out   (exit 1 = bug present)
// Found by test/random (run.py --seed 1, function f6, reduced).
#include <cmath>
#include <cstdio>
#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE double compound(double a) {
  double acc = a * a;
  {
    gradgen::no_grad guard;
    acc += 1.0; // the new value of acc carries no gradient
  }
  return acc + a; // d/da = 1
}

GRADGEN_DIFFERENTIABLE double plain(double a) {
  double acc = a * a;
  {
    gradgen::no_grad guard;
    acc = acc + 1.0;
  }
  return acc + a; // d/da = 1
}

double compound_grad(double a, double *d_a);
double plain_grad(double a, double *d_a);

int main() {
  int Bad = 0;
  double D = 0;
  compound_grad(2.0, &D);
  if (std::fabs(D - 1.0) > 1e-12) {
    std::printf("compound: d/da = %g, want 1\n", D);
    Bad = 1;
  }
  D = 0;
  plain_grad(2.0, &D);
  if (std::fabs(D - 1.0) > 1e-12) {
    std::printf("plain: d/da = %g, want 1\n", D);
    Bad = 1;
  }
  if (!Bad)
    std::printf("ok\n");
  return Bad;
}
