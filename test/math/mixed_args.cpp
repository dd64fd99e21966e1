// Math functions called with an integer argument next to a floating one
// (<cmath>'s promoting overloads: std::pow(x, 3), std::atan2(x, 1), ...), and
// with only integer arguments (a constant: std::sqrt(n) * x). The integer
// argument is a constant; the floating one gets the usual derivative.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double i_pow3(double x) { return std::pow(x, 3); }
GRADGEN_DIFFERENTIABLE
double i_pow2x(double x) { return std::pow(2, x); }
GRADGEN_DIFFERENTIABLE
double i_atan2(double x) { return std::atan2(x, 1); }
GRADGEN_DIFFERENTIABLE
double i_hypot(double x) { return std::hypot(x, 3); }
GRADGEN_DIFFERENTIABLE
double i_fmax(double x) { return std::fmax(x, 0); }
GRADGEN_DIFFERENTIABLE
double i_sqrtn(double x, int n) { return std::sqrt(n) * x; }

double i_pow3_grad(double x, double *d_x);
double i_pow2x_grad(double x, double *d_x);
double i_atan2_grad(double x, double *d_x);
double i_hypot_grad(double x, double *d_x);
double i_fmax_grad(double x, double *d_x);
double i_sqrtn_grad(double x, int n, double *d_x);

int main() {
  for (double X : {-1.5, 0.5, 2.0}) {
    double D = 0;
    gg::near("pow(x, 3) value", i_pow3_grad(X, &D), X * X * X, 1e-15);
    gg::near("pow(x, 3)'", D, 3 * X * X, 1e-12);
    D = 0;
    i_pow2x_grad(X, &D);
    gg::near("pow(2, x)'", D, std::log(2.0) * std::pow(2.0, X), 1e-12);
    D = 0;
    i_atan2_grad(X, &D);
    gg::near("atan2(x, 1)'", D, 1 / (1 + X * X), 1e-12);
    D = 0;
    i_hypot_grad(X, &D);
    gg::near("hypot(x, 3)'", D, X / std::hypot(X, 3.0), 1e-12);
    D = 0;
    i_fmax_grad(X, &D);
    gg::near("fmax(x, 0)'", D, X > 0 ? 1 : 0, 0);
    D = 0;
    i_sqrtn_grad(X, 5, &D);
    gg::near("sqrt(n) x", D, std::sqrt(5.0), 1e-15);
  }
  return gg::result();
}
