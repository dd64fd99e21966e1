// Locals, a declaration with several declarators each reading the one before,
// reassignment of locals and of by-value parameters, = += -= *= /= on locals
// and parameters (x *= x, x /= y with both active), unary minus and plus,
// parentheses.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "Inputs/check2.h"

// CHECK: double multi_decl_grad(double a, double b, double *d_a, double *d_b) {
// CHECK: double reassign_grad(double x, double y, double *d_x, double *d_y) {
// CHECK: double compound_grad(double x, double y, double *d_x, double *d_y) {
// CHECK: double signs_grad(double x, double y, double *d_x, double *d_y) {

// t = sqrt(a), f = cos t sin t + t b = sin(2t)/2 + t b.
GRADGEN_DIFFERENTIABLE
double multi_decl(double a, double b) {
  double t = sqrt(a), c = cos(t), s = sin(t), u = c * s + t * b;
  return u;
}

// f = 2 (sin(xy + x) y + x^2).
GRADGEN_DIFFERENTIABLE
double reassign(double x, double y) {
  double t = x * y;
  t = t + x;
  t = std::sin(t) * y;
  x = x * x;
  y = t + x;
  return y * 2;
}

// a = ((x + y) x - y^2) / y = x^2/y + x - y; then x = x^2 / y,
// y = 2y - x^2 / (2y); f = a + x y = x^2/y + x - y + 2x^2 - x^4/(2y^2).
GRADGEN_DIFFERENTIABLE
double compound(double x, double y) {
  double a = x;
  a += y;
  a *= x;
  a -= y * y;
  a /= y;
  x *= x;
  x /= y;
  y += y;
  y -= 0.5 * x;
  return a + x * y;
}

// z = -(x - y) * -(-x) = xy - x^2; f = -z + (-(y)) + +x = x^2 - xy - y + x.
GRADGEN_DIFFERENTIABLE
double signs(double x, double y) {
  double z = -(x - y) * -(-x);
  return -z + (-(y)) + +x;
}

// A local overwritten from itself, copied, then overwritten from another
// parameter: q = x^4, p = y, f = q p + p p = x^4 y + y^2.
GRADGEN_DIFFERENTIABLE
double overwrite(double x, double y) {
  double p = x;
  p = p * p;
  p = p * p;
  double q = p;
  p = y;
  return q * p + p * p;
}

double multi_decl_grad(double a, double b, double *d_a, double *d_b);
double reassign_grad(double x, double y, double *d_x, double *d_y);
double compound_grad(double x, double y, double *d_x, double *d_y);
double signs_grad(double x, double y, double *d_x, double *d_y);
double overwrite_grad(double x, double y, double *d_x, double *d_y);

int main() {
  const double Pts[3][2] = {{0.7, 1.3}, {2.5, -0.4}, {-1.1, 2.0}};
  for (const auto &P : Pts) {
    double x = P[0], y = P[1];
    double a = std::fabs(x), t = std::sqrt(a);
    c2::check("multi_decl", multi_decl_grad, multi_decl, a, y,
              (std::cos(2 * t) + y) / (2 * t), t);
    double u = x * y + x;
    c2::check("reassign", reassign_grad, reassign, x, y,
              2 * (std::cos(u) * (y + 1) * y + 2 * x),
              2 * (std::cos(u) * x * y + std::sin(u)));
    c2::check("compound", compound_grad, compound, x, y,
              2 * x / y + 1 + 4 * x - 2 * x * x * x / (y * y),
              -x * x / (y * y) - 1 + x * x * x * x / (y * y * y));
    c2::check("signs", signs_grad, signs, x, y, 2 * x - y + 1, -x - 1);
    c2::check("overwrite", overwrite_grad, overwrite, x, y, 4 * x * x * x * y,
              x * x * x * x + 2 * y);
  }
  return gg::result();
}
