// Calls in the branches of ?: inside a larger expression: only the taken
// branch's callee runs (in the forward sweep and its pullback in the
// reverse sweep): safe(0) would get a NaN or inf gradient if the untaken
// 1/x branch were differentiated.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

static double sq(double x) { return x * x; }
static double cube(double x) { return x * x * x; }
// Dividing by x: evaluating it at x = 0 would give a NaN gradient.
static double inv(double x) { return 1.0 / x; }

// y^2 + (x > 0 ? x^3 : 1/x) * y, and a nested ?: with calls in a loop.
GRADGEN_DIFFERENTIABLE
double f(double x, double y) {
  double r = sq(y) + (x > 0 ? cube(x) : inv(x)) * y;
  for (int i = 0; i < 3; ++i)
    r += i == 0 ? sq(x) : (i == 1 ? cube(y) : std::sin(sq(x * y)));
  return r;
}

// x = 0 takes the branch that does not divide by x.
GRADGEN_DIFFERENTIABLE
double safe(double x) { return x != 0 ? inv(x) : sq(x + 1); }

double f_grad(double x, double y, double *d_x, double *d_y);
double safe_grad(double x, double *d_x);

int main() {
  const double Pts[3][2] = {{0.7, -1.2}, {-0.6, 0.9}, {-2.0, -0.3}};
  for (auto &P : Pts) {
    std::vector<double> X = {P[0], P[1]};
    auto F = [](const std::vector<double> &V) { return f(V[0], V[1]); };
    double Dx = 0, Dy = 0;
    gg::near("value", f_grad(X[0], X[1], &Dx, &Dy), F(X));
    gg::near("d/dx", Dx, gg::fd(F, X, 0), 1e-6);
    gg::near("d/dy", Dy, gg::fd(F, X, 1), 1e-6);
  }
  double D = 0;
  gg::near("safe(0)", safe_grad(0.0, &D), 1.0);
  gg::near("safe'(0)", D, 2.0);
  D = 0;
  gg::near("safe(2)", safe_grad(2.0, &D), 0.5);
  gg::near("safe'(2)", D, -0.25);
  return gg::result();
}
