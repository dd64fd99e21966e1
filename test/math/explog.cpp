// Derivatives of exp, exp2, expm1, log, log2, log10, log1p, erf, erfc (double).
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

// CHECK: double d_std_exp_grad(double x, double *d_x) {
// CHECK: void d_std_exp_pullback(double x, double d_ret, double *d_x) {
// CHECK: double d_c_exp_grad(double x, double *d_x) {

GRADGEN_DIFFERENTIABLE
double d_std_exp(double x) { return std::exp(x); }

GRADGEN_DIFFERENTIABLE
double d_c_exp(double x) { return exp(x); }

GRADGEN_DIFFERENTIABLE
double d_std_exp2(double x) { return std::exp2(x); }

GRADGEN_DIFFERENTIABLE
double d_c_exp2(double x) { return exp2(x); }

GRADGEN_DIFFERENTIABLE
double d_std_expm1(double x) { return std::expm1(x); }

GRADGEN_DIFFERENTIABLE
double d_c_expm1(double x) { return expm1(x); }

GRADGEN_DIFFERENTIABLE
double d_std_log(double x) { return std::log(x); }

GRADGEN_DIFFERENTIABLE
double d_c_log(double x) { return log(x); }

GRADGEN_DIFFERENTIABLE
double d_std_log2(double x) { return std::log2(x); }

GRADGEN_DIFFERENTIABLE
double d_c_log2(double x) { return log2(x); }

GRADGEN_DIFFERENTIABLE
double d_std_log10(double x) { return std::log10(x); }

GRADGEN_DIFFERENTIABLE
double d_c_log10(double x) { return log10(x); }

GRADGEN_DIFFERENTIABLE
double d_std_log1p(double x) { return std::log1p(x); }

GRADGEN_DIFFERENTIABLE
double d_c_log1p(double x) { return log1p(x); }

GRADGEN_DIFFERENTIABLE
double d_std_erf(double x) { return std::erf(x); }

GRADGEN_DIFFERENTIABLE
double d_c_erf(double x) { return erf(x); }

GRADGEN_DIFFERENTIABLE
double d_std_erfc(double x) { return std::erfc(x); }

GRADGEN_DIFFERENTIABLE
double d_c_erfc(double x) { return erfc(x); }


double d_std_exp_grad(double x, double *d_x);
void d_std_exp_pullback(double x, double d_ret, double *d_x);
double d_c_exp_grad(double x, double *d_x);
void d_c_exp_pullback(double x, double d_ret, double *d_x);
double d_std_exp2_grad(double x, double *d_x);
void d_std_exp2_pullback(double x, double d_ret, double *d_x);
double d_c_exp2_grad(double x, double *d_x);
void d_c_exp2_pullback(double x, double d_ret, double *d_x);
double d_std_expm1_grad(double x, double *d_x);
void d_std_expm1_pullback(double x, double d_ret, double *d_x);
double d_c_expm1_grad(double x, double *d_x);
void d_c_expm1_pullback(double x, double d_ret, double *d_x);
double d_std_log_grad(double x, double *d_x);
void d_std_log_pullback(double x, double d_ret, double *d_x);
double d_c_log_grad(double x, double *d_x);
void d_c_log_pullback(double x, double d_ret, double *d_x);
double d_std_log2_grad(double x, double *d_x);
void d_std_log2_pullback(double x, double d_ret, double *d_x);
double d_c_log2_grad(double x, double *d_x);
void d_c_log2_pullback(double x, double d_ret, double *d_x);
double d_std_log10_grad(double x, double *d_x);
void d_std_log10_pullback(double x, double d_ret, double *d_x);
double d_c_log10_grad(double x, double *d_x);
void d_c_log10_pullback(double x, double d_ret, double *d_x);
double d_std_log1p_grad(double x, double *d_x);
void d_std_log1p_pullback(double x, double d_ret, double *d_x);
double d_c_log1p_grad(double x, double *d_x);
void d_c_log1p_pullback(double x, double d_ret, double *d_x);
double d_std_erf_grad(double x, double *d_x);
void d_std_erf_pullback(double x, double d_ret, double *d_x);
double d_c_erf_grad(double x, double *d_x);
void d_c_erf_pullback(double x, double d_ret, double *d_x);
double d_std_erfc_grad(double x, double *d_x);
void d_std_erfc_pullback(double x, double d_ret, double *d_x);
double d_c_erfc_grad(double x, double *d_x);
void d_c_erfc_pullback(double x, double d_ret, double *d_x);

int main() {
  mc::unary<double>("std::exp", d_std_exp_grad, d_std_exp_pullback, d_std_exp,
                [](double x) { return std::exp(x); },
                [](auto x) { using T = decltype(x); return T(std::exp(x)); },
                {-1.0, 0.5, 2.5});
  mc::unary<double>("exp", d_c_exp_grad, d_c_exp_pullback, d_c_exp,
                [](double x) { return std::exp(x); },
                [](auto x) { using T = decltype(x); return T(std::exp(x)); },
                {-1.0, 0.5, 2.5});
  mc::unary<double>("std::exp2", d_std_exp2_grad, d_std_exp2_pullback, d_std_exp2,
                [](double x) { return std::exp2(x); },
                [](auto x) { using T = decltype(x); return T(std::log(T(2)) * std::exp2(x)); },
                {-1.5, 0.5, 3.0});
  mc::unary<double>("exp2", d_c_exp2_grad, d_c_exp2_pullback, d_c_exp2,
                [](double x) { return std::exp2(x); },
                [](auto x) { using T = decltype(x); return T(std::log(T(2)) * std::exp2(x)); },
                {-1.5, 0.5, 3.0});
  mc::unary<double>("std::expm1", d_std_expm1_grad, d_std_expm1_pullback, d_std_expm1,
                [](double x) { return std::expm1(x); },
                [](auto x) { using T = decltype(x); return T(std::exp(x)); },
                {-1.0, 0.001, 2.0});
  mc::unary<double>("expm1", d_c_expm1_grad, d_c_expm1_pullback, d_c_expm1,
                [](double x) { return std::expm1(x); },
                [](auto x) { using T = decltype(x); return T(std::exp(x)); },
                {-1.0, 0.001, 2.0});
  mc::unary<double>("std::log", d_std_log_grad, d_std_log_pullback, d_std_log,
                [](double x) { return std::log(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / x); },
                {0.1, 1.5, 20.0});
  mc::unary<double>("log", d_c_log_grad, d_c_log_pullback, d_c_log,
                [](double x) { return std::log(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / x); },
                {0.1, 1.5, 20.0});
  mc::unary<double>("std::log2", d_std_log2_grad, d_std_log2_pullback, d_std_log2,
                [](double x) { return std::log2(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (x * std::log(T(2)))); },
                {0.1, 1.5, 20.0});
  mc::unary<double>("log2", d_c_log2_grad, d_c_log2_pullback, d_c_log2,
                [](double x) { return std::log2(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (x * std::log(T(2)))); },
                {0.1, 1.5, 20.0});
  mc::unary<double>("std::log10", d_std_log10_grad, d_std_log10_pullback, d_std_log10,
                [](double x) { return std::log10(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (x * std::log(T(10)))); },
                {0.1, 1.5, 20.0});
  mc::unary<double>("log10", d_c_log10_grad, d_c_log10_pullback, d_c_log10,
                [](double x) { return std::log10(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (x * std::log(T(10)))); },
                {0.1, 1.5, 20.0});
  mc::unary<double>("std::log1p", d_std_log1p_grad, d_std_log1p_pullback, d_std_log1p,
                [](double x) { return std::log1p(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) + x)); },
                {-0.5, 0.0001, 3.0});
  mc::unary<double>("log1p", d_c_log1p_grad, d_c_log1p_pullback, d_c_log1p,
                [](double x) { return std::log1p(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) + x)); },
                {-0.5, 0.0001, 3.0});
  mc::unary<double>("std::erf", d_std_erf_grad, d_std_erf_pullback, d_std_erf,
                [](double x) { return std::erf(x); },
                [](auto x) { using T = decltype(x); return T(T(2) / std::sqrt(std::acos(T(-1))) * std::exp(-x * x)); },
                {-1.0, 0.2, 1.5});
  mc::unary<double>("erf", d_c_erf_grad, d_c_erf_pullback, d_c_erf,
                [](double x) { return std::erf(x); },
                [](auto x) { using T = decltype(x); return T(T(2) / std::sqrt(std::acos(T(-1))) * std::exp(-x * x)); },
                {-1.0, 0.2, 1.5});
  mc::unary<double>("std::erfc", d_std_erfc_grad, d_std_erfc_pullback, d_std_erfc,
                [](double x) { return std::erfc(x); },
                [](auto x) { using T = decltype(x); return T(T(-2) / std::sqrt(std::acos(T(-1))) * std::exp(-x * x)); },
                {-1.0, 0.2, 1.5});
  mc::unary<double>("erfc", d_c_erfc_grad, d_c_erfc_pullback, d_c_erfc,
                [](double x) { return std::erfc(x); },
                [](auto x) { using T = decltype(x); return T(T(-2) / std::sqrt(std::acos(T(-1))) * std::exp(-x * x)); },
                {-1.0, 0.2, 1.5});

  return gg::result();
}
