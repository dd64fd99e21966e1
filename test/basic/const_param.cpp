// GRADGEN_CONST parameters and integer parameters get no adjoint pointer:
// the signature keeps every primal parameter, then one adjoint per active
// parameter in order.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// CHECK: double cp_grad(double x, double c, const double *v, double y, int n, double *d_x, double *d_y) {
// CHECK: void cp_pullback(double x, double c, const double *v, double y, int n, double d_ret, double *d_x, double *d_y) {
GRADGEN_DIFFERENTIABLE
double cp(double x, GRADGEN_CONST double c, GRADGEN_CONST const double *v,
          double y, int n) {
  return x * c + v[0] * y * n + std::sin(c * y);
}

// CHECK: float cf_grad(float a, float b, long double l, float *d_b, long double *d_l) {
GRADGEN_DIFFERENTIABLE
float cf(GRADGEN_CONST float a, float b, long double l) {
  return a * b + float(l * l);
}

// All but the first constant, including a reference.
// CHECK: double cr_grad(double x, const double &r, long k, double *d_x) {
GRADGEN_DIFFERENTIABLE
double cr(double x, GRADGEN_CONST const double &r, long k) {
  return x * r * double(k);
}

double cp_grad(double x, double c, const double *v, double y, int n,
               double *d_x, double *d_y);
void cp_pullback(double x, double c, const double *v, double y, int n,
                 double d_ret, double *d_x, double *d_y);
float cf_grad(float a, float b, long double l, float *d_b, long double *d_l);
double cr_grad(double x, const double &r, long k, double *d_x);

int main() {
  const double Pts[3][3] = {{0.5, 1.5, -2}, {2, -0.25, 3}, {-1, 4, 0.75}};
  for (const auto &P : Pts) {
    double x = P[0], c = P[1], y = P[2];
    double V[1] = {c + 1};
    double DX = 0, DY = 0;
    gg::near("cp value", cp_grad(x, c, V, y, 3, &DX, &DY), cp(x, c, V, y, 3),
             0);
    gg::near("cp d/dx", DX, c, 1e-12);
    gg::near("cp d/dy", DY, V[0] * 3 + std::cos(c * y) * c, 1e-12);
    auto Fn = [&](std::vector<double> A) { return cp(A[0], c, V, A[1], 3); };
    gg::near("cp d/dx fd", DX, gg::fd(Fn, {x, y}, 0), 1e-6);
    gg::near("cp d/dy fd", DY, gg::fd(Fn, {x, y}, 1), 1e-6);
    DX = DY = 0;
    cp_pullback(x, c, V, y, 3, 2.0, &DX, &DY);
    gg::near("cp pullback d/dx", DX, 2 * c, 1e-12);
    gg::near("cp pullback d/dy", DY, 2 * (V[0] * 3 + std::cos(c * y) * c),
             1e-12);
    float DB = 0;
    long double DL = 0;
    cf_grad(float(c), float(x), y, &DB, &DL);
    gg::near("cf d/db", DB, float(c), 0);
    gg::near("cf d/dl", DL, 2 * y, 0);
    DX = 0;
    cr_grad(x, c, 7, &DX);
    gg::near("cr d/dx", DX, c * 7, 1e-15);
  }
  return gg::result();
}
