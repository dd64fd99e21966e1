// The conventions at kinks (include/gradgen/runtime.h), checked exactly:
// fabs'(0) = 0; fmin/fmax ties split 0.5/0.5 and a NaN argument gets nothing;
// sqrt'(0) = cbrt'(0) = +inf; hypot at (0, 0) -> (0, 0); pow(a, b) with
// a <= 0 gives no gradient to b. In double, float and long double.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include <limits>
#include <math.h>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double k_fabs(double x) { return std::fabs(x); }
GRADGEN_DIFFERENTIABLE
double k_cfabs(double x) { return fabs(x); }
GRADGEN_DIFFERENTIABLE
double k_abs(double x) { return std::abs(x); }
GRADGEN_DIFFERENTIABLE
float k_fabsf(float x) { return fabsf(x); }
GRADGEN_DIFFERENTIABLE
long double k_fabsl(long double x) { return std::fabs(x); }

GRADGEN_DIFFERENTIABLE
double k_fmin(double a, double b) { return std::fmin(a, b); }
GRADGEN_DIFFERENTIABLE
double k_fmax(double a, double b) { return fmax(a, b); }
GRADGEN_DIFFERENTIABLE
float k_fminf(float a, float b) { return fminf(a, b); }
GRADGEN_DIFFERENTIABLE
long double k_fmaxl(long double a, long double b) { return std::fmax(a, b); }
// The same variable on both sides: 0.5 + 0.5.
GRADGEN_DIFFERENTIABLE
double k_fmin_self(double x) { return std::fmin(x, x); }

GRADGEN_DIFFERENTIABLE
double k_sqrt(double x) { return std::sqrt(x); }
GRADGEN_DIFFERENTIABLE
float k_sqrtf(float x) { return sqrtf(x); }
GRADGEN_DIFFERENTIABLE
long double k_sqrtl(long double x) { return sqrtl(x); }
GRADGEN_DIFFERENTIABLE
double k_cbrt(double x) { return std::cbrt(x); }

GRADGEN_DIFFERENTIABLE
double k_hypot(double a, double b) { return std::hypot(a, b); }
GRADGEN_DIFFERENTIABLE
float k_hypotf(float a, float b) { return hypotf(a, b); }

GRADGEN_DIFFERENTIABLE
double k_pow(double a, double b) { return std::pow(a, b); }
GRADGEN_DIFFERENTIABLE
float k_powf(float a, float b) { return powf(a, b); }
GRADGEN_DIFFERENTIABLE
long double k_powl(long double a, long double b) { return std::pow(a, b); }

double k_fabs_grad(double x, double *d_x);
double k_cfabs_grad(double x, double *d_x);
double k_abs_grad(double x, double *d_x);
float k_fabsf_grad(float x, float *d_x);
long double k_fabsl_grad(long double x, long double *d_x);
double k_fmin_grad(double a, double b, double *d_a, double *d_b);
double k_fmax_grad(double a, double b, double *d_a, double *d_b);
float k_fminf_grad(float a, float b, float *d_a, float *d_b);
long double k_fmaxl_grad(long double a, long double b, long double *d_a,
                         long double *d_b);
double k_fmin_self_grad(double x, double *d_x);
double k_sqrt_grad(double x, double *d_x);
void k_sqrt_pullback(double x, double d_ret, double *d_x);
float k_sqrtf_grad(float x, float *d_x);
long double k_sqrtl_grad(long double x, long double *d_x);
double k_cbrt_grad(double x, double *d_x);
double k_hypot_grad(double a, double b, double *d_a, double *d_b);
float k_hypotf_grad(float a, float b, float *d_a, float *d_b);
double k_pow_grad(double a, double b, double *d_a, double *d_b);
void k_pow_pullback(double a, double b, double d_ret, double *d_a,
                    double *d_b);
float k_powf_grad(float a, float b, float *d_a, float *d_b);
long double k_powl_grad(long double a, long double b, long double *d_a,
                        long double *d_b);

int main() {
  const double Inf = std::numeric_limits<double>::infinity();
  const double NaN = std::numeric_limits<double>::quiet_NaN();
  {
    double D = 0;
    gg::near("fabs(0) value", k_fabs_grad(0.0, &D), 0, 0);
    gg::near("fabs'(0)", D, 0, 0);
    D = 0;
    k_fabs_grad(-0.0, &D);
    gg::near("fabs'(-0)", D, 0, 0);
    D = 0;
    k_cfabs_grad(0.0, &D);
    gg::near("::fabs'(0)", D, 0, 0);
    D = 0;
    k_abs_grad(0.0, &D);
    gg::near("std::abs'(0)", D, 0, 0);
    D = 0;
    k_abs_grad(-3.0, &D);
    gg::near("std::abs'(-3)", D, -1, 0);
    float F = 0;
    k_fabsf_grad(0.0f, &F);
    gg::near("fabsf'(0)", F, 0, 0);
    long double L = 0;
    k_fabsl_grad(0.0L, &L);
    gg::near("fabsl'(0)", L, 0, 0);
    // Next to the kink the ordinary derivative.
    D = 0;
    k_fabs_grad(1e-300, &D);
    gg::near("fabs'(tiny)", D, 1, 0);
    D = 0;
    k_fabs_grad(-1e-300, &D);
    gg::near("fabs'(-tiny)", D, -1, 0);
  }
  {
    double A = 0, B = 0;
    gg::near("fmin tie value", k_fmin_grad(2.5, 2.5, &A, &B), 2.5, 0);
    gg::near("fmin tie d/da", A, 0.5, 0);
    gg::near("fmin tie d/db", B, 0.5, 0);
    A = B = 0;
    k_fmax_grad(-1.0, -1.0, &A, &B);
    gg::near("fmax tie d/da", A, 0.5, 0);
    gg::near("fmax tie d/db", B, 0.5, 0);
    A = B = 0;
    k_fmax_grad(0.0, -0.0, &A, &B);
    gg::near("fmax(0, -0) tie d/da", A, 0.5, 0);
    gg::near("fmax(0, -0) tie d/db", B, 0.5, 0);
    float FA = 0, FB = 0;
    k_fminf_grad(3.0f, 3.0f, &FA, &FB);
    gg::near("fminf tie d/da", FA, 0.5, 0);
    gg::near("fminf tie d/db", FB, 0.5, 0);
    long double LA = 0, LB = 0;
    k_fmaxl_grad(7.0L, 7.0L, &LA, &LB);
    gg::near("fmaxl tie d/da", LA, 0.5, 0);
    gg::near("fmaxl tie d/db", LB, 0.5, 0);
    double X = 0;
    k_fmin_self_grad(4.0, &X);
    gg::near("fmin(x, x)'", X, 1, 0);
    // A NaN argument is ignored by fmin/fmax, and gets no gradient.
    A = B = 0;
    gg::near("fmin(NaN, 2) value", k_fmin_grad(NaN, 2.0, &A, &B), 2, 0);
    gg::near("fmin(NaN, 2) d/da", A, 0, 0);
    gg::near("fmin(NaN, 2) d/db", B, 1, 0);
    A = B = 0;
    k_fmax_grad(2.0, NaN, &A, &B);
    gg::near("fmax(2, NaN) d/da", A, 1, 0);
    gg::near("fmax(2, NaN) d/db", B, 0, 0);
  }
  {
    double D = 0;
    gg::near("sqrt(0) value", k_sqrt_grad(0.0, &D), 0, 0);
    gg::near("sqrt'(0)", D, Inf, 0);
    D = 0;
    k_sqrt_pullback(0.0, 2.0, &D);
    gg::near("sqrt pullback at 0", D, Inf, 0);
    float F = 0;
    k_sqrtf_grad(0.0f, &F);
    gg::near("sqrtf'(0)", F, Inf, 0);
    long double L = 0;
    k_sqrtl_grad(0.0L, &L);
    gg::near("sqrtl'(0)", L, Inf, 0);
    D = 0;
    gg::near("cbrt(0) value", k_cbrt_grad(0.0, &D), 0, 0);
    gg::near("cbrt'(0)", D, Inf, 0);
  }
  {
    // The adjoints start at 1: the gradient adds 0 to them.
    double A = 1, B = 1;
    gg::near("hypot(0, 0) value", k_hypot_grad(0.0, 0.0, &A, &B), 0, 0);
    gg::near("hypot(0, 0) d/da", A, 1, 0);
    gg::near("hypot(0, 0) d/db", B, 1, 0);
    float FA = 0, FB = 0;
    k_hypotf_grad(0.0f, 0.0f, &FA, &FB);
    gg::near("hypotf(0, 0) d/da", FA, 0, 0);
    gg::near("hypotf(0, 0) d/db", FB, 0, 0);
    // Away from the origin on an axis, the ordinary partials.
    A = B = 0;
    k_hypot_grad(0.0, -2.0, &A, &B);
    gg::near("hypot(0, -2) d/da", A, 0, 0);
    gg::near("hypot(0, -2) d/db", B, -1, 0);
  }
  {
    // a < 0 with an integer exponent: the value is defined, d/da is
    // b a^(b-1), and b gets nothing.
    double A = 0, B = 0;
    gg::near("pow(-2, 3) value", k_pow_grad(-2.0, 3.0, &A, &B), -8, 0);
    gg::near("pow(-2, 3) d/da", A, 12, 1e-15);
    gg::near("pow(-2, 3) d/db", B, 0, 0);
    A = B = 0;
    k_pow_grad(-1.5, 2.0, &A, &B);
    gg::near("pow(-1.5, 2) d/da", A, -3, 1e-15);
    gg::near("pow(-1.5, 2) d/db", B, 0, 0);
    A = B = 0;
    k_pow_pullback(-2.0, 3.0, 0.5, &A, &B);
    gg::near("pow(-2, 3) pullback d/da", A, 6, 1e-15);
    gg::near("pow(-2, 3) pullback d/db", B, 0, 0);
    // a = 0: b gets nothing (not 0 * log 0 = NaN).
    A = B = 0;
    gg::near("pow(0, 2) value", k_pow_grad(0.0, 2.0, &A, &B), 0, 0);
    gg::near("pow(0, 2) d/da", A, 0, 0);
    gg::near("pow(0, 2) d/db", B, 0, 0);
    A = B = 0;
    k_pow_grad(0.0, 3.0, &A, &B);
    gg::near("pow(0, 3) d/db", B, 0, 0);
    float FA = 0, FB = 0;
    k_powf_grad(-2.0f, 2.0f, &FA, &FB);
    gg::near("powf(-2, 2) d/da", FA, -4, 0);
    gg::near("powf(-2, 2) d/db", FB, 0, 0);
    long double LA = 0, LB = 0;
    k_powl_grad(0.0L, 2.0L, &LA, &LB);
    gg::near("powl(0, 2) d/db", LB, 0, 0);
    // a > 0 still gives b its gradient a^b log a.
    A = B = 0;
    k_pow_grad(2.0, 3.0, &A, &B);
    gg::near("pow(2, 3) d/db", B, 8 * std::log(2.0), 1e-15);
  }
  return gg::result();
}
