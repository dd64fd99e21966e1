// Derivatives of sin, cos, tan, asin, acos, atan, atan2 (double).
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

// CHECK: double d_std_sin_grad(double x, double *d_x) {
// CHECK: void d_std_sin_pullback(double x, double d_ret, double *d_x) {
// CHECK: double d_c_sin_grad(double x, double *d_x) {

GRADGEN_DIFFERENTIABLE
double d_std_sin(double x) { return std::sin(x); }

GRADGEN_DIFFERENTIABLE
double d_c_sin(double x) { return sin(x); }

GRADGEN_DIFFERENTIABLE
double d_std_cos(double x) { return std::cos(x); }

GRADGEN_DIFFERENTIABLE
double d_c_cos(double x) { return cos(x); }

GRADGEN_DIFFERENTIABLE
double d_std_tan(double x) { return std::tan(x); }

GRADGEN_DIFFERENTIABLE
double d_c_tan(double x) { return tan(x); }

GRADGEN_DIFFERENTIABLE
double d_std_asin(double x) { return std::asin(x); }

GRADGEN_DIFFERENTIABLE
double d_c_asin(double x) { return asin(x); }

GRADGEN_DIFFERENTIABLE
double d_std_acos(double x) { return std::acos(x); }

GRADGEN_DIFFERENTIABLE
double d_c_acos(double x) { return acos(x); }

GRADGEN_DIFFERENTIABLE
double d_std_atan(double x) { return std::atan(x); }

GRADGEN_DIFFERENTIABLE
double d_c_atan(double x) { return atan(x); }

GRADGEN_DIFFERENTIABLE
double d_std_atan2(double a, double b) { return std::atan2(a, b); }

GRADGEN_DIFFERENTIABLE
double d_c_atan2(double a, double b) { return atan2(a, b); }


double d_std_sin_grad(double x, double *d_x);
void d_std_sin_pullback(double x, double d_ret, double *d_x);
double d_c_sin_grad(double x, double *d_x);
void d_c_sin_pullback(double x, double d_ret, double *d_x);
double d_std_cos_grad(double x, double *d_x);
void d_std_cos_pullback(double x, double d_ret, double *d_x);
double d_c_cos_grad(double x, double *d_x);
void d_c_cos_pullback(double x, double d_ret, double *d_x);
double d_std_tan_grad(double x, double *d_x);
void d_std_tan_pullback(double x, double d_ret, double *d_x);
double d_c_tan_grad(double x, double *d_x);
void d_c_tan_pullback(double x, double d_ret, double *d_x);
double d_std_asin_grad(double x, double *d_x);
void d_std_asin_pullback(double x, double d_ret, double *d_x);
double d_c_asin_grad(double x, double *d_x);
void d_c_asin_pullback(double x, double d_ret, double *d_x);
double d_std_acos_grad(double x, double *d_x);
void d_std_acos_pullback(double x, double d_ret, double *d_x);
double d_c_acos_grad(double x, double *d_x);
void d_c_acos_pullback(double x, double d_ret, double *d_x);
double d_std_atan_grad(double x, double *d_x);
void d_std_atan_pullback(double x, double d_ret, double *d_x);
double d_c_atan_grad(double x, double *d_x);
void d_c_atan_pullback(double x, double d_ret, double *d_x);
double d_std_atan2_grad(double a, double b, double *d_a, double *d_b);
void d_std_atan2_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double d_c_atan2_grad(double a, double b, double *d_a, double *d_b);
void d_c_atan2_pullback(double a, double b, double d_ret, double *d_a, double *d_b);

int main() {
  mc::unary<double>("std::sin", d_std_sin_grad, d_std_sin_pullback, d_std_sin,
                [](double x) { return std::sin(x); },
                [](auto x) { using T = decltype(x); return T(std::cos(x)); },
                {-2.0, 0.3, 1.7, 4.0});
  mc::unary<double>("sin", d_c_sin_grad, d_c_sin_pullback, d_c_sin,
                [](double x) { return std::sin(x); },
                [](auto x) { using T = decltype(x); return T(std::cos(x)); },
                {-2.0, 0.3, 1.7, 4.0});
  mc::unary<double>("std::cos", d_std_cos_grad, d_std_cos_pullback, d_std_cos,
                [](double x) { return std::cos(x); },
                [](auto x) { using T = decltype(x); return T(-std::sin(x)); },
                {-2.0, 0.3, 1.7, 4.0});
  mc::unary<double>("cos", d_c_cos_grad, d_c_cos_pullback, d_c_cos,
                [](double x) { return std::cos(x); },
                [](auto x) { using T = decltype(x); return T(-std::sin(x)); },
                {-2.0, 0.3, 1.7, 4.0});
  mc::unary<double>("std::tan", d_std_tan_grad, d_std_tan_pullback, d_std_tan,
                [](double x) { return std::tan(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (std::cos(x) * std::cos(x))); },
                {-1.2, 0.2, 1.0, 3.5});
  mc::unary<double>("tan", d_c_tan_grad, d_c_tan_pullback, d_c_tan,
                [](double x) { return std::tan(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (std::cos(x) * std::cos(x))); },
                {-1.2, 0.2, 1.0, 3.5});
  mc::unary<double>("std::asin", d_std_asin_grad, d_std_asin_pullback, d_std_asin,
                [](double x) { return std::asin(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(T(1) - x * x)); },
                {-0.9, -0.2, 0.5, 0.7});
  mc::unary<double>("asin", d_c_asin_grad, d_c_asin_pullback, d_c_asin,
                [](double x) { return std::asin(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(T(1) - x * x)); },
                {-0.9, -0.2, 0.5, 0.7});
  mc::unary<double>("std::acos", d_std_acos_grad, d_std_acos_pullback, d_std_acos,
                [](double x) { return std::acos(x); },
                [](auto x) { using T = decltype(x); return T(T(-1) / std::sqrt(T(1) - x * x)); },
                {-0.9, -0.2, 0.5, 0.7});
  mc::unary<double>("acos", d_c_acos_grad, d_c_acos_pullback, d_c_acos,
                [](double x) { return std::acos(x); },
                [](auto x) { using T = decltype(x); return T(T(-1) / std::sqrt(T(1) - x * x)); },
                {-0.9, -0.2, 0.5, 0.7});
  mc::unary<double>("std::atan", d_std_atan_grad, d_std_atan_pullback, d_std_atan,
                [](double x) { return std::atan(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) + x * x)); },
                {-3.0, 0.4, 2.0});
  mc::unary<double>("atan", d_c_atan_grad, d_c_atan_pullback, d_c_atan,
                [](double x) { return std::atan(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) + x * x)); },
                {-3.0, 0.4, 2.0});
  mc::binary<double>("std::atan2", d_std_atan2_grad, d_std_atan2_pullback, d_std_atan2,
                 [](double a, double b) { return std::atan2(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b / (a * a + b * b)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(-a / (a * a + b * b)); },
                 {{1.0, 2.0}, {-0.5, 0.3}, {2.0, -1.0}, {-1.0, -1.0}});
  mc::binary<double>("atan2", d_c_atan2_grad, d_c_atan2_pullback, d_c_atan2,
                 [](double a, double b) { return std::atan2(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b / (a * a + b * b)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(-a / (a * a + b * b)); },
                 {{1.0, 2.0}, {-0.5, 0.3}, {2.0, -1.0}, {-1.0, -1.0}});

  return gg::result();
}
