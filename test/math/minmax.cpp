// Derivatives of fabs, fmin, fmax, fdim, copysign, fmod (double).
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

// CHECK: double d_std_fabs_grad(double x, double *d_x) {
// CHECK: void d_std_fabs_pullback(double x, double d_ret, double *d_x) {
// CHECK: double d_c_fabs_grad(double x, double *d_x) {

GRADGEN_DIFFERENTIABLE
double d_std_fabs(double x) { return std::fabs(x); }

GRADGEN_DIFFERENTIABLE
double d_c_fabs(double x) { return fabs(x); }

GRADGEN_DIFFERENTIABLE
double d_std_fmin(double a, double b) { return std::fmin(a, b); }

GRADGEN_DIFFERENTIABLE
double d_c_fmin(double a, double b) { return fmin(a, b); }

GRADGEN_DIFFERENTIABLE
double d_std_fmax(double a, double b) { return std::fmax(a, b); }

GRADGEN_DIFFERENTIABLE
double d_c_fmax(double a, double b) { return fmax(a, b); }

GRADGEN_DIFFERENTIABLE
double d_std_fdim(double a, double b) { return std::fdim(a, b); }

GRADGEN_DIFFERENTIABLE
double d_c_fdim(double a, double b) { return fdim(a, b); }

GRADGEN_DIFFERENTIABLE
double d_std_copysign(double a, double b) { return std::copysign(a, b); }

GRADGEN_DIFFERENTIABLE
double d_c_copysign(double a, double b) { return copysign(a, b); }

GRADGEN_DIFFERENTIABLE
double d_std_fmod(double a, double b) { return std::fmod(a, b); }

GRADGEN_DIFFERENTIABLE
double d_c_fmod(double a, double b) { return fmod(a, b); }


double d_std_fabs_grad(double x, double *d_x);
void d_std_fabs_pullback(double x, double d_ret, double *d_x);
double d_c_fabs_grad(double x, double *d_x);
void d_c_fabs_pullback(double x, double d_ret, double *d_x);
double d_std_fmin_grad(double a, double b, double *d_a, double *d_b);
void d_std_fmin_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double d_c_fmin_grad(double a, double b, double *d_a, double *d_b);
void d_c_fmin_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double d_std_fmax_grad(double a, double b, double *d_a, double *d_b);
void d_std_fmax_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double d_c_fmax_grad(double a, double b, double *d_a, double *d_b);
void d_c_fmax_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double d_std_fdim_grad(double a, double b, double *d_a, double *d_b);
void d_std_fdim_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double d_c_fdim_grad(double a, double b, double *d_a, double *d_b);
void d_c_fdim_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double d_std_copysign_grad(double a, double b, double *d_a, double *d_b);
void d_std_copysign_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double d_c_copysign_grad(double a, double b, double *d_a, double *d_b);
void d_c_copysign_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double d_std_fmod_grad(double a, double b, double *d_a, double *d_b);
void d_std_fmod_pullback(double a, double b, double d_ret, double *d_a, double *d_b);
double d_c_fmod_grad(double a, double b, double *d_a, double *d_b);
void d_c_fmod_pullback(double a, double b, double d_ret, double *d_a, double *d_b);

int main() {
  mc::unary<double>("std::fabs", d_std_fabs_grad, d_std_fabs_pullback, d_std_fabs,
                [](double x) { return std::fabs(x); },
                [](auto x) { using T = decltype(x); return T(T(x > 0 ? 1 : -1)); },
                {-2.0, 3.5, -0.1});
  mc::unary<double>("fabs", d_c_fabs_grad, d_c_fabs_pullback, d_c_fabs,
                [](double x) { return std::fabs(x); },
                [](auto x) { using T = decltype(x); return T(T(x > 0 ? 1 : -1)); },
                {-2.0, 3.5, -0.1});
  mc::binary<double>("std::fmin", d_std_fmin_grad, d_std_fmin_pullback, d_std_fmin,
                 [](double a, double b) { return std::fmin(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a < b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a < b ? 0 : 1)); },
                 {{1.0, 2.0}, {3.0, -1.0}, {-2.0, -1.5}});
  mc::binary<double>("fmin", d_c_fmin_grad, d_c_fmin_pullback, d_c_fmin,
                 [](double a, double b) { return std::fmin(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a < b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a < b ? 0 : 1)); },
                 {{1.0, 2.0}, {3.0, -1.0}, {-2.0, -1.5}});
  mc::binary<double>("std::fmax", d_std_fmax_grad, d_std_fmax_pullback, d_std_fmax,
                 [](double a, double b) { return std::fmax(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 0 : 1)); },
                 {{1.0, 2.0}, {3.0, -1.0}, {-2.0, -1.5}});
  mc::binary<double>("fmax", d_c_fmax_grad, d_c_fmax_pullback, d_c_fmax,
                 [](double a, double b) { return std::fmax(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 0 : 1)); },
                 {{1.0, 2.0}, {3.0, -1.0}, {-2.0, -1.5}});
  mc::binary<double>("std::fdim", d_std_fdim_grad, d_std_fdim_pullback, d_std_fdim,
                 [](double a, double b) { return std::fdim(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? -1 : 0)); },
                 {{3.0, 1.0}, {1.0, 3.0}, {-1.0, -4.0}});
  mc::binary<double>("fdim", d_c_fdim_grad, d_c_fdim_pullback, d_c_fdim,
                 [](double a, double b) { return std::fdim(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? -1 : 0)); },
                 {{3.0, 1.0}, {1.0, 3.0}, {-1.0, -4.0}});
  mc::binary<double>("std::copysign", d_std_copysign_grad, d_std_copysign_pullback, d_std_copysign,
                 [](double a, double b) { return std::copysign(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T((a > 0) == (b > 0) ? 1 : -1)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(0)); },
                 {{2.0, -1.0}, {-3.0, 2.0}, {1.5, 4.0}});
  mc::binary<double>("copysign", d_c_copysign_grad, d_c_copysign_pullback, d_c_copysign,
                 [](double a, double b) { return std::copysign(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T((a > 0) == (b > 0) ? 1 : -1)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(0)); },
                 {{2.0, -1.0}, {-3.0, 2.0}, {1.5, 4.0}});
  mc::binary<double>("std::fmod", d_std_fmod_grad, d_std_fmod_pullback, d_std_fmod,
                 [](double a, double b) { return std::fmod(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(1)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(-std::trunc(a / b)); },
                 {{5.5, 2.0}, {-7.5, 2.0}, {3.0, 0.7}});
  mc::binary<double>("fmod", d_c_fmod_grad, d_c_fmod_pullback, d_c_fmod,
                 [](double a, double b) { return std::fmod(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(1)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(-std::trunc(a / b)); },
                 {{5.5, 2.0}, {-7.5, 2.0}, {3.0, 0.7}});

  return gg::result();
}
