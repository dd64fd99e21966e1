// Derivatives of sinh, cosh, tanh, asinh, acosh, atanh (double).
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

// CHECK: double d_std_sinh_grad(double x, double *d_x) {
// CHECK: void d_std_sinh_pullback(double x, double d_ret, double *d_x) {
// CHECK: double d_c_sinh_grad(double x, double *d_x) {

GRADGEN_DIFFERENTIABLE
double d_std_sinh(double x) { return std::sinh(x); }

GRADGEN_DIFFERENTIABLE
double d_c_sinh(double x) { return sinh(x); }

GRADGEN_DIFFERENTIABLE
double d_std_cosh(double x) { return std::cosh(x); }

GRADGEN_DIFFERENTIABLE
double d_c_cosh(double x) { return cosh(x); }

GRADGEN_DIFFERENTIABLE
double d_std_tanh(double x) { return std::tanh(x); }

GRADGEN_DIFFERENTIABLE
double d_c_tanh(double x) { return tanh(x); }

GRADGEN_DIFFERENTIABLE
double d_std_asinh(double x) { return std::asinh(x); }

GRADGEN_DIFFERENTIABLE
double d_c_asinh(double x) { return asinh(x); }

GRADGEN_DIFFERENTIABLE
double d_std_acosh(double x) { return std::acosh(x); }

GRADGEN_DIFFERENTIABLE
double d_c_acosh(double x) { return acosh(x); }

GRADGEN_DIFFERENTIABLE
double d_std_atanh(double x) { return std::atanh(x); }

GRADGEN_DIFFERENTIABLE
double d_c_atanh(double x) { return atanh(x); }


double d_std_sinh_grad(double x, double *d_x);
void d_std_sinh_pullback(double x, double d_ret, double *d_x);
double d_c_sinh_grad(double x, double *d_x);
void d_c_sinh_pullback(double x, double d_ret, double *d_x);
double d_std_cosh_grad(double x, double *d_x);
void d_std_cosh_pullback(double x, double d_ret, double *d_x);
double d_c_cosh_grad(double x, double *d_x);
void d_c_cosh_pullback(double x, double d_ret, double *d_x);
double d_std_tanh_grad(double x, double *d_x);
void d_std_tanh_pullback(double x, double d_ret, double *d_x);
double d_c_tanh_grad(double x, double *d_x);
void d_c_tanh_pullback(double x, double d_ret, double *d_x);
double d_std_asinh_grad(double x, double *d_x);
void d_std_asinh_pullback(double x, double d_ret, double *d_x);
double d_c_asinh_grad(double x, double *d_x);
void d_c_asinh_pullback(double x, double d_ret, double *d_x);
double d_std_acosh_grad(double x, double *d_x);
void d_std_acosh_pullback(double x, double d_ret, double *d_x);
double d_c_acosh_grad(double x, double *d_x);
void d_c_acosh_pullback(double x, double d_ret, double *d_x);
double d_std_atanh_grad(double x, double *d_x);
void d_std_atanh_pullback(double x, double d_ret, double *d_x);
double d_c_atanh_grad(double x, double *d_x);
void d_c_atanh_pullback(double x, double d_ret, double *d_x);

int main() {
  mc::unary<double>("std::sinh", d_std_sinh_grad, d_std_sinh_pullback, d_std_sinh,
                [](double x) { return std::sinh(x); },
                [](auto x) { using T = decltype(x); return T(std::cosh(x)); },
                {-2.0, 0.5, 3.0});
  mc::unary<double>("sinh", d_c_sinh_grad, d_c_sinh_pullback, d_c_sinh,
                [](double x) { return std::sinh(x); },
                [](auto x) { using T = decltype(x); return T(std::cosh(x)); },
                {-2.0, 0.5, 3.0});
  mc::unary<double>("std::cosh", d_std_cosh_grad, d_std_cosh_pullback, d_std_cosh,
                [](double x) { return std::cosh(x); },
                [](auto x) { using T = decltype(x); return T(std::sinh(x)); },
                {-2.0, 0.5, 3.0});
  mc::unary<double>("cosh", d_c_cosh_grad, d_c_cosh_pullback, d_c_cosh,
                [](double x) { return std::cosh(x); },
                [](auto x) { using T = decltype(x); return T(std::sinh(x)); },
                {-2.0, 0.5, 3.0});
  mc::unary<double>("std::tanh", d_std_tanh_grad, d_std_tanh_pullback, d_std_tanh,
                [](double x) { return std::tanh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (std::cosh(x) * std::cosh(x))); },
                {-1.5, 0.1, 2.0});
  mc::unary<double>("tanh", d_c_tanh_grad, d_c_tanh_pullback, d_c_tanh,
                [](double x) { return std::tanh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (std::cosh(x) * std::cosh(x))); },
                {-1.5, 0.1, 2.0});
  mc::unary<double>("std::asinh", d_std_asinh_grad, d_std_asinh_pullback, d_std_asinh,
                [](double x) { return std::asinh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(x * x + T(1))); },
                {-2.0, 0.3, 5.0});
  mc::unary<double>("asinh", d_c_asinh_grad, d_c_asinh_pullback, d_c_asinh,
                [](double x) { return std::asinh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(x * x + T(1))); },
                {-2.0, 0.3, 5.0});
  mc::unary<double>("std::acosh", d_std_acosh_grad, d_std_acosh_pullback, d_std_acosh,
                [](double x) { return std::acosh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(x * x - T(1))); },
                {1.2, 2.0, 10.0});
  mc::unary<double>("acosh", d_c_acosh_grad, d_c_acosh_pullback, d_c_acosh,
                [](double x) { return std::acosh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(x * x - T(1))); },
                {1.2, 2.0, 10.0});
  mc::unary<double>("std::atanh", d_std_atanh_grad, d_std_atanh_pullback, d_std_atanh,
                [](double x) { return std::atanh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) - x * x)); },
                {-0.8, 0.1, 0.6});
  mc::unary<double>("atanh", d_c_atanh_grad, d_c_atanh_pullback, d_c_atanh,
                [](double x) { return std::atanh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) - x * x)); },
                {-0.8, 0.1, 0.6});

  return gg::result();
}
