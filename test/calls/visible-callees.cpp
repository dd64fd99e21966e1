// Calls from a differentiated function into functions whose bodies are
// visible: static, inline, in namespaces, in a header, callees calling
// callees, recursion, void callees and calls inside loops. gradgen writes a
// pullback for each callee (internal linkage) and calls it; every partial is
// checked against central finite differences.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "Inputs/helpers.h"
#include "../Inputs/gg_check.h"

// The generated callee pullbacks have internal linkage.
// CHECK-DAG: static void sq_pullback(double x, double d_ret, double *d_x)
// CHECK-DAG: static void cube_pullback(
// CHECK-DAG: static void powi_pullback(
// CHECK-DAG: static void softplus_pullback(
// CHECK-DAG: static void poly_pullback(
// CHECK-DAG: static void bump_pullback(

static double sq(double x) { return x * x; }
inline double cube(double x) { return x * sq(x); }
namespace geo {
double scaled(double x, double k) { return k * std::sin(x); }
}
// Recursion: x^n by repeated multiplication.
static double powi(double x, int n) {
  if (n == 0)
    return 1.0;
  return x * powi(x, n - 1);
}
// Recursion through the ?: of a return statement.
static double tri(double x, int n) { return n <= 0 ? x : x + tri(x * 0.5, n - 1); }
// Mutual recursion.
static double odd(double x, int n);
static double even(double x, int n) { return n == 0 ? 1.0 : std::cos(x) * odd(x, n - 1); }
static double odd(double x, int n) { return n == 0 ? 1.0 : std::sin(x) + even(x, n - 1); }
// A void callee that updates its reference argument.
static void bump(double &acc, double v) { acc += v * std::exp(v); }

GRADGEN_DIFFERENTIABLE
double f(double x, double y) {
  double r = cube(x) + geo::scaled(y, 3.0) + hlp::softplus(x * y);
  r = r + hlp::detail::poly(y, x);
  r = r + powi(y, 4) + tri(x, 3) + even(x, 4);
  for (int i = 0; i < 3; ++i) {
    bump(r, 0.1 * (i + 1) * y);
    r = r + sq(x - i) * 0.25;
  }
  return r;
}

double f_grad(double x, double y, double *d_x, double *d_y);
void f_pullback(double x, double y, double d_ret, double *d_x, double *d_y);

int main() {
  const double Pts[3][2] = {{0.3, -0.7}, {1.1, 0.4}, {-0.5, 1.3}};
  for (auto &P : Pts) {
    auto F = [](const std::vector<double> &V) { return f(V[0], V[1]); };
    std::vector<double> X = {P[0], P[1]};
    double Dx = 0, Dy = 0;
    gg::near("value", f_grad(X[0], X[1], &Dx, &Dy), f(X[0], X[1]));
    gg::near("d/dx", Dx, gg::fd(F, X, 0), 1e-6);
    gg::near("d/dy", Dy, gg::fd(F, X, 1), 1e-6);
    double Px = 0, Py = 0;
    f_pullback(X[0], X[1], -2.0, &Px, &Py);
    gg::near("pullback d/dx", Px, -2.0 * Dx);
    gg::near("pullback d/dy", Py, -2.0 * Dy);
  }
  return gg::result();
}
