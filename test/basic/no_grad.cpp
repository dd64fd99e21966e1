// { gradgen::no_grad guard; ... }: every value assigned after the guard, to
// the end of its block (nested blocks included), carries no gradient; values
// assigned before the guard, or after its block closes, do.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "Inputs/check2.h"

// a = xy and f = 3xy (before the guard) carry gradient; b = x^2 and
// d = 3x + y (after it) are constants; c (after the block) carries gradient
// through its direct uses of x and y: dc = b dx + d dy.
GRADGEN_DIFFERENTIABLE
double blocks(double x, double y) {
  double a = x * y;
  double b = 0, d = 0, f = 0;
  {
    double e = x * 3;
    f = e * y;
    gradgen::no_grad guard;
    b = x * x;
    d = e + y;
  }
  double c = b * x + d * y;
  return a + c + f;
}

// A nested block after the guard is still covered; a second block with no
// guard is not. g = x^2 y (constant), h = x y^2 (active).
GRADGEN_DIFFERENTIABLE
double nested(double x, double y) {
  double g = 0, h = 0;
  {
    gradgen::no_grad guard;
    {
      g = x * x * y;
    }
  }
  {
    h = x * y * y;
  }
  return g * x + h;
}

// The guard in one branch of an if: only that branch's assignments lose their
// gradient.
GRADGEN_DIFFERENTIABLE
double branch(double x, double y) {
  double r = 0;
  if (x > 0) {
    gradgen::no_grad guard;
    r = x * y;
  } else {
    r = x * y;
  }
  return r + std::sin(x) * y;
}

// Overwriting a variable inside the guard replaces its gradient with none:
// s = x^2 before, s = s + y inside (a constant), f = s x.
GRADGEN_DIFFERENTIABLE
double overwrite(double x, double y) {
  double s = x * x;
  {
    gradgen::no_grad guard;
    s = s + y;
  }
  return s * x + y;
}

double blocks_grad(double x, double y, double *d_x, double *d_y);
double nested_grad(double x, double y, double *d_x, double *d_y);
double branch_grad(double x, double y, double *d_x, double *d_y);
double overwrite_grad(double x, double y, double *d_x, double *d_y);

int main() {
  const double Pts[4][2] = {{0.7, 1.3}, {2.5, -0.4}, {-1.1, 2.0}, {-3, -2}};
  for (const auto &P : Pts) {
    double x = P[0], y = P[1];
    std::string N = "(" + std::to_string(x) + ", " + std::to_string(y) + ")";
    double DX = 0, DY = 0;
    gg::near(("blocks value " + N).c_str(), blocks_grad(x, y, &DX, &DY),
             blocks(x, y), 0);
    gg::near(("blocks d/dx " + N).c_str(), DX, 4 * y + x * x, 1e-12);
    gg::near(("blocks d/dy " + N).c_str(), DY, 7 * x + y, 1e-12);
    DX = DY = 0;
    nested_grad(x, y, &DX, &DY);
    gg::near(("nested d/dx " + N).c_str(), DX, x * x * y + y * y, 1e-12);
    gg::near(("nested d/dy " + N).c_str(), DY, 2 * x * y, 1e-12);
    DX = DY = 0;
    branch_grad(x, y, &DX, &DY);
    double Rx = x > 0 ? 0 : y, Ry = x > 0 ? 0 : x;
    gg::near(("branch d/dx " + N).c_str(), DX, Rx + std::cos(x) * y, 1e-12);
    gg::near(("branch d/dy " + N).c_str(), DY, Ry + std::sin(x), 1e-12);
    DX = DY = 0;
    overwrite_grad(x, y, &DX, &DY);
    gg::near(("overwrite d/dx " + N).c_str(), DX, x * x + y, 1e-12);
    gg::near(("overwrite d/dy " + N).c_str(), DY, 1, 1e-12);
  }
  return gg::result();
}
