// float overloads: std::f(float) and the f-suffixed C functions, with float adjoints.
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

// CHECK: float f_std_sin_grad(float x, float *d_x) {
// CHECK: float f_c_sin_grad(float x, float *d_x) {
// CHECK: sinf(

GRADGEN_DIFFERENTIABLE
float f_std_sin(float x) { return std::sin(x); }

GRADGEN_DIFFERENTIABLE
float f_c_sin(float x) { return sinf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_cos(float x) { return std::cos(x); }

GRADGEN_DIFFERENTIABLE
float f_c_cos(float x) { return cosf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_tan(float x) { return std::tan(x); }

GRADGEN_DIFFERENTIABLE
float f_c_tan(float x) { return tanf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_asin(float x) { return std::asin(x); }

GRADGEN_DIFFERENTIABLE
float f_c_asin(float x) { return asinf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_acos(float x) { return std::acos(x); }

GRADGEN_DIFFERENTIABLE
float f_c_acos(float x) { return acosf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_atan(float x) { return std::atan(x); }

GRADGEN_DIFFERENTIABLE
float f_c_atan(float x) { return atanf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_atan2(float a, float b) { return std::atan2(a, b); }

GRADGEN_DIFFERENTIABLE
float f_c_atan2(float a, float b) { return atan2f(a, b); }

GRADGEN_DIFFERENTIABLE
float f_std_sinh(float x) { return std::sinh(x); }

GRADGEN_DIFFERENTIABLE
float f_c_sinh(float x) { return sinhf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_cosh(float x) { return std::cosh(x); }

GRADGEN_DIFFERENTIABLE
float f_c_cosh(float x) { return coshf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_tanh(float x) { return std::tanh(x); }

GRADGEN_DIFFERENTIABLE
float f_c_tanh(float x) { return tanhf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_asinh(float x) { return std::asinh(x); }

GRADGEN_DIFFERENTIABLE
float f_c_asinh(float x) { return asinhf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_acosh(float x) { return std::acosh(x); }

GRADGEN_DIFFERENTIABLE
float f_c_acosh(float x) { return acoshf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_atanh(float x) { return std::atanh(x); }

GRADGEN_DIFFERENTIABLE
float f_c_atanh(float x) { return atanhf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_exp(float x) { return std::exp(x); }

GRADGEN_DIFFERENTIABLE
float f_c_exp(float x) { return expf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_exp2(float x) { return std::exp2(x); }

GRADGEN_DIFFERENTIABLE
float f_c_exp2(float x) { return exp2f(x); }

GRADGEN_DIFFERENTIABLE
float f_std_expm1(float x) { return std::expm1(x); }

GRADGEN_DIFFERENTIABLE
float f_c_expm1(float x) { return expm1f(x); }

GRADGEN_DIFFERENTIABLE
float f_std_log(float x) { return std::log(x); }

GRADGEN_DIFFERENTIABLE
float f_c_log(float x) { return logf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_log2(float x) { return std::log2(x); }

GRADGEN_DIFFERENTIABLE
float f_c_log2(float x) { return log2f(x); }

GRADGEN_DIFFERENTIABLE
float f_std_log10(float x) { return std::log10(x); }

GRADGEN_DIFFERENTIABLE
float f_c_log10(float x) { return log10f(x); }

GRADGEN_DIFFERENTIABLE
float f_std_log1p(float x) { return std::log1p(x); }

GRADGEN_DIFFERENTIABLE
float f_c_log1p(float x) { return log1pf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_erf(float x) { return std::erf(x); }

GRADGEN_DIFFERENTIABLE
float f_c_erf(float x) { return erff(x); }

GRADGEN_DIFFERENTIABLE
float f_std_erfc(float x) { return std::erfc(x); }

GRADGEN_DIFFERENTIABLE
float f_c_erfc(float x) { return erfcf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_pow(float a, float b) { return std::pow(a, b); }

GRADGEN_DIFFERENTIABLE
float f_c_pow(float a, float b) { return powf(a, b); }

GRADGEN_DIFFERENTIABLE
float f_std_sqrt(float x) { return std::sqrt(x); }

GRADGEN_DIFFERENTIABLE
float f_c_sqrt(float x) { return sqrtf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_cbrt(float x) { return std::cbrt(x); }

GRADGEN_DIFFERENTIABLE
float f_c_cbrt(float x) { return cbrtf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_hypot(float a, float b) { return std::hypot(a, b); }

GRADGEN_DIFFERENTIABLE
float f_c_hypot(float a, float b) { return hypotf(a, b); }

GRADGEN_DIFFERENTIABLE
float f_std_fabs(float x) { return std::fabs(x); }

GRADGEN_DIFFERENTIABLE
float f_c_fabs(float x) { return fabsf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_fmin(float a, float b) { return std::fmin(a, b); }

GRADGEN_DIFFERENTIABLE
float f_c_fmin(float a, float b) { return fminf(a, b); }

GRADGEN_DIFFERENTIABLE
float f_std_fmax(float a, float b) { return std::fmax(a, b); }

GRADGEN_DIFFERENTIABLE
float f_c_fmax(float a, float b) { return fmaxf(a, b); }

GRADGEN_DIFFERENTIABLE
float f_std_fdim(float a, float b) { return std::fdim(a, b); }

GRADGEN_DIFFERENTIABLE
float f_c_fdim(float a, float b) { return fdimf(a, b); }

GRADGEN_DIFFERENTIABLE
float f_std_copysign(float a, float b) { return std::copysign(a, b); }

GRADGEN_DIFFERENTIABLE
float f_c_copysign(float a, float b) { return copysignf(a, b); }

GRADGEN_DIFFERENTIABLE
float f_std_fmod(float a, float b) { return std::fmod(a, b); }

GRADGEN_DIFFERENTIABLE
float f_c_fmod(float a, float b) { return fmodf(a, b); }

GRADGEN_DIFFERENTIABLE
float f_std_floor(float x) { return x * std::floor(x); }

GRADGEN_DIFFERENTIABLE
float f_c_floor(float x) { return x * floorf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_ceil(float x) { return x * std::ceil(x); }

GRADGEN_DIFFERENTIABLE
float f_c_ceil(float x) { return x * ceilf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_trunc(float x) { return x * std::trunc(x); }

GRADGEN_DIFFERENTIABLE
float f_c_trunc(float x) { return x * truncf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_round(float x) { return x * std::round(x); }

GRADGEN_DIFFERENTIABLE
float f_c_round(float x) { return x * roundf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_nearbyint(float x) { return x * std::nearbyint(x); }

GRADGEN_DIFFERENTIABLE
float f_c_nearbyint(float x) { return x * nearbyintf(x); }

GRADGEN_DIFFERENTIABLE
float f_std_rint(float x) { return x * std::rint(x); }

GRADGEN_DIFFERENTIABLE
float f_c_rint(float x) { return x * rintf(x); }


float f_std_sin_grad(float x, float *d_x);
void f_std_sin_pullback(float x, float d_ret, float *d_x);
float f_c_sin_grad(float x, float *d_x);
void f_c_sin_pullback(float x, float d_ret, float *d_x);
float f_std_cos_grad(float x, float *d_x);
void f_std_cos_pullback(float x, float d_ret, float *d_x);
float f_c_cos_grad(float x, float *d_x);
void f_c_cos_pullback(float x, float d_ret, float *d_x);
float f_std_tan_grad(float x, float *d_x);
void f_std_tan_pullback(float x, float d_ret, float *d_x);
float f_c_tan_grad(float x, float *d_x);
void f_c_tan_pullback(float x, float d_ret, float *d_x);
float f_std_asin_grad(float x, float *d_x);
void f_std_asin_pullback(float x, float d_ret, float *d_x);
float f_c_asin_grad(float x, float *d_x);
void f_c_asin_pullback(float x, float d_ret, float *d_x);
float f_std_acos_grad(float x, float *d_x);
void f_std_acos_pullback(float x, float d_ret, float *d_x);
float f_c_acos_grad(float x, float *d_x);
void f_c_acos_pullback(float x, float d_ret, float *d_x);
float f_std_atan_grad(float x, float *d_x);
void f_std_atan_pullback(float x, float d_ret, float *d_x);
float f_c_atan_grad(float x, float *d_x);
void f_c_atan_pullback(float x, float d_ret, float *d_x);
float f_std_atan2_grad(float a, float b, float *d_a, float *d_b);
void f_std_atan2_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_c_atan2_grad(float a, float b, float *d_a, float *d_b);
void f_c_atan2_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_std_sinh_grad(float x, float *d_x);
void f_std_sinh_pullback(float x, float d_ret, float *d_x);
float f_c_sinh_grad(float x, float *d_x);
void f_c_sinh_pullback(float x, float d_ret, float *d_x);
float f_std_cosh_grad(float x, float *d_x);
void f_std_cosh_pullback(float x, float d_ret, float *d_x);
float f_c_cosh_grad(float x, float *d_x);
void f_c_cosh_pullback(float x, float d_ret, float *d_x);
float f_std_tanh_grad(float x, float *d_x);
void f_std_tanh_pullback(float x, float d_ret, float *d_x);
float f_c_tanh_grad(float x, float *d_x);
void f_c_tanh_pullback(float x, float d_ret, float *d_x);
float f_std_asinh_grad(float x, float *d_x);
void f_std_asinh_pullback(float x, float d_ret, float *d_x);
float f_c_asinh_grad(float x, float *d_x);
void f_c_asinh_pullback(float x, float d_ret, float *d_x);
float f_std_acosh_grad(float x, float *d_x);
void f_std_acosh_pullback(float x, float d_ret, float *d_x);
float f_c_acosh_grad(float x, float *d_x);
void f_c_acosh_pullback(float x, float d_ret, float *d_x);
float f_std_atanh_grad(float x, float *d_x);
void f_std_atanh_pullback(float x, float d_ret, float *d_x);
float f_c_atanh_grad(float x, float *d_x);
void f_c_atanh_pullback(float x, float d_ret, float *d_x);
float f_std_exp_grad(float x, float *d_x);
void f_std_exp_pullback(float x, float d_ret, float *d_x);
float f_c_exp_grad(float x, float *d_x);
void f_c_exp_pullback(float x, float d_ret, float *d_x);
float f_std_exp2_grad(float x, float *d_x);
void f_std_exp2_pullback(float x, float d_ret, float *d_x);
float f_c_exp2_grad(float x, float *d_x);
void f_c_exp2_pullback(float x, float d_ret, float *d_x);
float f_std_expm1_grad(float x, float *d_x);
void f_std_expm1_pullback(float x, float d_ret, float *d_x);
float f_c_expm1_grad(float x, float *d_x);
void f_c_expm1_pullback(float x, float d_ret, float *d_x);
float f_std_log_grad(float x, float *d_x);
void f_std_log_pullback(float x, float d_ret, float *d_x);
float f_c_log_grad(float x, float *d_x);
void f_c_log_pullback(float x, float d_ret, float *d_x);
float f_std_log2_grad(float x, float *d_x);
void f_std_log2_pullback(float x, float d_ret, float *d_x);
float f_c_log2_grad(float x, float *d_x);
void f_c_log2_pullback(float x, float d_ret, float *d_x);
float f_std_log10_grad(float x, float *d_x);
void f_std_log10_pullback(float x, float d_ret, float *d_x);
float f_c_log10_grad(float x, float *d_x);
void f_c_log10_pullback(float x, float d_ret, float *d_x);
float f_std_log1p_grad(float x, float *d_x);
void f_std_log1p_pullback(float x, float d_ret, float *d_x);
float f_c_log1p_grad(float x, float *d_x);
void f_c_log1p_pullback(float x, float d_ret, float *d_x);
float f_std_erf_grad(float x, float *d_x);
void f_std_erf_pullback(float x, float d_ret, float *d_x);
float f_c_erf_grad(float x, float *d_x);
void f_c_erf_pullback(float x, float d_ret, float *d_x);
float f_std_erfc_grad(float x, float *d_x);
void f_std_erfc_pullback(float x, float d_ret, float *d_x);
float f_c_erfc_grad(float x, float *d_x);
void f_c_erfc_pullback(float x, float d_ret, float *d_x);
float f_std_pow_grad(float a, float b, float *d_a, float *d_b);
void f_std_pow_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_c_pow_grad(float a, float b, float *d_a, float *d_b);
void f_c_pow_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_std_sqrt_grad(float x, float *d_x);
void f_std_sqrt_pullback(float x, float d_ret, float *d_x);
float f_c_sqrt_grad(float x, float *d_x);
void f_c_sqrt_pullback(float x, float d_ret, float *d_x);
float f_std_cbrt_grad(float x, float *d_x);
void f_std_cbrt_pullback(float x, float d_ret, float *d_x);
float f_c_cbrt_grad(float x, float *d_x);
void f_c_cbrt_pullback(float x, float d_ret, float *d_x);
float f_std_hypot_grad(float a, float b, float *d_a, float *d_b);
void f_std_hypot_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_c_hypot_grad(float a, float b, float *d_a, float *d_b);
void f_c_hypot_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_std_fabs_grad(float x, float *d_x);
void f_std_fabs_pullback(float x, float d_ret, float *d_x);
float f_c_fabs_grad(float x, float *d_x);
void f_c_fabs_pullback(float x, float d_ret, float *d_x);
float f_std_fmin_grad(float a, float b, float *d_a, float *d_b);
void f_std_fmin_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_c_fmin_grad(float a, float b, float *d_a, float *d_b);
void f_c_fmin_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_std_fmax_grad(float a, float b, float *d_a, float *d_b);
void f_std_fmax_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_c_fmax_grad(float a, float b, float *d_a, float *d_b);
void f_c_fmax_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_std_fdim_grad(float a, float b, float *d_a, float *d_b);
void f_std_fdim_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_c_fdim_grad(float a, float b, float *d_a, float *d_b);
void f_c_fdim_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_std_copysign_grad(float a, float b, float *d_a, float *d_b);
void f_std_copysign_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_c_copysign_grad(float a, float b, float *d_a, float *d_b);
void f_c_copysign_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_std_fmod_grad(float a, float b, float *d_a, float *d_b);
void f_std_fmod_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_c_fmod_grad(float a, float b, float *d_a, float *d_b);
void f_c_fmod_pullback(float a, float b, float d_ret, float *d_a, float *d_b);
float f_std_floor_grad(float x, float *d_x);
void f_std_floor_pullback(float x, float d_ret, float *d_x);
float f_c_floor_grad(float x, float *d_x);
void f_c_floor_pullback(float x, float d_ret, float *d_x);
float f_std_ceil_grad(float x, float *d_x);
void f_std_ceil_pullback(float x, float d_ret, float *d_x);
float f_c_ceil_grad(float x, float *d_x);
void f_c_ceil_pullback(float x, float d_ret, float *d_x);
float f_std_trunc_grad(float x, float *d_x);
void f_std_trunc_pullback(float x, float d_ret, float *d_x);
float f_c_trunc_grad(float x, float *d_x);
void f_c_trunc_pullback(float x, float d_ret, float *d_x);
float f_std_round_grad(float x, float *d_x);
void f_std_round_pullback(float x, float d_ret, float *d_x);
float f_c_round_grad(float x, float *d_x);
void f_c_round_pullback(float x, float d_ret, float *d_x);
float f_std_nearbyint_grad(float x, float *d_x);
void f_std_nearbyint_pullback(float x, float d_ret, float *d_x);
float f_c_nearbyint_grad(float x, float *d_x);
void f_c_nearbyint_pullback(float x, float d_ret, float *d_x);
float f_std_rint_grad(float x, float *d_x);
void f_std_rint_pullback(float x, float d_ret, float *d_x);
float f_c_rint_grad(float x, float *d_x);
void f_c_rint_pullback(float x, float d_ret, float *d_x);

int main() {
  mc::unary<float>("std::sin(float)", f_std_sin_grad, f_std_sin_pullback, f_std_sin,
                [](double x) { return std::sin(x); },
                [](auto x) { using T = decltype(x); return T(std::cos(x)); },
                {-2.0, 0.3, 1.7, 4.0});
  mc::unary<float>("sinf(float)", f_c_sin_grad, f_c_sin_pullback, f_c_sin,
                [](double x) { return std::sin(x); },
                [](auto x) { using T = decltype(x); return T(std::cos(x)); },
                {-2.0, 0.3, 1.7, 4.0});
  mc::unary<float>("std::cos(float)", f_std_cos_grad, f_std_cos_pullback, f_std_cos,
                [](double x) { return std::cos(x); },
                [](auto x) { using T = decltype(x); return T(-std::sin(x)); },
                {-2.0, 0.3, 1.7, 4.0});
  mc::unary<float>("cosf(float)", f_c_cos_grad, f_c_cos_pullback, f_c_cos,
                [](double x) { return std::cos(x); },
                [](auto x) { using T = decltype(x); return T(-std::sin(x)); },
                {-2.0, 0.3, 1.7, 4.0});
  mc::unary<float>("std::tan(float)", f_std_tan_grad, f_std_tan_pullback, f_std_tan,
                [](double x) { return std::tan(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (std::cos(x) * std::cos(x))); },
                {-1.2, 0.2, 1.0, 3.5});
  mc::unary<float>("tanf(float)", f_c_tan_grad, f_c_tan_pullback, f_c_tan,
                [](double x) { return std::tan(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (std::cos(x) * std::cos(x))); },
                {-1.2, 0.2, 1.0, 3.5});
  mc::unary<float>("std::asin(float)", f_std_asin_grad, f_std_asin_pullback, f_std_asin,
                [](double x) { return std::asin(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(T(1) - x * x)); },
                {-0.9, -0.2, 0.5, 0.7});
  mc::unary<float>("asinf(float)", f_c_asin_grad, f_c_asin_pullback, f_c_asin,
                [](double x) { return std::asin(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(T(1) - x * x)); },
                {-0.9, -0.2, 0.5, 0.7});
  mc::unary<float>("std::acos(float)", f_std_acos_grad, f_std_acos_pullback, f_std_acos,
                [](double x) { return std::acos(x); },
                [](auto x) { using T = decltype(x); return T(T(-1) / std::sqrt(T(1) - x * x)); },
                {-0.9, -0.2, 0.5, 0.7});
  mc::unary<float>("acosf(float)", f_c_acos_grad, f_c_acos_pullback, f_c_acos,
                [](double x) { return std::acos(x); },
                [](auto x) { using T = decltype(x); return T(T(-1) / std::sqrt(T(1) - x * x)); },
                {-0.9, -0.2, 0.5, 0.7});
  mc::unary<float>("std::atan(float)", f_std_atan_grad, f_std_atan_pullback, f_std_atan,
                [](double x) { return std::atan(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) + x * x)); },
                {-3.0, 0.4, 2.0});
  mc::unary<float>("atanf(float)", f_c_atan_grad, f_c_atan_pullback, f_c_atan,
                [](double x) { return std::atan(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) + x * x)); },
                {-3.0, 0.4, 2.0});
  mc::binary<float>("std::atan2(float)", f_std_atan2_grad, f_std_atan2_pullback, f_std_atan2,
                 [](double a, double b) { return std::atan2(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b / (a * a + b * b)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(-a / (a * a + b * b)); },
                 {{1.0, 2.0}, {-0.5, 0.3}, {2.0, -1.0}, {-1.0, -1.0}});
  mc::binary<float>("atan2f(float)", f_c_atan2_grad, f_c_atan2_pullback, f_c_atan2,
                 [](double a, double b) { return std::atan2(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b / (a * a + b * b)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(-a / (a * a + b * b)); },
                 {{1.0, 2.0}, {-0.5, 0.3}, {2.0, -1.0}, {-1.0, -1.0}});
  mc::unary<float>("std::sinh(float)", f_std_sinh_grad, f_std_sinh_pullback, f_std_sinh,
                [](double x) { return std::sinh(x); },
                [](auto x) { using T = decltype(x); return T(std::cosh(x)); },
                {-2.0, 0.5, 3.0});
  mc::unary<float>("sinhf(float)", f_c_sinh_grad, f_c_sinh_pullback, f_c_sinh,
                [](double x) { return std::sinh(x); },
                [](auto x) { using T = decltype(x); return T(std::cosh(x)); },
                {-2.0, 0.5, 3.0});
  mc::unary<float>("std::cosh(float)", f_std_cosh_grad, f_std_cosh_pullback, f_std_cosh,
                [](double x) { return std::cosh(x); },
                [](auto x) { using T = decltype(x); return T(std::sinh(x)); },
                {-2.0, 0.5, 3.0});
  mc::unary<float>("coshf(float)", f_c_cosh_grad, f_c_cosh_pullback, f_c_cosh,
                [](double x) { return std::cosh(x); },
                [](auto x) { using T = decltype(x); return T(std::sinh(x)); },
                {-2.0, 0.5, 3.0});
  mc::unary<float>("std::tanh(float)", f_std_tanh_grad, f_std_tanh_pullback, f_std_tanh,
                [](double x) { return std::tanh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (std::cosh(x) * std::cosh(x))); },
                {-1.5, 0.1, 2.0});
  mc::unary<float>("tanhf(float)", f_c_tanh_grad, f_c_tanh_pullback, f_c_tanh,
                [](double x) { return std::tanh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (std::cosh(x) * std::cosh(x))); },
                {-1.5, 0.1, 2.0});
  mc::unary<float>("std::asinh(float)", f_std_asinh_grad, f_std_asinh_pullback, f_std_asinh,
                [](double x) { return std::asinh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(x * x + T(1))); },
                {-2.0, 0.3, 5.0});
  mc::unary<float>("asinhf(float)", f_c_asinh_grad, f_c_asinh_pullback, f_c_asinh,
                [](double x) { return std::asinh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(x * x + T(1))); },
                {-2.0, 0.3, 5.0});
  mc::unary<float>("std::acosh(float)", f_std_acosh_grad, f_std_acosh_pullback, f_std_acosh,
                [](double x) { return std::acosh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(x * x - T(1))); },
                {1.2, 2.0, 10.0});
  mc::unary<float>("acoshf(float)", f_c_acosh_grad, f_c_acosh_pullback, f_c_acosh,
                [](double x) { return std::acosh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / std::sqrt(x * x - T(1))); },
                {1.2, 2.0, 10.0});
  mc::unary<float>("std::atanh(float)", f_std_atanh_grad, f_std_atanh_pullback, f_std_atanh,
                [](double x) { return std::atanh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) - x * x)); },
                {-0.8, 0.1, 0.6});
  mc::unary<float>("atanhf(float)", f_c_atanh_grad, f_c_atanh_pullback, f_c_atanh,
                [](double x) { return std::atanh(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) - x * x)); },
                {-0.8, 0.1, 0.6});
  mc::unary<float>("std::exp(float)", f_std_exp_grad, f_std_exp_pullback, f_std_exp,
                [](double x) { return std::exp(x); },
                [](auto x) { using T = decltype(x); return T(std::exp(x)); },
                {-1.0, 0.5, 2.5});
  mc::unary<float>("expf(float)", f_c_exp_grad, f_c_exp_pullback, f_c_exp,
                [](double x) { return std::exp(x); },
                [](auto x) { using T = decltype(x); return T(std::exp(x)); },
                {-1.0, 0.5, 2.5});
  mc::unary<float>("std::exp2(float)", f_std_exp2_grad, f_std_exp2_pullback, f_std_exp2,
                [](double x) { return std::exp2(x); },
                [](auto x) { using T = decltype(x); return T(std::log(T(2)) * std::exp2(x)); },
                {-1.5, 0.5, 3.0});
  mc::unary<float>("exp2f(float)", f_c_exp2_grad, f_c_exp2_pullback, f_c_exp2,
                [](double x) { return std::exp2(x); },
                [](auto x) { using T = decltype(x); return T(std::log(T(2)) * std::exp2(x)); },
                {-1.5, 0.5, 3.0});
  mc::unary<float>("std::expm1(float)", f_std_expm1_grad, f_std_expm1_pullback, f_std_expm1,
                [](double x) { return std::expm1(x); },
                [](auto x) { using T = decltype(x); return T(std::exp(x)); },
                {-1.0, 0.001, 2.0});
  mc::unary<float>("expm1f(float)", f_c_expm1_grad, f_c_expm1_pullback, f_c_expm1,
                [](double x) { return std::expm1(x); },
                [](auto x) { using T = decltype(x); return T(std::exp(x)); },
                {-1.0, 0.001, 2.0});
  mc::unary<float>("std::log(float)", f_std_log_grad, f_std_log_pullback, f_std_log,
                [](double x) { return std::log(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / x); },
                {0.1, 1.5, 20.0});
  mc::unary<float>("logf(float)", f_c_log_grad, f_c_log_pullback, f_c_log,
                [](double x) { return std::log(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / x); },
                {0.1, 1.5, 20.0});
  mc::unary<float>("std::log2(float)", f_std_log2_grad, f_std_log2_pullback, f_std_log2,
                [](double x) { return std::log2(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (x * std::log(T(2)))); },
                {0.1, 1.5, 20.0});
  mc::unary<float>("log2f(float)", f_c_log2_grad, f_c_log2_pullback, f_c_log2,
                [](double x) { return std::log2(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (x * std::log(T(2)))); },
                {0.1, 1.5, 20.0});
  mc::unary<float>("std::log10(float)", f_std_log10_grad, f_std_log10_pullback, f_std_log10,
                [](double x) { return std::log10(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (x * std::log(T(10)))); },
                {0.1, 1.5, 20.0});
  mc::unary<float>("log10f(float)", f_c_log10_grad, f_c_log10_pullback, f_c_log10,
                [](double x) { return std::log10(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (x * std::log(T(10)))); },
                {0.1, 1.5, 20.0});
  mc::unary<float>("std::log1p(float)", f_std_log1p_grad, f_std_log1p_pullback, f_std_log1p,
                [](double x) { return std::log1p(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) + x)); },
                {-0.5, 0.0001, 3.0});
  mc::unary<float>("log1pf(float)", f_c_log1p_grad, f_c_log1p_pullback, f_c_log1p,
                [](double x) { return std::log1p(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(1) + x)); },
                {-0.5, 0.0001, 3.0});
  mc::unary<float>("std::erf(float)", f_std_erf_grad, f_std_erf_pullback, f_std_erf,
                [](double x) { return std::erf(x); },
                [](auto x) { using T = decltype(x); return T(T(2) / std::sqrt(std::acos(T(-1))) * std::exp(-x * x)); },
                {-1.0, 0.2, 1.5});
  mc::unary<float>("erff(float)", f_c_erf_grad, f_c_erf_pullback, f_c_erf,
                [](double x) { return std::erf(x); },
                [](auto x) { using T = decltype(x); return T(T(2) / std::sqrt(std::acos(T(-1))) * std::exp(-x * x)); },
                {-1.0, 0.2, 1.5});
  mc::unary<float>("std::erfc(float)", f_std_erfc_grad, f_std_erfc_pullback, f_std_erfc,
                [](double x) { return std::erfc(x); },
                [](auto x) { using T = decltype(x); return T(T(-2) / std::sqrt(std::acos(T(-1))) * std::exp(-x * x)); },
                {-1.0, 0.2, 1.5});
  mc::unary<float>("erfcf(float)", f_c_erfc_grad, f_c_erfc_pullback, f_c_erfc,
                [](double x) { return std::erfc(x); },
                [](auto x) { using T = decltype(x); return T(T(-2) / std::sqrt(std::acos(T(-1))) * std::exp(-x * x)); },
                {-1.0, 0.2, 1.5});
  mc::binary<float>("std::pow(float)", f_std_pow_grad, f_std_pow_pullback, f_std_pow,
                 [](double a, double b) { return std::pow(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b * std::pow(a, b - T(1))); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(std::pow(a, b) * std::log(a)); },
                 {{1.5, 2.5}, {0.3, -1.2}, {4.0, 0.5}});
  mc::binary<float>("powf(float)", f_c_pow_grad, f_c_pow_pullback, f_c_pow,
                 [](double a, double b) { return std::pow(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b * std::pow(a, b - T(1))); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(std::pow(a, b) * std::log(a)); },
                 {{1.5, 2.5}, {0.3, -1.2}, {4.0, 0.5}});
  mc::unary<float>("std::sqrt(float)", f_std_sqrt_grad, f_std_sqrt_pullback, f_std_sqrt,
                [](double x) { return std::sqrt(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(2) * std::sqrt(x))); },
                {0.01, 2.0, 100.0});
  mc::unary<float>("sqrtf(float)", f_c_sqrt_grad, f_c_sqrt_pullback, f_c_sqrt,
                [](double x) { return std::sqrt(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(2) * std::sqrt(x))); },
                {0.01, 2.0, 100.0});
  mc::unary<float>("std::cbrt(float)", f_std_cbrt_grad, f_std_cbrt_pullback, f_std_cbrt,
                [](double x) { return std::cbrt(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(3) * std::cbrt(x) * std::cbrt(x))); },
                {-8.0, 0.5, 27.0});
  mc::unary<float>("cbrtf(float)", f_c_cbrt_grad, f_c_cbrt_pullback, f_c_cbrt,
                [](double x) { return std::cbrt(x); },
                [](auto x) { using T = decltype(x); return T(T(1) / (T(3) * std::cbrt(x) * std::cbrt(x))); },
                {-8.0, 0.5, 27.0});
  mc::binary<float>("std::hypot(float)", f_std_hypot_grad, f_std_hypot_pullback, f_std_hypot,
                 [](double a, double b) { return std::hypot(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(a / std::hypot(a, b)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b / std::hypot(a, b)); },
                 {{3.0, 4.0}, {-1.0, 0.5}, {0.2, -7.0}});
  mc::binary<float>("hypotf(float)", f_c_hypot_grad, f_c_hypot_pullback, f_c_hypot,
                 [](double a, double b) { return std::hypot(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(a / std::hypot(a, b)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(b / std::hypot(a, b)); },
                 {{3.0, 4.0}, {-1.0, 0.5}, {0.2, -7.0}});
  mc::unary<float>("std::fabs(float)", f_std_fabs_grad, f_std_fabs_pullback, f_std_fabs,
                [](double x) { return std::fabs(x); },
                [](auto x) { using T = decltype(x); return T(T(x > 0 ? 1 : -1)); },
                {-2.0, 3.5, -0.1});
  mc::unary<float>("fabsf(float)", f_c_fabs_grad, f_c_fabs_pullback, f_c_fabs,
                [](double x) { return std::fabs(x); },
                [](auto x) { using T = decltype(x); return T(T(x > 0 ? 1 : -1)); },
                {-2.0, 3.5, -0.1});
  mc::binary<float>("std::fmin(float)", f_std_fmin_grad, f_std_fmin_pullback, f_std_fmin,
                 [](double a, double b) { return std::fmin(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a < b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a < b ? 0 : 1)); },
                 {{1.0, 2.0}, {3.0, -1.0}, {-2.0, -1.5}});
  mc::binary<float>("fminf(float)", f_c_fmin_grad, f_c_fmin_pullback, f_c_fmin,
                 [](double a, double b) { return std::fmin(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a < b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a < b ? 0 : 1)); },
                 {{1.0, 2.0}, {3.0, -1.0}, {-2.0, -1.5}});
  mc::binary<float>("std::fmax(float)", f_std_fmax_grad, f_std_fmax_pullback, f_std_fmax,
                 [](double a, double b) { return std::fmax(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 0 : 1)); },
                 {{1.0, 2.0}, {3.0, -1.0}, {-2.0, -1.5}});
  mc::binary<float>("fmaxf(float)", f_c_fmax_grad, f_c_fmax_pullback, f_c_fmax,
                 [](double a, double b) { return std::fmax(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 0 : 1)); },
                 {{1.0, 2.0}, {3.0, -1.0}, {-2.0, -1.5}});
  mc::binary<float>("std::fdim(float)", f_std_fdim_grad, f_std_fdim_pullback, f_std_fdim,
                 [](double a, double b) { return std::fdim(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? -1 : 0)); },
                 {{3.0, 1.0}, {1.0, 3.0}, {-1.0, -4.0}});
  mc::binary<float>("fdimf(float)", f_c_fdim_grad, f_c_fdim_pullback, f_c_fdim,
                 [](double a, double b) { return std::fdim(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? 1 : 0)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(a > b ? -1 : 0)); },
                 {{3.0, 1.0}, {1.0, 3.0}, {-1.0, -4.0}});
  mc::binary<float>("std::copysign(float)", f_std_copysign_grad, f_std_copysign_pullback, f_std_copysign,
                 [](double a, double b) { return std::copysign(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T((a > 0) == (b > 0) ? 1 : -1)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(0)); },
                 {{2.0, -1.0}, {-3.0, 2.0}, {1.5, 4.0}});
  mc::binary<float>("copysignf(float)", f_c_copysign_grad, f_c_copysign_pullback, f_c_copysign,
                 [](double a, double b) { return std::copysign(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T((a > 0) == (b > 0) ? 1 : -1)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(0)); },
                 {{2.0, -1.0}, {-3.0, 2.0}, {1.5, 4.0}});
  mc::binary<float>("std::fmod(float)", f_std_fmod_grad, f_std_fmod_pullback, f_std_fmod,
                 [](double a, double b) { return std::fmod(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(1)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(-std::trunc(a / b)); },
                 {{5.5, 2.0}, {-7.5, 2.0}, {3.0, 0.7}});
  mc::binary<float>("fmodf(float)", f_c_fmod_grad, f_c_fmod_pullback, f_c_fmod,
                 [](double a, double b) { return std::fmod(a, b); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(T(1)); },
                 [](auto a, auto b) { using T = decltype(a); (void)a; (void)b; return T(-std::trunc(a / b)); },
                 {{5.5, 2.0}, {-7.5, 2.0}, {3.0, 0.7}});
  mc::unary<float>("std::floor(float)", f_std_floor_grad, f_std_floor_pullback, f_std_floor,
                [](double x) { return x * std::floor(x); },
                [](auto x) { using T = decltype(x); return T(std::floor(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<float>("floorf(float)", f_c_floor_grad, f_c_floor_pullback, f_c_floor,
                [](double x) { return x * std::floor(x); },
                [](auto x) { using T = decltype(x); return T(std::floor(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<float>("std::ceil(float)", f_std_ceil_grad, f_std_ceil_pullback, f_std_ceil,
                [](double x) { return x * std::ceil(x); },
                [](auto x) { using T = decltype(x); return T(std::ceil(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<float>("ceilf(float)", f_c_ceil_grad, f_c_ceil_pullback, f_c_ceil,
                [](double x) { return x * std::ceil(x); },
                [](auto x) { using T = decltype(x); return T(std::ceil(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<float>("std::trunc(float)", f_std_trunc_grad, f_std_trunc_pullback, f_std_trunc,
                [](double x) { return x * std::trunc(x); },
                [](auto x) { using T = decltype(x); return T(std::trunc(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<float>("truncf(float)", f_c_trunc_grad, f_c_trunc_pullback, f_c_trunc,
                [](double x) { return x * std::trunc(x); },
                [](auto x) { using T = decltype(x); return T(std::trunc(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<float>("std::round(float)", f_std_round_grad, f_std_round_pullback, f_std_round,
                [](double x) { return x * std::round(x); },
                [](auto x) { using T = decltype(x); return T(std::round(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<float>("roundf(float)", f_c_round_grad, f_c_round_pullback, f_c_round,
                [](double x) { return x * std::round(x); },
                [](auto x) { using T = decltype(x); return T(std::round(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<float>("std::nearbyint(float)", f_std_nearbyint_grad, f_std_nearbyint_pullback, f_std_nearbyint,
                [](double x) { return x * std::nearbyint(x); },
                [](auto x) { using T = decltype(x); return T(std::nearbyint(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<float>("nearbyintf(float)", f_c_nearbyint_grad, f_c_nearbyint_pullback, f_c_nearbyint,
                [](double x) { return x * std::nearbyint(x); },
                [](auto x) { using T = decltype(x); return T(std::nearbyint(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<float>("std::rint(float)", f_std_rint_grad, f_std_rint_pullback, f_std_rint,
                [](double x) { return x * std::rint(x); },
                [](auto x) { using T = decltype(x); return T(std::rint(x)); },
                {-1.3, 0.7, 2.2});
  mc::unary<float>("rintf(float)", f_c_rint_grad, f_c_rint_pullback, f_c_rint,
                [](double x) { return x * std::rint(x); },
                [](auto x) { using T = decltype(x); return T(std::rint(x)); },
                {-1.3, 0.7, 2.2});

  return gg::result();
}
