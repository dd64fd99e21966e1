// Struct locals: brace initialization (also nested and with array members),
// copies (initialization and assignment), member assignment and compound
// assignment, structs overwritten in loops, and structs
// passed to helpers (by const reference; one by non-const reference).
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
struct Frame {
  V3 origin;
  double scale;
  int tag;
};

static double dot(const V3 &a, const V3 &b) {
  return a.v[0] * b.v[0] + a.v[1] * b.v[1] + a.v[2] * b.v[2];
}
static void scale_by(V3 &a, double s) {
  for (int i = 0; i < 3; ++i)
    a.v[i] *= s;
}

GRADGEN_DIFFERENTIABLE
double f(const double *x, double s) {
  V3 a{{x[0], x[1], x[2]}};
  V3 b = a;                    // copy
  b.v[1] = b.v[1] * s + x[3];  // member assignment
  b.v[2] += std::exp(x[0]);    // compound member assignment
  Frame fr{{{s, x[1], 1.0}}, x[2], 4};
  Frame g = fr;
  g.origin.v[2] = a.v[0] * fr.scale;
  V3 c;
  c.v[0] = a.v[1] * b.v[2] - a.v[2] * b.v[1];
  c.v[1] = a.v[2] * b.v[0] - a.v[0] * b.v[2];
  c.v[2] = a.v[0] * b.v[1] - a.v[1] * b.v[0];
  scale_by(c, g.scale);
  V3 first = a;
  for (int i = 0; i < 3; ++i) {
    V3 step = a;
    step.v[i] = c.v[i] * (i + 1);
    a = step;                  // overwritten in a loop
    if (i == 0)
      first = step;
  }
  double r = dot(c, g.origin) + dot(first, a) * g.tag;
  g = fr;                      // assignment of a whole struct
  return r + g.origin.v[0] * a.v[1];
}

double f_grad(const double *x, double s, double *d_x, double *d_s);

int main() {
  const double Pts[2][5] = {{0.4, -0.6, 1.1, 0.3, 0.8}, {-1.2, 0.5, 0.25, -0.7, 1.4}};
  for (auto &P : Pts) {
    std::vector<double> X(P, P + 5);
    auto F = [](const std::vector<double> &V) { return f(V.data(), V[4]); };
    double D[4] = {0, 0, 0, 0}, Ds = 0;
    gg::near("value", f_grad(X.data(), X[4], D, &Ds), F(X));
    for (int I = 0; I < 4; ++I)
      gg::near("d/dx_i", D[I], gg::fd(F, X, I), 1e-6);
    gg::near("d/ds", Ds, gg::fd(F, X, 4), 1e-6);
  }
  return gg::result();
}
