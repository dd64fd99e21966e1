// The _grad and _pullback functions are written in the namespace of the
// function: nested namespaces, C++17 nested namespace definitions, the
// anonymous namespace, and static functions (which stay static). main()
// declares them where the contract says they are, so a wrong namespace does
// not link.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// CHECK: namespace outer {
// CHECK: namespace inner {
// CHECK: double sq_grad(double x, double *d_x) {
// CHECK: namespace outer {
// CHECK: namespace flat {
// CHECK: double cube_grad(double x, double *d_x) {
// CHECK: namespace {
// CHECK: double hidden_grad(double x, double *d_x) {
// CHECK: static double stat_grad(double x, double *d_x) {
namespace outer {
namespace inner {
GRADGEN_DIFFERENTIABLE
double sq(double x) { return x * x; }
} // namespace inner
} // namespace outer

namespace outer::flat {
GRADGEN_DIFFERENTIABLE
double cube(double x) { return x * x * x; }
} // namespace outer::flat

namespace {
GRADGEN_DIFFERENTIABLE
double hidden(double x) { return std::sin(x); }
} // namespace

GRADGEN_DIFFERENTIABLE
static double stat(double x) { return std::exp(x); }

// A function named like one in another namespace.
namespace other {
GRADGEN_DIFFERENTIABLE
double sq(double x) { return 3 * x; }
} // namespace other

namespace outer::inner {
double sq_grad(double x, double *d_x);
void sq_pullback(double x, double d_ret, double *d_x);
} // namespace outer::inner
namespace outer::flat {
double cube_grad(double x, double *d_x);
void cube_pullback(double x, double d_ret, double *d_x);
} // namespace outer::flat
namespace {
double hidden_grad(double x, double *d_x);
void hidden_pullback(double x, double d_ret, double *d_x);
} // namespace
static double stat_grad(double x, double *d_x);
static void stat_pullback(double x, double d_ret, double *d_x);
namespace other {
double sq_grad(double x, double *d_x);
}

int main() {
  for (double X : {-1.5, 0.5, 2.0}) {
    double D = 0;
    gg::near("outer::inner::sq", outer::inner::sq_grad(X, &D), X * X, 0);
    gg::near("outer::inner::sq'", D, 2 * X, 0);
    D = 0;
    outer::inner::sq_pullback(X, 3, &D);
    gg::near("outer::inner::sq pullback", D, 6 * X, 0);
    D = 0;
    outer::flat::cube_grad(X, &D);
    gg::near("outer::flat::cube'", D, 3 * X * X, 1e-15);
    D = 0;
    outer::flat::cube_pullback(X, -1, &D);
    gg::near("outer::flat::cube pullback", D, -3 * X * X, 1e-15);
    D = 0;
    gg::near("hidden", hidden_grad(X, &D), hidden(X), 0);
    gg::near("hidden'", D, std::cos(X), 1e-15);
    D = 0;
    hidden_pullback(X, 2, &D);
    gg::near("hidden pullback", D, 2 * std::cos(X), 1e-15);
    D = 0;
    gg::near("stat", stat_grad(X, &D), stat(X), 0);
    gg::near("stat'", D, std::exp(X), 1e-15);
    D = 0;
    stat_pullback(X, 0.5, &D);
    gg::near("stat pullback", D, 0.5 * std::exp(X), 1e-15);
    D = 0;
    other::sq_grad(X, &D);
    gg::near("other::sq'", D, 3, 0);
  }
  return gg::result();
}
