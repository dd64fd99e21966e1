// Derivatives of pow, sqrt, cbrt, hypot (double).
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

// CHECK: double d_std_pow_grad(double a, double b, double *d_a, double *d_b) {

GRADGEN_DIFFERENTIABLE
double d_std_pow(double a, double b) { return std::pow(a, b); }

GRADGEN_DIFFERENTIABLE
double d_c_pow(double a, double b) { return pow(a, b); }

GRADGEN_DIFFERENTIABLE
double d_std_sqrt(double x) { return std::sqrt(x); }

GRADGEN_DIFFERENTIABLE
double d_c_sqrt(double x) { return sqrt(x); }

GRADGEN_DIFFERENTIABLE
double d_std_cbrt(double x) { return std::cbrt(x); }

GRADGEN_DIFFERENTIABLE
double d_c_cbrt(double x) { return cbrt(x); }

GRADGEN_DIFFERENTIABLE
double d_std_hypot(double a, double b) { return std::hypot(a, b); }

GRADGEN_DIFFERENTIABLE
double d_c_hypot(double a, double b) { return hypot(a, b); }


double d_std_pow_grad(double a, double b, double *d_a, double *d_b);
void d_std_pow_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double d_c_pow_grad(double a, double b, double *d_a, double *d_b);
void d_c_pow_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double d_std_sqrt_grad(double x, double *d_x);
void d_std_sqrt_pullback(double x, double d_ret, double *d_x);
double d_c_sqrt_grad(double x, double *d_x);
void d_c_sqrt_pullback(double x, double d_ret, double *d_x);
double d_std_cbrt_grad(double x, double *d_x);
void d_std_cbrt_pullback(double x, double d_ret, double *d_x);
double d_c_cbrt_grad(double x, double *d_x);
void d_c_cbrt_pullback(double x, double d_ret, double *d_x);
double d_std_hypot_grad(double a, double b, double *d_a, double *d_b);
void d_std_hypot_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double d_c_hypot_grad(double a, double b, double *d_a, double *d_b);
void d_c_hypot_pullback(double a, double b, double d_ret, double *d_a, double *d_b);

int main() {
  mc::binary<double>("std::pow", d_std_pow_grad, d_std_pow_pullback, d_std_pow,
                 [](double a, double b) { return std::pow(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b * std::pow(a, b - T(1))); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(std::pow(a, b) * std::log(a)); },
                 {{1.5, 2.5}, {0.3, -1.2}, {4.0, 0.5}});
  mc::binary<double>("pow", d_c_pow_grad, d_c_pow_pullback, d_c_pow,
                 [](double a, double b) { return std::pow(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b * std::pow(a, b - T(1))); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(std::pow(a, b) * std::log(a)); },
                 {{1.5, 2.5}, {0.3, -1.2}, {4.0, 0.5}});
  mc::unary<double>("std::sqrt", d_std_sqrt_grad, d_std_sqrt_pullback, d_std_sqrt,
                [](double x) { return std::sqrt(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(2) * std::sqrt(x))); },
                {0.01, 2.0, 100.0});
  mc::unary<double>("sqrt", d_c_sqrt_grad, d_c_sqrt_pullback, d_c_sqrt,
                [](double x) { return std::sqrt(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(2) * std::sqrt(x))); },
                {0.01, 2.0, 100.0});
  mc::unary<double>("std::cbrt", d_std_cbrt_grad, d_std_cbrt_pullback, d_std_cbrt,
                [](double x) { return std::cbrt(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(3) * std::cbrt(x) * std::cbrt(x))); },
                {-8.0, 0.5, 27.0});
  mc::unary<double>("cbrt", d_c_cbrt_grad, d_c_cbrt_pullback, d_c_cbrt,
                [](double x) { return std::cbrt(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(3) * std::cbrt(x) * std::cbrt(x))); },
                {-8.0, 0.5, 27.0});
  mc::binary<double>("std::hypot", d_std_hypot_grad, d_std_hypot_pullback, d_std_hypot,
                 [](double a, double b) { return std::hypot(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(a / std::hypot(a, b)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b / std::hypot(a, b)); },
                 {{3.0, 4.0}, {-1.0, 0.5}, {0.2, -7.0}});
  mc::binary<double>("hypot", d_c_hypot_grad, d_c_hypot_pullback, d_c_hypot,
                 [](double a, double b) { return std::hypot(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(a / std::hypot(a, b)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b / std::hypot(a, b)); },
                 {{3.0, 4.0}, {-1.0, 0.5}, {0.2, -7.0}});

  return gg::result();
}
