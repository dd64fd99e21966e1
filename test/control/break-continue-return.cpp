// break, continue and early return mixed with if/else chains inside a loop.
// Inputs are chosen so that every path is taken at least once; each gradient
// component is checked against central finite differences, and a few simple
// paths also against hand-computed values.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double mixed(const double *x, int n, double a) {
  double s = 0.25;
  for (int i = 0; i < n; ++i) {
    if (x[i] < -0.8)
      continue;
    if (x[i] > 0.9)
      break;
    double t = x[i] * a;
    if (t > 0.4) {
      s = (s + 1) * t;
      if (s > 3)
        return s * a;
    } else if (t < -0.3) {
      s += std::sin(t) * s;
      continue;
    } else {
      s += t * t;
    }
    s = s * 0.9 + x[i] * s;
  }
  return s - a;
}

double mixed_grad(const double *x, int n, double a, double *d_x, double *d_a);

static double lcg(unsigned &S) {
  S = S * 1103515245u + 12345u;
  return ((S >> 8) & 0xffff) / 32768.0 - 1.0;
}

int main() {
  // Hand-computed: n = 1, x = {0.5}, a = 0.5: t = 0.25 (middle branch),
  // s = 0.25 + t^2, then s = s (0.9 + x). Result s - a.
  {
    double X[1] = {0.5}, Dx[1] = {0}, Da = 0;
    double S1 = 0.25 + 0.0625;
    gg::near("simple value", mixed_grad(X, 1, 0.5, Dx, &Da), S1 * 1.4 - 0.5);
    // ds1/dx = 2 t a = 0.25, ds1/da = 2 t x = 0.25.
    gg::near("simple d/dx", Dx[0], 0.25 * 1.4 + S1);
    gg::near("simple d/da", Da, 0.25 * 1.4 - 1);
  }
  // Hand-computed: continue then break: x = {-0.9, 0.95, 0.1}: nothing
  // happens, result 0.25 - a.
  {
    double X[3] = {-0.9, 0.95, 0.1}, Dx[3] = {0, 0, 0}, Da = 0;
    gg::near("skip value", mixed_grad(X, 3, 2.0, Dx, &Da), 0.25 - 2.0);
    gg::near("skip d/dx0", Dx[0], 0);
    gg::near("skip d/dx1", Dx[1], 0);
    gg::near("skip d/dx2", Dx[2], 0);
    gg::near("skip d/da", Da, -1);
  }
  // Random-ish inputs, several seeds and scales of a so that the early
  // return, the break and both continues all fire across the runs.
  const double As[5] = {0.7, 1.9, -1.3, 3.5, 0.2};
  unsigned S = 2024;
  for (int Run = 0; Run < 20; ++Run) {
    const int N = 12;
    std::vector<double> P(N + 1);
    for (int I = 0; I < N; ++I)
      P[I] = lcg(S);
    P[N] = As[Run % 5];
    auto F = [&](const std::vector<double> &v) { return mixed(v.data(), N, v[N]); };
    std::vector<double> Dx(N, 0.0);
    double Da = 0;
    gg::near("value", mixed_grad(P.data(), N, P[N], Dx.data(), &Da), F(P));
    for (int I = 0; I < N; ++I)
      gg::near("d/dx", Dx[I], gg::fd(F, P, I), 1e-6);
    gg::near("d/da", Da, gg::fd(F, P, N), 1e-6);
  }
  return gg::result();
}
