// gradgen::detach of a temporary (a product, a math call): detach takes its
// argument by const reference, so these bind a temporary.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// f = x * [x] + [x y] y + sin([cos x] y), [.] detached.
GRADGEN_DIFFERENTIABLE
double inside(double x, double y) {
  return x * gradgen::detach(x) + gradgen::detach(x * y) * y +
         std::sin(gradgen::detach(std::cos(x)) * y);
}

GRADGEN_DIFFERENTIABLE
float dfloat(float a) { return a * gradgen::detach(a * a); }

double inside_grad(double x, double y, double *d_x, double *d_y);
float dfloat_grad(float a, float *d_a);

int main() {
  const double Pts[3][2] = {{0.7, 1.3}, {2.5, -0.4}, {-1.1, 2.0}};
  for (const auto &P : Pts) {
    double x = P[0], y = P[1];
    double DX = 0, DY = 0;
    gg::near("inside value", inside_grad(x, y, &DX, &DY), inside(x, y), 0);
    double C = std::cos(std::cos(x) * y);
    gg::near("inside d/dx", DX, x, 1e-12);
    gg::near("inside d/dy", DY, x * y + C * std::cos(x), 1e-12);
    float F = 0;
    dfloat_grad(float(x), &F);
    gg::near("float d/da", F, float(x) * float(x), 1e-6);
  }
  return gg::result();
}
