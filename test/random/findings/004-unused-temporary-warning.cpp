// gradgen bug: the generated code declares temporaries for the partials of inactive operands (here hypot's integer-derived first argument, pow's exponent when the result feeds only a GRADGEN_CONST variable) and never uses them: -Wunused-variable, so -Werror builds fail.
// Status: fixed in c1cb221 (kept as a record; compiles with -Werror now).
// Build: gradgen 004-unused-temporary-warning.cpp -o out.cpp -- -std=c++17 && clang++-19 -std=c++17 -Wall -Wextra -Werror -I include out.cpp && ./a.out   (the -Werror compile fails while the bug is present)
// Found by test/random (run.py --seed 100 --werror, functions f8 and f15, reduced).
#include <cmath>
#include <cstdio>
#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE double f(double *w, int n) {
  int i = 0;
  return std::hypot(0.25 * static_cast<double>(i), w[n / 2]);
}

GRADGEN_DIFFERENTIABLE double g(double b, int k, GRADGEN_CONST double a) {
  a /= 1.0 + std::pow(1.5 + std::tanh(k * 0.25), 2.0 * b);
  return b / (1.0 + a * a);
}

double f_grad(double *w, int n, double *d_w);
double g_grad(double b, int k, double a, double *d_b);

int main() {
  double W[2] = {0.5, -1.5}, DW[2] = {0, 0};
  f_grad(W, 2, DW);
  double DB = 0;
  g_grad(0.3, 1, 0.7, &DB);
  int Bad = std::fabs(DW[1] + 1.0) > 1e-12 || DW[0] != 0;
  std::printf(Bad ? "wrong f gradient\n" : "ok\n");
  return Bad;
}
