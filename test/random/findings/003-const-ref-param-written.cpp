// gradgen bug: writing to a GRADGEN_CONST reference parameter makes gradgen emit an adjoint with no name (`double _t0 = *;`), so the generated code does not compile.
// Status: fixed in c1cb221 (kept as a record; the program now prints ok).
// Build: gradgen 003-const-ref-param-written.cpp -o out.cpp -- -std=c++17 && clang++-19 -std=c++17 -I include out.cpp && ./a.out   (the compile fails while the bug is present)
// Found by test/random (run.py --seed 100, function f28, reduced).
#include <cmath>
#include <cstdio>
#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE double f(GRADGEN_CONST double &r, double a) {
  double u[2] = {3.0, a};
  r = u[0];
  return u[0] + u[1] * r; // df/da = r (= 3 after the write)
}

double f_grad(double &r, double a, double *d_a);

int main() {
  double R = 0.5, DA = 0;
  double V = f_grad(R, 2.0, &DA);
  int Bad = 0;
  if (std::fabs(V - 9.0) > 1e-12 || std::fabs(DA - 3.0) > 1e-12) {
    std::printf("got f=%g d_a=%g, want 9 and 3\n", V, DA);
    Bad = 1;
  }
  if (!Bad)
    std::printf("ok\n");
  return Bad;
}
