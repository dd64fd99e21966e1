// Derivatives of floor, ceil, trunc, round, nearbyint, rint (double). The rounding functions have
// zero derivative: each is tested as x * f(x), whose derivative is f(x).
// Each function in std:: and global spelling, checked at several points
// against the analytic derivative and central finite differences, with the
// pullback and accumulation.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include <math.h>
#include "Inputs/mcheck.h"

// CHECK: double d_std_floor_grad(double x, double *d_x) {
// CHECK: void d_std_floor_pullback(double x, double d_ret, double *d_x) {
// CHECK: double d_c_floor_grad(double x, double *d_x) {

GRADGEN_DIFFERENTIABLE
double d_std_floor(double x) { return x * std::floor(x); }

GRADGEN_DIFFERENTIABLE
double d_c_floor(double x) { return x * floor(x); }

GRADGEN_DIFFERENTIABLE
double d_std_ceil(double x) { return x * std::ceil(x); }

GRADGEN_DIFFERENTIABLE
double d_c_ceil(double x) { return x * ceil(x); }

GRADGEN_DIFFERENTIABLE
double d_std_trunc(double x) { return x * std::trunc(x); }

GRADGEN_DIFFERENTIABLE
double d_c_trunc(double x) { return x * trunc(x); }

GRADGEN_DIFFERENTIABLE
double d_std_round(double x) { return x * std::round(x); }

GRADGEN_DIFFERENTIABLE
double d_c_round(double x) { return x * round(x); }

GRADGEN_DIFFERENTIABLE
double d_std_nearbyint(double x) { return x * std::nearbyint(x); }

GRADGEN_DIFFERENTIABLE
double d_c_nearbyint(double x) { return x * nearbyint(x); }

GRADGEN_DIFFERENTIABLE
double d_std_rint(double x) { return x * std::rint(x); }

GRADGEN_DIFFERENTIABLE
double d_c_rint(double x) { return x * rint(x); }


double d_std_floor_grad(double x, double *d_x);
void d_std_floor_pullback(double x, double d_ret, double *d_x);
double d_c_floor_grad(double x, double *d_x);
void d_c_floor_pullback(double x, double d_ret, double *d_x);
double d_std_ceil_grad(double x, double *d_x);
void d_std_ceil_pullback(double x, double d_ret, double *d_x);
double d_c_ceil_grad(double x, double *d_x);
void d_c_ceil_pullback(double x, double d_ret, double *d_x);
double d_std_trunc_grad(double x, double *d_x);
void d_std_trunc_pullback(double x, double d_ret, double *d_x);
double d_c_trunc_grad(double x, double *d_x);
void d_c_trunc_pullback(double x, double d_ret, double *d_x);
double d_std_round_grad(double x, double *d_x);
void d_std_round_pullback(double x, double d_ret, double *d_x);
double d_c_round_grad(double x, double *d_x);
void d_c_round_pullback(double x, double d_ret, double *d_x);
double d_std_nearbyint_grad(double x, double *d_x);
void d_std_nearbyint_pullback(double x, double d_ret, double *d_x);
double d_c_nearbyint_grad(double x, double *d_x);
void d_c_nearbyint_pullback(double x, double d_ret, double *d_x);
double d_std_rint_grad(double x, double *d_x);
void d_std_rint_pullback(double x, double d_ret, double *d_x);
double d_c_rint_grad(double x, double *d_x);
void d_c_rint_pullback(double x, double d_ret, double *d_x);

int main() {
  mc::unary<double>("std::floor", d_std_floor_grad, d_std_floor_pullback, d_std_floor,
                [](double x) { return x * std::floor(x); },
                [](auto x) { using T = decltype(x); return T(std::floor(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<double>("floor", d_c_floor_grad, d_c_floor_pullback, d_c_floor,
                [](double x) { return x * std::floor(x); },
                [](auto x) { using T = decltype(x); return T(std::floor(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<double>("std::ceil", d_std_ceil_grad, d_std_ceil_pullback, d_std_ceil,
                [](double x) { return x * std::ceil(x); },
                [](auto x) { using T = decltype(x); return T(std::ceil(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<double>("ceil", d_c_ceil_grad, d_c_ceil_pullback, d_c_ceil,
                [](double x) { return x * std::ceil(x); },
                [](auto x) { using T = decltype(x); return T(std::ceil(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<double>("std::trunc", d_std_trunc_grad, d_std_trunc_pullback, d_std_trunc,
                [](double x) { return x * std::trunc(x); },
                [](auto x) { using T = decltype(x); return T(std::trunc(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<double>("trunc", d_c_trunc_grad, d_c_trunc_pullback, d_c_trunc,
                [](double x) { return x * std::trunc(x); },
                [](auto x) { using T = decltype(x); return T(std::trunc(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<double>("std::round", d_std_round_grad, d_std_round_pullback, d_std_round,
                [](double x) { return x * std::round(x); },
                [](auto x) { using T = decltype(x); return T(std::round(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<double>("round", d_c_round_grad, d_c_round_pullback, d_c_round,
                [](double x) { return x * std::round(x); },
                [](auto x) { using T = decltype(x); return T(std::round(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<double>("std::nearbyint", d_std_nearbyint_grad, d_std_nearbyint_pullback, d_std_nearbyint,
                [](double x) { return x * std::nearbyint(x); },
                [](auto x) { using T = decltype(x); return T(std::nearbyint(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<double>("nearbyint", d_c_nearbyint_grad, d_c_nearbyint_pullback, d_c_nearbyint,
                [](double x) { return x * std::nearbyint(x); },
                [](auto x) { using T = decltype(x); return T(std::nearbyint(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<double>("std::rint", d_std_rint_grad, d_std_rint_pullback, d_std_rint,
                [](double x) { return x * std::rint(x); },
                [](auto x) { using T = decltype(x); return T(std::rint(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<double>("rint", d_c_rint_grad, d_c_rint_pullback, d_c_rint,
                [](double x) { return x * std::rint(x); },
                [](auto x) { using T = decltype(x); return T(std::rint(x)); },
                {-1.3, 0.7, 2.2});

  return gg::result();
}
