// Calls to visible helpers that compute only integers or truth values, mixed
// with active values: an index helper, a helper returning double from an
// int, a predicate on a double (bool result: nothing to differentiate, just
// call it), and a void helper that bumps an int through a reference. They
// need no pullback of their own; the gradient flows around them.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include "../Inputs/gg_check.h"

static int next(int i, int n) { return (i + 1) % n; }
static double weight(int k) { return 0.5 * k + 1; }
static bool positive(double v) { return v > 0; }
static void count(int &n) { ++n; }

// s = sum over i with x_i > 0 of x_i x_{(i+1)%n} (0.5 i + 1), plus the
// number of such terms times x_0.
GRADGEN_DIFFERENTIABLE
double f(const double *x, int n) {
  double s = 0;
  int c = 0;
  for (int i = 0; i < n; ++i) {
    if (positive(x[i])) {
      s += x[i] * x[next(i, n)] * weight(i);
      count(c);
    }
  }
  return s + c * x[0];
}

double f_grad(const double *x, int n, double *d_x);

int main() {
  std::vector<double> X = {0.5, -1.5, 2.0, 0.75};
  auto F = [](const std::vector<double> &V) { return f(V.data(), 4); };
  double D[4] = {0, 0, 0, 0};
  gg::near("value", f_grad(X.data(), 4, D), F(X));
  for (int I = 0; I < 4; ++I)
    gg::near("d/dx_i", D[I], gg::fd(F, X, I), 1e-6);
  return gg::result();
}
