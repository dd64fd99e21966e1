// A custom derivative for a function whose body gradgen cannot see where it
// is called: g and g_pullback are only declared before the annotated
// function; here they are defined after it (in the same file), and
// Inputs/custom_impl.cpp holds another pair defined in a separate
// translation unit, linked in. Counting calls shows the custom pullbacks are
// the ones used.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp %S/Inputs/custom_impl.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp %S/Inputs/custom_impl.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// CHECK-NOT: void later_pullback{{.*}}{
// CHECK-NOT: void logistic_pullback{{.*}}{
// CHECK: later_pullback(
// CHECK: lib::logistic_pullback(

// Defined below, after f.
double later(double x, int k);
void later_pullback(double x, int k, double d_ret, double *d_x);
int later_calls();

// Defined in Inputs/custom_impl.cpp.
namespace lib {
double logistic(double x);
void logistic_pullback(double x, double d_ret, double *d_x);
void normalize(const double *v, double *out);
void normalize_pullback(const double *v, double *out, double *d_v, double *d_out);
int calls();
} // namespace lib

GRADGEN_DIFFERENTIABLE
double f(const double *v) {
  double r = later(v[0], 3) * v[1];
  r = r + lib::logistic(v[1] * v[2]);
  double n[3];
  lib::normalize(v, n);
  for (int i = 0; i < 3; ++i)
    r = r + (i + 1) * n[i];
  return r;
}

// later(x, k) = x^k; the custom pullback is exact.
static int LaterCalls = 0;
double later(double x, int k) { return std::pow(x, k); }
void later_pullback(double x, int k, double d_ret, double *d_x) {
  ++LaterCalls;
  *d_x += d_ret * k * std::pow(x, k - 1);
}
int later_calls() { return LaterCalls; }

double f_grad(const double *v, double *d_v);

int main() {
  std::vector<double> X = {0.7, -1.2, 0.5};
  auto F = [](const std::vector<double> &V) { return f(V.data()); };
  double D[3] = {0, 0, 0};
  gg::near("value", f_grad(X.data(), D), F(X));
  for (int I = 0; I < 3; ++I)
    gg::near("d/dv", D[I], gg::fd(F, X, I), 1e-6);
  gg::near("later_pullback calls", later_calls(), 1);
  gg::near("lib pullback calls", lib::calls(), 2);
  return gg::result();
}
