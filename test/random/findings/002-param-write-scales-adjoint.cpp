// gradgen bug: when f writes to a parameter (r /= 3, w[0] -= w[0]), f_grad rescales/overwrites the caller's adjoint *d_r instead of ADDING df/dr to it (wrong whenever the adjoint is not zero on entry).
// Build: gradgen 002-param-write-scales-adjoint.cpp -o out.cpp -- -std=c++17 && clang++-19 -std=c++17 -I include out.cpp && ./a.out   (exit 1 = bug present)
// Found by test/random (run.py --seed 1, functions f2 and f4, reduced; kind=accum).
#include <cmath>
#include <cstdio>
#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE double scale_ref(double &r) {
  r /= 3.0;
  return r; // df/dr = 1/3
}

GRADGEN_DIFFERENTIABLE double reset_array(double *w, double a, int n) {
  w[0] -= w[0];
  return a + w[n - 1]; // n = 2: df/dw = {0, 1}
}

double scale_ref_grad(double &r, double *d_r);
double reset_array_grad(double *w, double a, int n, double *d_w, double *d_a);

static int check(const char *What, double Got, double Want) {
  if (std::fabs(Got - Want) <= 1e-12 * std::fmax(1.0, std::fabs(Want)))
    return 0;
  std::printf("%s: got %.17g want %.17g\n", What, Got, Want);
  return 1;
}

int main() {
  int Bad = 0;
  double R = 1.0, DR = 10.0; // adjoint not zero on entry: gradgen must add
  scale_ref_grad(R, &DR);
  Bad |= check("scale_ref d_r", DR, 10.0 + 1.0 / 3.0);
  double W[2] = {0.5, 0.25}, DW[2] = {10.0, 10.0}, DA = 10.0;
  reset_array_grad(W, 1.0, 2, DW, &DA);
  Bad |= check("reset_array d_w[0]", DW[0], 10.0);
  Bad |= check("reset_array d_w[1]", DW[1], 11.0);
  Bad |= check("reset_array d_a", DA, 11.0);
  if (!Bad)
    std::printf("ok\n");
  return Bad;
}
