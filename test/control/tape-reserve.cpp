// Loops whose trip count is known when they start reserve their taped values
// before the loop and push and pop them unchecked (no call in the loop); the
// others keep checked pushes. Every gradient is checked against central
// finite differences, including zero-trip loops, strides that do not divide
// the range, nested loops, branches that skip a push, and long loops that
// cross many tape chunks.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include <cstddef>
#include <vector>
#include "../Inputs/gg_check.h"

// CHECK-LABEL: double horner_grad({{.*}}) {
// CHECK: _tape_double.reserve(gradgen::detail::trips_down(k, 0, 1, true));
// CHECK-NEXT: while (k >= 0) {
// CHECK: _tape_double.push_unchecked(p);
// CHECK: _tape_double.settle();
// CHECK-NEXT: for (std::size_t _k = _iters; _k > 0; --_k) {
// CHECK: p = _tape_double.pop_unchecked();
GRADGEN_DIFFERENTIABLE
double horner(const double *c, int n, double x) {
  double p = c[n - 1];
  for (int k = n - 2; k >= 0; --k)
    p = p * x + c[k];
  return p;
}

// A stride that does not divide the range, an inclusive bound.
// CHECK-LABEL: double strided_grad({{.*}}) {
// CHECK: _tape_double.reserve(gradgen::detail::trips_up(i, n, 3, true));
GRADGEN_DIFFERENTIABLE
double strided(const double *x, int n) {
  double p = 1;
  for (int i = 1; i <= n; i += 3)
    p = std::sin(p * x[i - 1]) + p;
  return p;
}

// The bound on the left; a branch that pushes on one side only.
// CHECK-LABEL: double branchy_grad({{.*}}) {
// CHECK-DAG: _tape_bool.reserve(gradgen::detail::trips_up(i, n, 1, false));
// CHECK-DAG: _tape_double.reserve(gradgen::detail::trips_up(i, n, 1, false));
// CHECK: _tape_bool.push_unchecked(true);
GRADGEN_DIFFERENTIABLE
double branchy(const double *x, int n) {
  double p = 0.5;
  for (int i = 0; n > i; ++i) {
    if (x[i] > 0)
      p = p * x[i] + 1;
    else
      p += x[i];
  }
  return p;
}

// Nested: the inner loop reserves; the outer loop pushes double in its own
// body and its inner loop pushes double too, so the outer pushes stay
// checked. The inner loop's count goes on the size_t tape, which the outer
// loop reserves.
// CHECK-LABEL: double nested_grad({{.*}}) {
// CHECK: _tape_std_size_t.reserve(gradgen::detail::trips_up(i, m, 1, false));
// CHECK: _tape_double.push(q);
// CHECK: _tape_double.reserve(gradgen::detail::trips_up(j, n, 1, false));
// CHECK: _tape_double.push_unchecked(q);
// CHECK: _tape_std_size_t.push_unchecked(
// CHECK: std::size_t _k = _iters;
GRADGEN_DIFFERENTIABLE
double nested(const double *x, int m, int n) {
  double s = 0;
  for (int i = 0; i < m; ++i) {
    double q = x[i];
    for (int j = 0; j < n; ++j)
      q = q * std::cos(x[j]) + 0.5;
    s += q * q;
  }
  return s;
}

// A break: the count is only an upper bound, so nothing is reserved.
// CHECK-LABEL: double with_break_grad({{.*}}) {
// CHECK-NOT: reserve
// CHECK: _tape_double.push(p);
// CHECK-LABEL: void with_break_pullback({{.*}}) {
GRADGEN_DIFFERENTIABLE
double with_break(const double *x, int n) {
  double p = 1;
  for (int i = 0; i < n; ++i) {
    if (p > 10)
      break;
    p = p * x[i];
  }
  return p;
}

// The index is also changed in the body: nothing is reserved.
// CHECK-LABEL: double index_written_grad({{.*}}) {
// CHECK-NOT: reserve
// CHECK-LABEL: void index_written_pullback({{.*}}) {
GRADGEN_DIFFERENTIABLE
double index_written(const double *x, int n) {
  double p = 1;
  for (int i = 0; i < n; ++i) {
    p = p * x[i] + 0.25;
    if (x[i] > 1)
      i += 1;
  }
  return p;
}

// The bound is changed in the body: nothing is reserved.
// CHECK-LABEL: double bound_written_grad({{.*}}) {
// CHECK-NOT: reserve
// CHECK-LABEL: void bound_written_pullback({{.*}}) {
GRADGEN_DIFFERENTIABLE
double bound_written(const double *x, int n) {
  double p = 1;
  int m = n;
  for (int i = 0; i < m; ++i) {
    p = p * x[i] + 0.25;
    if (x[i] > 1)
      m -= 1;
  }
  return p;
}

// A floating bound is compared as floating: nothing is reserved (a count
// from integers would be one short here: i = 0..10 all satisfy i < 10.5).
// CHECK-LABEL: double float_bound_grad({{.*}}) {
// CHECK-NOT: reserve
// CHECK-LABEL: void float_bound_pullback({{.*}}) {
GRADGEN_DIFFERENTIABLE
double float_bound(const double *x, GRADGEN_CONST double b) {
  double p = 1;
  for (int i = 0; i < 10.5; ++i)
    p = p * x[i] + 0.125;
  for (int i = 0; i < b; ++i)
    p = std::sin(p) * x[i];
  return p;
}

// A vector's size as the bound, an unsigned index.
// CHECK-LABEL: double vec_size_grad({{.*}}) {
// CHECK: reserve(gradgen::detail::trips_up(i, v.size(), 1, false));
GRADGEN_DIFFERENTIABLE
double vec_size(const std::vector<double> &v) {
  double p = 1;
  for (std::size_t i = 0; i < v.size(); ++i)
    p = p * v[i] + 1;
  return p;
}

// A long loop (many chunks) after a loop of unknown count (checked pushes).
GRADGEN_DIFFERENTIABLE
double long_loop(const double *x, int n, double a) {
  double p = a;
  int k = 0;
  while (p < 50) {
    p = p * 1.5 + a;
    k += 1;
  }
  for (int i = 0; i < n; ++i)
    p = std::sqrt(p * p + x[i % 7] * x[i % 7]);
  return p + k;
}

// The generated gradients (defined in the output).
double horner_grad(const double *c, int n, double x, double *d_c, double *d_x);
double strided_grad(const double *x, int n, double *d_x);
double branchy_grad(const double *x, int n, double *d_x);
double nested_grad(const double *x, int m, int n, double *d_x);
double with_break_grad(const double *x, int n, double *d_x);
double index_written_grad(const double *x, int n, double *d_x);
double bound_written_grad(const double *x, int n, double *d_x);
double float_bound_grad(const double *x, double b, double *d_x);
double vec_size_grad(const std::vector<double> &v, std::vector<double> *d_v);
double long_loop_grad(const double *x, int n, double a, double *d_x,
                      double *d_a);

int main() {
  std::vector<double> X = {0.3, -1.2, 0.7, 1.9, -0.4, 0.8, 1.1, -0.6,
                           0.5, 0.2,  -0.9, 1.3, 0.6, -0.3};
  const int N = static_cast<int>(X.size());
  // horner, n = 1 (zero trips) and n = 14.
  for (int n : {1, 2, 14}) {
    std::vector<double> D(X.size(), 0.0);
    double Dx = 0;
    horner_grad(X.data(), n, 0.9, D.data(), &Dx);
    for (int I = 0; I < n; ++I)
      gg::near("horner dc",
               D[I], gg::fd([&](std::vector<double> V) {
                 return horner(V.data(), n, 0.9);
               }, X, I), 1e-6);
    std::vector<double> XX = {0.9};
    gg::near("horner dx", Dx, gg::fd([&](std::vector<double> V) {
               return horner(X.data(), n, V[0]);
             }, XX, 0), 1e-6);
  }
  auto CheckVec = [&](const char *What, auto Fn, auto Grad) {
    std::vector<double> D(X.size(), 0.0);
    Grad(D.data());
    for (int I = 0; I < N; ++I)
      gg::near(What, D[I], gg::fd(Fn, X, I), 1e-6);
  };
  for (int n : {0, 1, 2, 3, 4, 13, 14}) {
    CheckVec("strided", [&](std::vector<double> V) { return strided(V.data(), n); },
             [&](double *D) { strided_grad(X.data(), n, D); });
    CheckVec("branchy", [&](std::vector<double> V) { return branchy(V.data(), n); },
             [&](double *D) { branchy_grad(X.data(), n, D); });
    CheckVec("with_break",
             [&](std::vector<double> V) { return with_break(V.data(), n); },
             [&](double *D) { with_break_grad(X.data(), n, D); });
    CheckVec("index_written",
             [&](std::vector<double> V) { return index_written(V.data(), n); },
             [&](double *D) { index_written_grad(X.data(), n, D); });
    CheckVec("bound_written",
             [&](std::vector<double> V) { return bound_written(V.data(), n); },
             [&](double *D) { bound_written_grad(X.data(), n, D); });
  }
  CheckVec("float_bound",
           [&](std::vector<double> V) { return float_bound(V.data(), 3.5); },
           [&](double *D) { float_bound_grad(X.data(), 3.5, D); });
  for (int m : {0, 3, 14})
    for (int n : {0, 2, 14})
      CheckVec("nested",
               [&](std::vector<double> V) { return nested(V.data(), m, n); },
               [&](double *D) { nested_grad(X.data(), m, n, D); });
  {
    std::vector<double> D(X.size(), 0.0);
    vec_size_grad(X, &D);
    for (int I = 0; I < N; ++I)
      gg::near("vec_size", D[I], gg::fd([&](std::vector<double> V) {
                 return vec_size(V);
               }, X, I), 1e-6);
  }
  {
    const int Long = 300000;
    std::vector<double> D(X.size(), 0.0);
    double Da = 0;
    long_loop_grad(X.data(), Long, 0.7, D.data(), &Da);
    for (int I = 0; I < 7; ++I)
      gg::near("long_loop dx", D[I], gg::fd([&](std::vector<double> V) {
                 return long_loop(V.data(), Long, 0.7);
               }, X, I), 1e-5);
    std::vector<double> A = {0.7};
    gg::near("long_loop da", Da, gg::fd([&](std::vector<double> V) {
               return long_loop(X.data(), Long, V[0]);
             }, A, 0), 1e-5);
  }
  return gg::result();
}
