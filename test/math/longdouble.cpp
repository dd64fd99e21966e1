// long double overloads: std::f(long double) and the l-suffixed C functions, with long double adjoints.
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

// CHECK: long double l_std_sin_grad(long double x, long double *d_x) {
// CHECK: long double l_c_sin_grad(long double x, long double *d_x) {
// CHECK: sinl(

GRADGEN_DIFFERENTIABLE
long double l_std_sin(long double x) { return std::sin(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_sin(long double x) { return sinl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_cos(long double x) { return std::cos(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_cos(long double x) { return cosl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_tan(long double x) { return std::tan(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_tan(long double x) { return tanl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_asin(long double x) { return std::asin(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_asin(long double x) { return asinl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_acos(long double x) { return std::acos(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_acos(long double x) { return acosl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_atan(long double x) { return std::atan(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_atan(long double x) { return atanl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_atan2(long double a, long double b) { return std::atan2(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_c_atan2(long double a, long double b) { return atan2l(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_std_sinh(long double x) { return std::sinh(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_sinh(long double x) { return sinhl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_cosh(long double x) { return std::cosh(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_cosh(long double x) { return coshl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_tanh(long double x) { return std::tanh(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_tanh(long double x) { return tanhl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_asinh(long double x) { return std::asinh(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_asinh(long double x) { return asinhl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_acosh(long double x) { return std::acosh(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_acosh(long double x) { return acoshl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_atanh(long double x) { return std::atanh(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_atanh(long double x) { return atanhl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_exp(long double x) { return std::exp(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_exp(long double x) { return expl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_exp2(long double x) { return std::exp2(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_exp2(long double x) { return exp2l(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_expm1(long double x) { return std::expm1(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_expm1(long double x) { return expm1l(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_log(long double x) { return std::log(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_log(long double x) { return logl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_log2(long double x) { return std::log2(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_log2(long double x) { return log2l(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_log10(long double x) { return std::log10(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_log10(long double x) { return log10l(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_log1p(long double x) { return std::log1p(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_log1p(long double x) { return log1pl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_erf(long double x) { return std::erf(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_erf(long double x) { return erfl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_erfc(long double x) { return std::erfc(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_erfc(long double x) { return erfcl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_pow(long double a, long double b) { return std::pow(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_c_pow(long double a, long double b) { return powl(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_std_sqrt(long double x) { return std::sqrt(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_sqrt(long double x) { return sqrtl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_cbrt(long double x) { return std::cbrt(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_cbrt(long double x) { return cbrtl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_hypot(long double a, long double b) { return std::hypot(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_c_hypot(long double a, long double b) { return hypotl(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_std_fabs(long double x) { return std::fabs(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_fabs(long double x) { return fabsl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_fmin(long double a, long double b) { return std::fmin(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_c_fmin(long double a, long double b) { return fminl(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_std_fmax(long double a, long double b) { return std::fmax(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_c_fmax(long double a, long double b) { return fmaxl(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_std_fdim(long double a, long double b) { return std::fdim(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_c_fdim(long double a, long double b) { return fdiml(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_std_copysign(long double a, long double b) { return std::copysign(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_c_copysign(long double a, long double b) { return copysignl(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_std_fmod(long double a, long double b) { return std::fmod(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_c_fmod(long double a, long double b) { return fmodl(a, b); }

GRADGEN_DIFFERENTIABLE
long double l_std_floor(long double x) { return x * std::floor(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_floor(long double x) { return x * floorl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_ceil(long double x) { return x * std::ceil(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_ceil(long double x) { return x * ceill(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_trunc(long double x) { return x * std::trunc(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_trunc(long double x) { return x * truncl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_round(long double x) { return x * std::round(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_round(long double x) { return x * roundl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_nearbyint(long double x) { return x * std::nearbyint(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_nearbyint(long double x) { return x * nearbyintl(x); }

GRADGEN_DIFFERENTIABLE
long double l_std_rint(long double x) { return x * std::rint(x); }

GRADGEN_DIFFERENTIABLE
long double l_c_rint(long double x) { return x * rintl(x); }


long double l_std_sin_grad(long double x, long double *d_x);
void l_std_sin_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_sin_grad(long double x, long double *d_x);
void l_c_sin_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_cos_grad(long double x, long double *d_x);
void l_std_cos_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_cos_grad(long double x, long double *d_x);
void l_c_cos_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_tan_grad(long double x, long double *d_x);
void l_std_tan_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_tan_grad(long double x, long double *d_x);
void l_c_tan_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_asin_grad(long double x, long double *d_x);
void l_std_asin_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_asin_grad(long double x, long double *d_x);
void l_c_asin_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_acos_grad(long double x, long double *d_x);
void l_std_acos_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_acos_grad(long double x, long double *d_x);
void l_c_acos_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_atan_grad(long double x, long double *d_x);
void l_std_atan_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_atan_grad(long double x, long double *d_x);
void l_c_atan_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_atan2_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_std_atan2_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_c_atan2_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_c_atan2_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_std_sinh_grad(long double x, long double *d_x);
void l_std_sinh_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_sinh_grad(long double x, long double *d_x);
void l_c_sinh_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_cosh_grad(long double x, long double *d_x);
void l_std_cosh_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_cosh_grad(long double x, long double *d_x);
void l_c_cosh_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_tanh_grad(long double x, long double *d_x);
void l_std_tanh_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_tanh_grad(long double x, long double *d_x);
void l_c_tanh_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_asinh_grad(long double x, long double *d_x);
void l_std_asinh_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_asinh_grad(long double x, long double *d_x);
void l_c_asinh_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_acosh_grad(long double x, long double *d_x);
void l_std_acosh_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_acosh_grad(long double x, long double *d_x);
void l_c_acosh_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_atanh_grad(long double x, long double *d_x);
void l_std_atanh_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_atanh_grad(long double x, long double *d_x);
void l_c_atanh_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_exp_grad(long double x, long double *d_x);
void l_std_exp_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_exp_grad(long double x, long double *d_x);
void l_c_exp_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_exp2_grad(long double x, long double *d_x);
void l_std_exp2_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_exp2_grad(long double x, long double *d_x);
void l_c_exp2_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_expm1_grad(long double x, long double *d_x);
void l_std_expm1_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_expm1_grad(long double x, long double *d_x);
void l_c_expm1_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_log_grad(long double x, long double *d_x);
void l_std_log_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_log_grad(long double x, long double *d_x);
void l_c_log_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_log2_grad(long double x, long double *d_x);
void l_std_log2_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_log2_grad(long double x, long double *d_x);
void l_c_log2_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_log10_grad(long double x, long double *d_x);
void l_std_log10_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_log10_grad(long double x, long double *d_x);
void l_c_log10_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_log1p_grad(long double x, long double *d_x);
void l_std_log1p_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_log1p_grad(long double x, long double *d_x);
void l_c_log1p_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_erf_grad(long double x, long double *d_x);
void l_std_erf_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_erf_grad(long double x, long double *d_x);
void l_c_erf_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_erfc_grad(long double x, long double *d_x);
void l_std_erfc_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_erfc_grad(long double x, long double *d_x);
void l_c_erfc_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_pow_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_std_pow_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_c_pow_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_c_pow_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_std_sqrt_grad(long double x, long double *d_x);
void l_std_sqrt_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_sqrt_grad(long double x, long double *d_x);
void l_c_sqrt_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_cbrt_grad(long double x, long double *d_x);
void l_std_cbrt_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_cbrt_grad(long double x, long double *d_x);
void l_c_cbrt_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_hypot_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_std_hypot_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_c_hypot_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_c_hypot_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_std_fabs_grad(long double x, long double *d_x);
void l_std_fabs_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_fabs_grad(long double x, long double *d_x);
void l_c_fabs_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_fmin_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_std_fmin_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_c_fmin_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_c_fmin_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_std_fmax_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_std_fmax_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_c_fmax_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_c_fmax_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_std_fdim_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_std_fdim_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_c_fdim_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_c_fdim_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_std_copysign_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_std_copysign_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_c_copysign_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_c_copysign_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_std_fmod_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_std_fmod_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_c_fmod_grad(long double a, long double b, long double *d_a, long double *d_b);
void l_c_fmod_pullback(long double a, long double b, long double d_ret, long double *d_a, long double *d_b);
long double l_std_floor_grad(long double x, long double *d_x);
void l_std_floor_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_floor_grad(long double x, long double *d_x);
void l_c_floor_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_ceil_grad(long double x, long double *d_x);
void l_std_ceil_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_ceil_grad(long double x, long double *d_x);
void l_c_ceil_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_trunc_grad(long double x, long double *d_x);
void l_std_trunc_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_trunc_grad(long double x, long double *d_x);
void l_c_trunc_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_round_grad(long double x, long double *d_x);
void l_std_round_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_round_grad(long double x, long double *d_x);
void l_c_round_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_nearbyint_grad(long double x, long double *d_x);
void l_std_nearbyint_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_nearbyint_grad(long double x, long double *d_x);
void l_c_nearbyint_pullback(long double x, long double d_ret, long double *d_x);
long double l_std_rint_grad(long double x, long double *d_x);
void l_std_rint_pullback(long double x, long double d_ret, long double *d_x);
long double l_c_rint_grad(long double x, long double *d_x);
void l_c_rint_pullback(long double x, long double d_ret, long double *d_x);

int main() {
  mc::unary<long double>("std::sin(long double)", l_std_sin_grad, l_std_sin_pullback, l_std_sin,
                [](double x) { return std::sin(x); },
                [](auto x) { using T = decltype(x); return T(std::cos(x)); },
                {-2.0, 0.3, 1.7, 4.0});
  mc::unary<long double>("sinl(long double)", l_c_sin_grad, l_c_sin_pullback, l_c_sin,
                [](double x) { return std::sin(x); },
                [](auto x) { using T = decltype(x); return T(std::cos(x)); },
                {-2.0, 0.3, 1.7, 4.0});
  mc::unary<long double>("std::cos(long double)", l_std_cos_grad, l_std_cos_pullback, l_std_cos,
                [](double x) { return std::cos(x); },
                [](auto x) { using T = decltype(x); return T(-std::sin(x)); },
                {-2.0, 0.3, 1.7, 4.0});
  mc::unary<long double>("cosl(long double)", l_c_cos_grad, l_c_cos_pullback, l_c_cos,
                [](double x) { return std::cos(x); },
                [](auto x) { using T = decltype(x); return T(-std::sin(x)); },
                {-2.0, 0.3, 1.7, 4.0});
  mc::unary<long double>("std::tan(long double)", l_std_tan_grad, l_std_tan_pullback, l_std_tan,
                [](double x) { return std::tan(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (std::cos(x) * std::cos(x))); },
                {-1.2, 0.2, 1.0, 3.5});
  mc::unary<long double>("tanl(long double)", l_c_tan_grad, l_c_tan_pullback, l_c_tan,
                [](double x) { return std::tan(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (std::cos(x) * std::cos(x))); },
                {-1.2, 0.2, 1.0, 3.5});
  mc::unary<long double>("std::asin(long double)", l_std_asin_grad, l_std_asin_pullback, l_std_asin,
                [](double x) { return std::asin(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(T(1) - x * x)); },
                {-0.9, -0.2, 0.5, 0.7});
  mc::unary<long double>("asinl(long double)", l_c_asin_grad, l_c_asin_pullback, l_c_asin,
                [](double x) { return std::asin(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(T(1) - x * x)); },
                {-0.9, -0.2, 0.5, 0.7});
  mc::unary<long double>("std::acos(long double)", l_std_acos_grad, l_std_acos_pullback, l_std_acos,
                [](double x) { return std::acos(x); },
                [](auto x) { using T = decltype(x); return T(T(-1) / std::sqrt(T(1) - x * x)); },
                {-0.9, -0.2, 0.5, 0.7});
  mc::unary<long double>("acosl(long double)", l_c_acos_grad, l_c_acos_pullback, l_c_acos,
                [](double x) { return std::acos(x); },
                [](auto x) { using T = decltype(x); return T(T(-1) / std::sqrt(T(1) - x * x)); },
                {-0.9, -0.2, 0.5, 0.7});
  mc::unary<long double>("std::atan(long double)", l_std_atan_grad, l_std_atan_pullback, l_std_atan,
                [](double x) { return std::atan(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) + x * x)); },
                {-3.0, 0.4, 2.0});
  mc::unary<long double>("atanl(long double)", l_c_atan_grad, l_c_atan_pullback, l_c_atan,
                [](double x) { return std::atan(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) + x * x)); },
                {-3.0, 0.4, 2.0});
  mc::binary<long double>("std::atan2(long double)", l_std_atan2_grad, l_std_atan2_pullback, l_std_atan2,
                 [](double a, double b) { return std::atan2(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b / (a * a + b * b)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(-a / (a * a + b * b)); },
                 {{1.0, 2.0}, {-0.5, 0.3}, {2.0, -1.0}, {-1.0, -1.0}});
  mc::binary<long double>("atan2l(long double)", l_c_atan2_grad, l_c_atan2_pullback, l_c_atan2,
                 [](double a, double b) { return std::atan2(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b / (a * a + b * b)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(-a / (a * a + b * b)); },
                 {{1.0, 2.0}, {-0.5, 0.3}, {2.0, -1.0}, {-1.0, -1.0}});
  mc::unary<long double>("std::sinh(long double)", l_std_sinh_grad, l_std_sinh_pullback, l_std_sinh,
                [](double x) { return std::sinh(x); },
                [](auto x) { using T = decltype(x); return T(std::cosh(x)); },
                {-2.0, 0.5, 3.0});
  mc::unary<long double>("sinhl(long double)", l_c_sinh_grad, l_c_sinh_pullback, l_c_sinh,
                [](double x) { return std::sinh(x); },
                [](auto x) { using T = decltype(x); return T(std::cosh(x)); },
                {-2.0, 0.5, 3.0});
  mc::unary<long double>("std::cosh(long double)", l_std_cosh_grad, l_std_cosh_pullback, l_std_cosh,
                [](double x) { return std::cosh(x); },
                [](auto x) { using T = decltype(x); return T(std::sinh(x)); },
                {-2.0, 0.5, 3.0});
  mc::unary<long double>("coshl(long double)", l_c_cosh_grad, l_c_cosh_pullback, l_c_cosh,
                [](double x) { return std::cosh(x); },
                [](auto x) { using T = decltype(x); return T(std::sinh(x)); },
                {-2.0, 0.5, 3.0});
  mc::unary<long double>("std::tanh(long double)", l_std_tanh_grad, l_std_tanh_pullback, l_std_tanh,
                [](double x) { return std::tanh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (std::cosh(x) * std::cosh(x))); },
                {-1.5, 0.1, 2.0});
  mc::unary<long double>("tanhl(long double)", l_c_tanh_grad, l_c_tanh_pullback, l_c_tanh,
                [](double x) { return std::tanh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (std::cosh(x) * std::cosh(x))); },
                {-1.5, 0.1, 2.0});
  mc::unary<long double>("std::asinh(long double)", l_std_asinh_grad, l_std_asinh_pullback, l_std_asinh,
                [](double x) { return std::asinh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(x * x + T(1))); },
                {-2.0, 0.3, 5.0});
  mc::unary<long double>("asinhl(long double)", l_c_asinh_grad, l_c_asinh_pullback, l_c_asinh,
                [](double x) { return std::asinh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(x * x + T(1))); },
                {-2.0, 0.3, 5.0});
  mc::unary<long double>("std::acosh(long double)", l_std_acosh_grad, l_std_acosh_pullback, l_std_acosh,
                [](double x) { return std::acosh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(x * x - T(1))); },
                {1.2, 2.0, 10.0});
  mc::unary<long double>("acoshl(long double)", l_c_acosh_grad, l_c_acosh_pullback, l_c_acosh,
                [](double x) { return std::acosh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(x * x - T(1))); },
                {1.2, 2.0, 10.0});
  mc::unary<long double>("std::atanh(long double)", l_std_atanh_grad, l_std_atanh_pullback, l_std_atanh,
                [](double x) { return std::atanh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) - x * x)); },
                {-0.8, 0.1, 0.6});
  mc::unary<long double>("atanhl(long double)", l_c_atanh_grad, l_c_atanh_pullback, l_c_atanh,
                [](double x) { return std::atanh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) - x * x)); },
                {-0.8, 0.1, 0.6});
  mc::unary<long double>("std::exp(long double)", l_std_exp_grad, l_std_exp_pullback, l_std_exp,
                [](double x) { return std::exp(x); },
                [](auto x) { using T = decltype(x); return T(std::exp(x)); },
                {-1.0, 0.5, 2.5});
  mc::unary<long double>("expl(long double)", l_c_exp_grad, l_c_exp_pullback, l_c_exp,
                [](double x) { return std::exp(x); },
                [](auto x) { using T = decltype(x); return T(std::exp(x)); },
                {-1.0, 0.5, 2.5});
  mc::unary<long double>("std::exp2(long double)", l_std_exp2_grad, l_std_exp2_pullback, l_std_exp2,
                [](double x) { return std::exp2(x); },
                [](auto x) { using T = decltype(x); return T(std::log(T(2)) * std::exp2(x)); },
                {-1.5, 0.5, 3.0});
  mc::unary<long double>("exp2l(long double)", l_c_exp2_grad, l_c_exp2_pullback, l_c_exp2,
                [](double x) { return std::exp2(x); },
                [](auto x) { using T = decltype(x); return T(std::log(T(2)) * std::exp2(x)); },
                {-1.5, 0.5, 3.0});
  mc::unary<long double>("std::expm1(long double)", l_std_expm1_grad, l_std_expm1_pullback, l_std_expm1,
                [](double x) { return std::expm1(x); },
                [](auto x) { using T = decltype(x); return T(std::exp(x)); },
                {-1.0, 0.001, 2.0});
  mc::unary<long double>("expm1l(long double)", l_c_expm1_grad, l_c_expm1_pullback, l_c_expm1,
                [](double x) { return std::expm1(x); },
                [](auto x) { using T = decltype(x); return T(std::exp(x)); },
                {-1.0, 0.001, 2.0});
  mc::unary<long double>("std::log(long double)", l_std_log_grad, l_std_log_pullback, l_std_log,
                [](double x) { return std::log(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / x); },
                {0.1, 1.5, 20.0});
  mc::unary<long double>("logl(long double)", l_c_log_grad, l_c_log_pullback, l_c_log,
                [](double x) { return std::log(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / x); },
                {0.1, 1.5, 20.0});
  mc::unary<long double>("std::log2(long double)", l_std_log2_grad, l_std_log2_pullback, l_std_log2,
                [](double x) { return std::log2(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (x * std::log(T(2)))); },
                {0.1, 1.5, 20.0});
  mc::unary<long double>("log2l(long double)", l_c_log2_grad, l_c_log2_pullback, l_c_log2,
                [](double x) { return std::log2(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (x * std::log(T(2)))); },
                {0.1, 1.5, 20.0});
  mc::unary<long double>("std::log10(long double)", l_std_log10_grad, l_std_log10_pullback, l_std_log10,
                [](double x) { return std::log10(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (x * std::log(T(10)))); },
                {0.1, 1.5, 20.0});
  mc::unary<long double>("log10l(long double)", l_c_log10_grad, l_c_log10_pullback, l_c_log10,
                [](double x) { return std::log10(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (x * std::log(T(10)))); },
                {0.1, 1.5, 20.0});
  mc::unary<long double>("std::log1p(long double)", l_std_log1p_grad, l_std_log1p_pullback, l_std_log1p,
                [](double x) { return std::log1p(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) + x)); },
                {-0.5, 0.0001, 3.0});
  mc::unary<long double>("log1pl(long double)", l_c_log1p_grad, l_c_log1p_pullback, l_c_log1p,
                [](double x) { return std::log1p(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) + x)); },
                {-0.5, 0.0001, 3.0});
  mc::unary<long double>("std::erf(long double)", l_std_erf_grad, l_std_erf_pullback, l_std_erf,
                [](double x) { return std::erf(x); },
                [](auto x) { using T = decltype(x); return T(T(2) / std::sqrt(std::acos(T(-1))) * std::exp(-x * x)); },
                {-1.0, 0.2, 1.5});
  mc::unary<long double>("erfl(long double)", l_c_erf_grad, l_c_erf_pullback, l_c_erf,
                [](double x) { return std::erf(x); },
                [](auto x) { using T = decltype(x); return T(T(2) / std::sqrt(std::acos(T(-1))) * std::exp(-x * x)); },
                {-1.0, 0.2, 1.5});
  mc::unary<long double>("std::erfc(long double)", l_std_erfc_grad, l_std_erfc_pullback, l_std_erfc,
                [](double x) { return std::erfc(x); },
                [](auto x) { using T = decltype(x); return T(T(-2) / std::sqrt(std::acos(T(-1))) * std::exp(-x * x)); },
                {-1.0, 0.2, 1.5});
  mc::unary<long double>("erfcl(long double)", l_c_erfc_grad, l_c_erfc_pullback, l_c_erfc,
                [](double x) { return std::erfc(x); },
                [](auto x) { using T = decltype(x); return T(T(-2) / std::sqrt(std::acos(T(-1))) * std::exp(-x * x)); },
                {-1.0, 0.2, 1.5});
  mc::binary<long double>("std::pow(long double)", l_std_pow_grad, l_std_pow_pullback, l_std_pow,
                 [](double a, double b) { return std::pow(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b * std::pow(a, b - T(1))); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(std::pow(a, b) * std::log(a)); },
                 {{1.5, 2.5}, {0.3, -1.2}, {4.0, 0.5}});
  mc::binary<long double>("powl(long double)", l_c_pow_grad, l_c_pow_pullback, l_c_pow,
                 [](double a, double b) { return std::pow(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b * std::pow(a, b - T(1))); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(std::pow(a, b) * std::log(a)); },
                 {{1.5, 2.5}, {0.3, -1.2}, {4.0, 0.5}});
  mc::unary<long double>("std::sqrt(long double)", l_std_sqrt_grad, l_std_sqrt_pullback, l_std_sqrt,
                [](double x) { return std::sqrt(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(2) * std::sqrt(x))); },
                {0.01, 2.0, 100.0});
  mc::unary<long double>("sqrtl(long double)", l_c_sqrt_grad, l_c_sqrt_pullback, l_c_sqrt,
                [](double x) { return std::sqrt(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(2) * std::sqrt(x))); },
                {0.01, 2.0, 100.0});
  mc::unary<long double>("std::cbrt(long double)", l_std_cbrt_grad, l_std_cbrt_pullback, l_std_cbrt,
                [](double x) { return std::cbrt(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(3) * std::cbrt(x) * std::cbrt(x))); },
                {-8.0, 0.5, 27.0});
  mc::unary<long double>("cbrtl(long double)", l_c_cbrt_grad, l_c_cbrt_pullback, l_c_cbrt,
                [](double x) { return std::cbrt(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(3) * std::cbrt(x) * std::cbrt(x))); },
                {-8.0, 0.5, 27.0});
  mc::binary<long double>("std::hypot(long double)", l_std_hypot_grad, l_std_hypot_pullback, l_std_hypot,
                 [](double a, double b) { return std::hypot(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(a / std::hypot(a, b)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b / std::hypot(a, b)); },
                 {{3.0, 4.0}, {-1.0, 0.5}, {0.2, -7.0}});
  mc::binary<long double>("hypotl(long double)", l_c_hypot_grad, l_c_hypot_pullback, l_c_hypot,
                 [](double a, double b) { return std::hypot(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(a / std::hypot(a, b)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b / std::hypot(a, b)); },
                 {{3.0, 4.0}, {-1.0, 0.5}, {0.2, -7.0}});
  mc::unary<long double>("std::fabs(long double)", l_std_fabs_grad, l_std_fabs_pullback, l_std_fabs,
                [](double x) { return std::fabs(x); },
                [](auto x) { using T = decltype(x); return T(T(x > 0 ? 1 : -1)); },
                {-2.0, 3.5, -0.1});
  mc::unary<long double>("fabsl(long double)", l_c_fabs_grad, l_c_fabs_pullback, l_c_fabs,
                [](double x) { return std::fabs(x); },
                [](auto x) { using T = decltype(x); return T(T(x > 0 ? 1 : -1)); },
                {-2.0, 3.5, -0.1});
  mc::binary<long double>("std::fmin(long double)", l_std_fmin_grad, l_std_fmin_pullback, l_std_fmin,
                 [](double a, double b) { return std::fmin(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a < b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a < b ? 0 : 1)); },
                 {{1.0, 2.0}, {3.0, -1.0}, {-2.0, -1.5}});
  mc::binary<long double>("fminl(long double)", l_c_fmin_grad, l_c_fmin_pullback, l_c_fmin,
                 [](double a, double b) { return std::fmin(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a < b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a < b ? 0 : 1)); },
                 {{1.0, 2.0}, {3.0, -1.0}, {-2.0, -1.5}});
  mc::binary<long double>("std::fmax(long double)", l_std_fmax_grad, l_std_fmax_pullback, l_std_fmax,
                 [](double a, double b) { return std::fmax(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 0 : 1)); },
                 {{1.0, 2.0}, {3.0, -1.0}, {-2.0, -1.5}});
  mc::binary<long double>("fmaxl(long double)", l_c_fmax_grad, l_c_fmax_pullback, l_c_fmax,
                 [](double a, double b) { return std::fmax(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 0 : 1)); },
                 {{1.0, 2.0}, {3.0, -1.0}, {-2.0, -1.5}});
  mc::binary<long double>("std::fdim(long double)", l_std_fdim_grad, l_std_fdim_pullback, l_std_fdim,
                 [](double a, double b) { return std::fdim(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? -1 : 0)); },
                 {{3.0, 1.0}, {1.0, 3.0}, {-1.0, -4.0}});
  mc::binary<long double>("fdiml(long double)", l_c_fdim_grad, l_c_fdim_pullback, l_c_fdim,
                 [](double a, double b) { return std::fdim(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? -1 : 0)); },
                 {{3.0, 1.0}, {1.0, 3.0}, {-1.0, -4.0}});
  mc::binary<long double>("std::copysign(long double)", l_std_copysign_grad, l_std_copysign_pullback, l_std_copysign,
                 [](double a, double b) { return std::copysign(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T((a > 0) == (b > 0) ? 1 : -1)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(0)); },
                 {{2.0, -1.0}, {-3.0, 2.0}, {1.5, 4.0}});
  mc::binary<long double>("copysignl(long double)", l_c_copysign_grad, l_c_copysign_pullback, l_c_copysign,
                 [](double a, double b) { return std::copysign(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T((a > 0) == (b > 0) ? 1 : -1)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(0)); },
                 {{2.0, -1.0}, {-3.0, 2.0}, {1.5, 4.0}});
  mc::binary<long double>("std::fmod(long double)", l_std_fmod_grad, l_std_fmod_pullback, l_std_fmod,
                 [](double a, double b) { return std::fmod(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(1)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(-std::trunc(a / b)); },
                 {{5.5, 2.0}, {-7.5, 2.0}, {3.0, 0.7}});
  mc::binary<long double>("fmodl(long double)", l_c_fmod_grad, l_c_fmod_pullback, l_c_fmod,
                 [](double a, double b) { return std::fmod(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(1)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(-std::trunc(a / b)); },
                 {{5.5, 2.0}, {-7.5, 2.0}, {3.0, 0.7}});
  mc::unary<long double>("std::floor(long double)", l_std_floor_grad, l_std_floor_pullback, l_std_floor,
                [](double x) { return x * std::floor(x); },
                [](auto x) { using T = decltype(x); return T(std::floor(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<long double>("floorl(long double)", l_c_floor_grad, l_c_floor_pullback, l_c_floor,
                [](double x) { return x * std::floor(x); },
                [](auto x) { using T = decltype(x); return T(std::floor(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<long double>("std::ceil(long double)", l_std_ceil_grad, l_std_ceil_pullback, l_std_ceil,
                [](double x) { return x * std::ceil(x); },
                [](auto x) { using T = decltype(x); return T(std::ceil(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<long double>("ceill(long double)", l_c_ceil_grad, l_c_ceil_pullback, l_c_ceil,
                [](double x) { return x * std::ceil(x); },
                [](auto x) { using T = decltype(x); return T(std::ceil(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<long double>("std::trunc(long double)", l_std_trunc_grad, l_std_trunc_pullback, l_std_trunc,
                [](double x) { return x * std::trunc(x); },
                [](auto x) { using T = decltype(x); return T(std::trunc(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<long double>("truncl(long double)", l_c_trunc_grad, l_c_trunc_pullback, l_c_trunc,
                [](double x) { return x * std::trunc(x); },
                [](auto x) { using T = decltype(x); return T(std::trunc(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<long double>("std::round(long double)", l_std_round_grad, l_std_round_pullback, l_std_round,
                [](double x) { return x * std::round(x); },
                [](auto x) { using T = decltype(x); return T(std::round(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<long double>("roundl(long double)", l_c_round_grad, l_c_round_pullback, l_c_round,
                [](double x) { return x * std::round(x); },
                [](auto x) { using T = decltype(x); return T(std::round(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<long double>("std::nearbyint(long double)", l_std_nearbyint_grad, l_std_nearbyint_pullback, l_std_nearbyint,
                [](double x) { return x * std::nearbyint(x); },
                [](auto x) { using T = decltype(x); return T(std::nearbyint(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<long double>("nearbyintl(long double)", l_c_nearbyint_grad, l_c_nearbyint_pullback, l_c_nearbyint,
                [](double x) { return x * std::nearbyint(x); },
                [](auto x) { using T = decltype(x); return T(std::nearbyint(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<long double>("std::rint(long double)", l_std_rint_grad, l_std_rint_pullback, l_std_rint,
                [](double x) { return x * std::rint(x); },
                [](auto x) { using T = decltype(x); return T(std::rint(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<long double>("rintl(long double)", l_c_rint_grad, l_c_rint_pullback, l_c_rint,
                [](double x) { return x * std::rint(x); },
                [](auto x) { using T = decltype(x); return T(std::rint(x)); },
                {-1.3, 0.7, 2.2});

  return gg::result();
}
