// Casts between floating types (float <-> double <-> long double, implicit,
// static_cast, C casts, functional casts) pass the gradient through with the
// adjoint of each parameter in its own type; integer subexpressions are
// constants; a floating value converted to int carries no gradient.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// CHECK: double mixed_grad(double x, float f, long double l, double *d_x, float *d_f, long double *d_l) {
// CHECK: float to_float_grad(double x, long double l, double *d_x, long double *d_l) {
// CHECK: long double to_long_grad(float f, long double l, double g, float *d_f, long double *d_l, double *d_g) {

// c = x f l + f l, f = c x (all values below are exact in float).
GRADGEN_DIFFERENTIABLE
double mixed(double x, float f, long double l) {
  float a = static_cast<float>(x) * f;
  long double b = (long double)a * l;
  double c = double(b) + (double)f * static_cast<double>(l);
  return c * x;
}

// Implicit narrowing conversions through float.
GRADGEN_DIFFERENTIABLE
float to_float(double x, long double l) {
  float a = (float)(x * x);
  float b = static_cast<float>(l);
  return a * b + (float)x;
}

// Widening to long double.
GRADGEN_DIFFERENTIABLE
long double to_long(float f, long double l, double g) {
  long double s = f;
  s = s * g + static_cast<long double>(g) * l;
  return s;
}

// Integer subexpressions are constants: n / 2 and n % 3 are integer
// arithmetic, (double)n and static_cast<double>(n * n) are constants.
GRADGEN_DIFFERENTIABLE
double intsub(double x, int n) {
  int k = n + 1;
  double y = k * x;
  return x * (n / 2) + (double)n * x + x * (n % 3) +
         static_cast<double>(n * n) / x + y;
}

// (int)x is a constant: f = x * trunc(x) has derivative trunc(x).
GRADGEN_DIFFERENTIABLE
double to_int(double x) {
  int i = (int)x;
  return x * i;
}

double mixed_grad(double x, float f, long double l, double *d_x, float *d_f,
                  long double *d_l);
float to_float_grad(double x, long double l, double *d_x, long double *d_l);
long double to_long_grad(float f, long double l, double g, float *d_f,
                         long double *d_l, double *d_g);
double intsub_grad(double x, int n, double *d_x);
double to_int_grad(double x, double *d_x);

int main() {
  const double Pts[3][3] = {{1.5, 0.25, 2}, {-0.75, 3, 0.5}, {4, -1.125, -3}};
  for (const auto &P : Pts) {
    double x = P[0];
    float f = float(P[1]);
    long double l = P[2];
    double DX = 0;
    float DF = 0;
    long double DL = 0;
    double V = mixed_grad(x, f, l, &DX, &DF, &DL);
    double c = x * f * l + f * l;
    gg::near("mixed value", V, c * x, 0);
    gg::near("mixed d/dx", DX, c + x * f * l, 0);
    gg::near("mixed d/df", DF, (x * l + l) * x, 0);
    gg::near("mixed d/dl", DL, (x * f + f) * x, 0);
    auto Fn = [](std::vector<double> A) {
      return mixed(A[0], float(A[1]), A[2]);
    };
    // A step that float represents exactly for f.
    gg::near("mixed d/dx fd", DX, gg::fd(Fn, {x, P[1], P[2]}, 0, 1.0 / 1024),
             1e-9);
    gg::near("mixed d/df fd", DF, gg::fd(Fn, {x, P[1], P[2]}, 1, 1.0 / 1024),
             1e-9);
    gg::near("mixed d/dl fd", DL, gg::fd(Fn, {x, P[1], P[2]}, 2, 1.0 / 1024),
             1e-9);

    DX = 0;
    DL = 0;
    to_float_grad(x, l, &DX, &DL);
    gg::near("to_float d/dx", DX, 2 * x * float(l) + 1, 1e-6);
    gg::near("to_float d/dl", DL, float(x * x), 1e-6);

    float F = 0;
    double G = 0;
    DL = 0;
    long double R = to_long_grad(f, l, x, &F, &DL, &G);
    gg::near("to_long value", R, (long double)f * x + x * l, 1e-18);
    gg::near("to_long d/df", F, x, 1e-7);
    gg::near("to_long d/dl", DL, x, 1e-18);
    gg::near("to_long d/dg", G, f + l, 1e-18);
  }
  for (double X : {0.5, 1.75, -3.25}) {
    double D = 0;
    double V = intsub_grad(X, 5, &D);
    gg::near("intsub value", V, intsub(X, 5), 0);
    gg::near("intsub d/dx", D, 2 + 5 + 2 - 25 / (X * X) + 6, 1e-12);
    gg::near("intsub fd", D,
             gg::fd([](std::vector<double> A) { return intsub(A[0], 5); }, {X},
                    0),
             1e-6);
    D = 0;
    intsub_grad(X, -4, &D);
    gg::near("intsub(-4) d/dx", D, -2 - 4 + -1 - 16 / (X * X) - 3, 1e-12);
    D = 0;
    to_int_grad(X, &D);
    gg::near("x * (int)x", D, std::trunc(X), 0);
  }
  return gg::result();
}
