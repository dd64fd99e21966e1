// gradgen bug: two calls write the caller's memory w, and neither needs
// w's old values. Each pullback redoes its call's writes, and the reverse
// sweep runs the earlier call's pullback last, so f_grad left h101_1's
// values in w instead of h101_0's (f_grad must leave written arguments as
// f does). Calls that share written caller memory are now recorded (their
// n elements, known at the call) and the final values written back.
// Status: fixed (kept as a record; the program now prints ok).
// Build: gradgen 014-two-calls-rewrite-caller-memory.cpp -o out.cpp -- -std=c++17 && clang++-19 -std=c++17 -I include out.cpp && ./a.out   (exit 1 = bug present)
// Found by test/random (run.py --seed 20261206 --batch 50 --features all --count 10000, function f5053, `writes`; reduced automatically).
#include <cmath>
#include <cstdio>
#include <gradgen/gradgen.h>

void h101_0(const double *v, int m, double *o) {
  for (int i = 0; i < m; ++i) {
    o[i] = ((v[i] * 0.5) + (3.0 * tanh((exp(v[i])))));
  }
}

void h101_1(const double *v, int m, double *o) {
  for (int i = 0; i < m; ++i) {
    o[i] = ((v[i] * 0.5) + (expm1((atanh(0.9 * tanh(v[i % m]))))) / (1.0 + (expm1((atanh(0.9 * tanh(v[i % m]))))) * (expm1((atanh(0.9 * tanh(v[i % m])))))));
  }
}

GRADGEN_DIFFERENTIABLE double f5053(int n, double *w, const double *x, const double *z) {
  h101_1(x, n, w);
  h101_0(x, n, w);
  return z[0];
}

double f5053_grad(int n, double *w, const double *x, const double *z, double *d_w, double *d_x, double *d_z);

[[maybe_unused]] static int check(const char *What, double Got, double Want) {
  bool Ok = std::fabs(Got - Want) <= 1e-8 * std::fmax(1.0, std::fabs(Want));
  if (!Ok) std::printf("%s: got %.17g want %.17g\n", What, Got, Want);
  return Ok ? 0 : 1;
}

int main() {
  int n = 1;
  double w[1] = {-0x1.dca70f907f69p-2};
  double d_w[1] = {};
  double x[1] = {-0x1.2d28b678622p-2};
  double d_x[1] = {};
  double z[1] = {0x1.0d73adb1f3934p-1};
  double d_z[1] = {};
  double Got = f5053_grad(n, w, x, z, d_w, d_x, d_z);
  int Bad = 0;
  Bad |= check("value", Got, 0x1.0d73adb1f3934p-1);
  Bad |= check("d_w[0]", d_w[0], 0x0p+0);
  Bad |= check("d_x[0]", d_x[0], 0x0p+0);
  Bad |= check("d_z[0]", d_z[0], 0x1p+0);
  // What f itself leaves in w.
  double w_f[1] = {-0x1.dca70f907f69p-2};
  f5053(n, w_f, x, z);
  Bad |= check("w[0] after", w[0], w_f[0]);
  if (!Bad) std::printf("ok\n");
  return Bad;
}
