// A switch inside a loop where `break` leaves the switch (not the loop),
// `continue` inside a case continues the loop (skipping the statement after
// the switch), and `return` inside a case leaves the function.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double machine(const double *x, const int *m, int n) {
  double s = 0.5;
  for (int i = 0; i < n; ++i) {
    switch (m[i]) {
    case 0:
      s = s * x[i];
      break;
    case 1:
      s = s + x[i] * x[i];
      continue;
    case 2:
      return s * x[i];
    case 3:
      s = std::sin(s + x[i]);
    }
    s = s * 1.1;
  }
  return s;
}

double machine_grad(const double *x, const int *m, int n, double *d_x);

int main() {
  // By hand: m = {0, 1, 3, 2}, x = {a, b, c, d}:
  //   s = .5 a * 1.1; s += b^2 (no *1.1); s = sin(s + c) * 1.1; return s d.
  {
    const int M[4] = {0, 1, 3, 2};
    double X[4] = {0.7, -0.4, 0.25, 1.3}, D[4] = {};
    double S1 = 0.55 * X[0], S2 = S1 + X[1] * X[1], S3 = std::sin(S2 + X[2]) * 1.1;
    double C = std::cos(S2 + X[2]) * 1.1;
    gg::near("hand value", machine_grad(X, M, 4, D), S3 * X[3]);
    gg::near("hand d/dx0", D[0], X[3] * C * 0.55);
    gg::near("hand d/dx1", D[1], X[3] * C * 2 * X[1]);
    gg::near("hand d/dx2", D[2], X[3] * C);
    gg::near("hand d/dx3", D[3], S3);
  }
  const int N = 9;
  std::vector<double> P(N);
  for (int I = 0; I < N; ++I)
    P[I] = 0.8 * std::sin(1.9 * I + 0.3);
  const int Ms[3][N] = {{0, 1, 3, 0, 1, 0, 3, 2, 0},
                        {0, 1, 3, 0, 1, 0, 3, 1, 0},
                        {7, 3, 3, 1, 0, 9, 3, 0, 1}};
  for (auto &M : Ms) {
    auto F = [&](const std::vector<double> &v) { return machine(v.data(), M, N); };
    double D[N] = {};
    gg::near("value", machine_grad(P.data(), M, N, D), F(P));
    for (int I = 0; I < N; ++I)
      gg::near("fd", D[I], gg::fd(F, P, I), 1e-6);
  }
  return gg::result();
}
