// Struct locals and parameters passed to helpers: several struct arguments
// at once (const reference + non-const reference output, by value + output),
// a helper writing a struct through a pointer, and a helper writing its
// result through a struct reference (a helper returning a struct by value is
// refused: see helpers-refusals.cpp).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

struct V3 {
  double v[3];
};

static void cross(const V3 &a, const V3 &b, V3 &r) {
  r.v[0] = a.v[1] * b.v[2] - a.v[2] * b.v[1];
  r.v[1] = a.v[2] * b.v[0] - a.v[0] * b.v[2];
  r.v[2] = a.v[0] * b.v[1] - a.v[1] * b.v[0];
}
static void twice(V3 a, V3 &r) {
  for (int i = 0; i < 3; ++i)
    r.v[i] = 2 * a.v[i] * a.v[i];
}
static void fill(double s, V3 *r) {
  r->v[0] = s;
  r->v[1] = s * s;
  r->v[2] = std::sin(s);
}
static void add(const V3 &a, const V3 &b, V3 &out) {
  out.v[0] = a.v[0] + b.v[0];
  out.v[1] = a.v[1] + b.v[1];
  out.v[2] = a.v[2] + b.v[2];
}
static double dot(const V3 &a, const V3 &b) {
  return a.v[0] * b.v[0] + a.v[1] * b.v[1] + a.v[2] * b.v[2];
}

// u, w: parameters by const reference and by value.
GRADGEN_DIFFERENTIABLE
double f(const V3 &u, V3 w, double s) {
  V3 c, t, q, sum;
  cross(u, w, c);
  twice(c, t);
  fill(s, &q);
  add(t, q, sum);
  return dot(sum, u) + dot(c, w);
}

double f_grad(const V3 &u, V3 w, double s, V3 *d_u, V3 *d_w, double *d_s);

int main() {
  std::vector<double> X = {0.3, -0.8, 1.1, 0.6, 0.2, -0.5, 0.9};
  auto F = [](const std::vector<double> &V) {
    V3 U{{V[0], V[1], V[2]}}, W{{V[3], V[4], V[5]}};
    return f(U, W, V[6]);
  };
  V3 U{{X[0], X[1], X[2]}}, W{{X[3], X[4], X[5]}}, DU{}, DW{};
  double Ds = 0;
  gg::near("value", f_grad(U, W, X[6], &DU, &DW, &Ds), F(X));
  for (int I = 0; I < 3; ++I) {
    gg::near("d/du", DU.v[I], gg::fd(F, X, I), 1e-6);
    gg::near("d/dw", DW.v[I], gg::fd(F, X, 3 + I), 1e-6);
  }
  gg::near("d/ds", Ds, gg::fd(F, X, 6), 1e-6);
  return gg::result();
}
