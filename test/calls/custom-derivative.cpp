// Custom derivatives: a user-declared g_pullback with the pullback
// signature for g (same namespace) is called instead of differentiating g,
// also when g's body is visible. The custom pullbacks here compute
// deliberately different but known "derivatives" (a straight-through
// estimator, a scaled one) and count their calls, so a generated pullback
// would be caught.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// gradgen writes no pullback of its own for quantize, ns::clip or
// ns::twist, and calls the user's.
// CHECK-NOT: void quantize_pullback{{.*}}{
// CHECK-NOT: void clip_pullback{{.*}}{
// CHECK-NOT: void twist_pullback{{.*}}{
// CHECK: quantize_pullback(

static int QuantizeCalls = 0, ClipCalls = 0, TwistCalls = 0;

// round(): true derivative 0; straight-through estimator: 1.
static double quantize(double x) { return std::round(x * 4) / 4; }
static void quantize_pullback(double x, double d_ret, double *d_x) {
  (void)x;
  ++QuantizeCalls;
  *d_x += d_ret;
}

namespace ns {
// clip to [-1, 1]; custom derivative: 0.5 everywhere for x, 3 for the scale.
double clip(double x, double s) { return s * std::fmin(1.0, std::fmax(-1.0, x)); }
void clip_pullback(double x, double s, double d_ret, double *d_x, double *d_s) {
  (void)x;
  (void)s;
  ++ClipCalls;
  *d_x += 0.5 * d_ret;
  *d_s += 3.0 * d_ret;
}
// A void callee with an output: custom VJP that doubles the true one,
// and must also perform the computation (write out).
void twist(const double *a, double *out) {
  out[0] = a[0] * a[1];
  out[1] = a[0] + a[1];
}
void twist_pullback(const double *a, double *out, double *d_a, double *d_out) {
  ++TwistCalls;
  out[0] = a[0] * a[1];
  out[1] = a[0] + a[1];
  d_a[0] += 2 * (d_out[0] * a[1] + d_out[1]);
  d_a[1] += 2 * (d_out[0] * a[0] + d_out[1]);
  d_out[0] = 0;
  d_out[1] = 0;
}
} // namespace ns

GRADGEN_DIFFERENTIABLE
double f(double x, double y, GRADGEN_CONST double c) {
  double r = quantize(x * y);    // "d/d(xy)" = 1
  r = r + ns::clip(y, x);        // 0.5 for y, 3 for x
  r = r + ns::clip(x, c);        // c is inactive: 0.5 for x
  double a[2] = {x, y};
  double o[2];
  ns::twist(a, o);               // twice the true VJP
  return r + o[0] + 3 * o[1];
}

double f_grad(double x, double y, double c, double *d_x, double *d_y);

int main() {
  const double X = 0.8, Y = -0.3, C = 2.0;
  double Dx = 0, Dy = 0;
  double Value = f_grad(X, Y, C, &Dx, &Dy);
  gg::near("value", Value, f(X, Y, C));
  // quantize: y, x; clip(y, x): (3, 0.5); clip(x, c): 0.5;
  // twist: 2 (d o0 (y, x) + 3 (1, 1)).
  gg::near("d/dx", Dx, Y + 3.0 + 0.5 + 2 * (Y + 3));
  gg::near("d/dy", Dy, X + 0.5 + 2 * (X + 3));
  gg::near("quantize_pullback calls", QuantizeCalls, 1);
  gg::near("clip_pullback calls", ClipCalls, 2);
  gg::near("twist_pullback calls", TwistCalls, 1);
  return gg::result();
}
