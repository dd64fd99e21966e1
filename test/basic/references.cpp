// Reference parameters, read only: double &r and const double &c are active
// and get adjoint pointers double *d_r, double *d_c; also float& and a
// reference aliasing another parameter's object.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// CHECK: double refs_grad(double &r, const double &c, double x, double *d_r, double *d_c, double *d_x) {
// CHECK: void refs_pullback(double &r, const double &c, double x, double d_ret, double *d_r, double *d_c, double *d_x) {
GRADGEN_DIFFERENTIABLE
double refs(double &r, const double &c, double x) {
  double t = r * c;
  return t * x + std::exp(c) - r / x;
}

// CHECK: float fref_grad(const float &a, float &b, float *d_a, float *d_b) {
GRADGEN_DIFFERENTIABLE
float fref(const float &a, float &b) { return a * a * b; }

double refs_grad(double &r, const double &c, double x, double *d_r,
                 double *d_c, double *d_x);
void refs_pullback(double &r, const double &c, double x, double d_ret,
                   double *d_r, double *d_c, double *d_x);
float fref_grad(const float &a, float &b, float *d_a, float *d_b);

int main() {
  const double Pts[3][3] = {{0.5, 1.5, -2}, {2, -0.25, 3}, {-1, 0.75, 0.5}};
  for (const auto &P : Pts) {
    double r = P[0], c = P[1], x = P[2];
    double DR = 0, DC = 0, DX = 0;
    gg::near("refs value", refs_grad(r, c, x, &DR, &DC, &DX), refs(r, c, x),
             0);
    gg::near("refs d/dr", DR, c * x - 1 / x, 1e-12);
    gg::near("refs d/dc", DC, r * x + std::exp(c), 1e-12);
    gg::near("refs d/dx", DX, r * c + r / (x * x), 1e-12);
    gg::near("r unchanged", r, P[0], 0);
    auto Fn = [](std::vector<double> A) { return refs(A[0], A[1], A[2]); };
    gg::near("refs d/dr fd", DR, gg::fd(Fn, {r, c, x}, 0), 1e-6);
    gg::near("refs d/dc fd", DC, gg::fd(Fn, {r, c, x}, 1), 1e-6);
    gg::near("refs d/dx fd", DX, gg::fd(Fn, {r, c, x}, 2), 1e-6);
    DR = DC = DX = 0;
    refs_pullback(r, c, x, -2, &DR, &DC, &DX);
    gg::near("refs pullback d/dr", DR, -2 * (c * x - 1 / x), 1e-12);
    gg::near("refs pullback d/dc", DC, -2 * (r * x + std::exp(c)), 1e-12);
    gg::near("refs pullback d/dx", DX, -2 * (r * c + r / (x * x)), 1e-12);
    // Both references bound to the same object: the adjoints are separate.
    DR = DC = DX = 0;
    refs_grad(r, r, x, &DR, &DC, &DX);
    gg::near("aliased d/dr", DR, r * x - 1 / x, 1e-12);
    gg::near("aliased d/dc", DC, r * x + std::exp(r), 1e-12);
    float a = float(P[0]), b = float(P[1]), DA = 0, DB = 0;
    fref_grad(a, b, &DA, &DB);
    gg::near("fref d/da", DA, 2 * a * b, 1e-6);
    gg::near("fref d/db", DB, a * a, 1e-6);
  }
  return gg::result();
}
