// Soundness: the loop variable is modified inside the body (a data-dependent
// skip, and a nonlinear jump). The reverse sweep must visit exactly the
// indices the forward sweep used, in reverse order.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// Pairs (x[i], x[i+1]) multiply; a negative x[i] skips the next element.
GRADGEN_DIFFERENTIABLE
double skipper(const double *x, int n) {
  double s = 0;
  double p = 1;
  for (int i = 0; i + 1 < n; ++i) {
    p = p * 0.5 + x[i] * x[i + 1];
    s += p * p;
    if (x[i] < 0)
      i++;
  }
  return s;
}

// The index doubles (i = 2 i + 1) inside the body: visits 0, 1, 3, 7, 15.
GRADGEN_DIFFERENTIABLE
double doubling(const double *x, int n) {
  double s = 1;
  for (int i = 0; i < n; i++) {
    s = s * x[i] + std::sin(s);
    i = 2 * i;
  }
  return s;
}

// The step itself is data-dependent: i += k, with k growing on positive
// elements.
GRADGEN_DIFFERENTIABLE
double stepk(const double *x, int n) {
  double s = 1;
  int k = 1;
  for (int i = 0; i < n; i += k) {
    s = s * x[i] + 0.1;
    if (x[i] > 0)
      k++;
  }
  return s;
}

double skipper_grad(const double *x, int n, double *d_x);
double doubling_grad(const double *x, int n, double *d_x);
double stepk_grad(const double *x, int n, double *d_x);

int main() {
  // skipper, by hand: x = {1, -2, 3, 4}: i=0: p = .5 + 1*(-2) = -1.5,
  // s = 2.25; i=1: p = -.75 + (-2)(3) = -6.75, s += 45.5625; x1 < 0 -> i=2,
  // then ++i = 3, 3+1 < 4 fails. Result 47.8125.
  {
    double X[4] = {1, -2, 3, 4}, D[4] = {};
    gg::near("skip value", skipper_grad(X, 4, D), 2.25 + 45.5625);
    // p1 = .5 + x0 x1, p2 = .5 p1 + x1 x2; s = p1^2 + p2^2.
    double P1 = -1.5, P2 = -6.75;
    gg::near("skip d/dx0", D[0], 2 * P1 * X[1] + 2 * P2 * 0.5 * X[1]);
    gg::near("skip d/dx1", D[1], 2 * P1 * X[0] + 2 * P2 * (0.5 * X[0] + X[2]));
    gg::near("skip d/dx2", D[2], 2 * P2 * X[1]);
    gg::near("skip d/dx3", D[3], 0);
  }
  for (int Rep = 0; Rep < 3; ++Rep) {
    const int N = 13;
    std::vector<double> P(N);
    for (int I = 0; I < N; ++I)
      P[I] = std::sin(2.9 * I + 0.7 * Rep + 0.3);
    auto F = [&](const std::vector<double> &v) { return skipper(v.data(), N); };
    double D[N] = {};
    gg::near("skip fd value", skipper_grad(P.data(), N, D), F(P));
    for (int I = 0; I < N; ++I)
      gg::near("skip fd", D[I], gg::fd(F, P, I), 1e-6);
  }
  // doubling, n = 16: only x0, x1, x3, x7, x15 matter.
  {
    const int N = 16;
    std::vector<double> P(N);
    for (int I = 0; I < N; ++I)
      P[I] = 0.8 + 0.3 * std::cos(1.3 * I);
    auto F = [&](const std::vector<double> &v) { return doubling(v.data(), N); };
    double D[N] = {};
    gg::near("doubling value", doubling_grad(P.data(), N, D), F(P));
    for (int I = 0; I < N; ++I) {
      gg::near("doubling fd", D[I], gg::fd(F, P, I), 1e-6);
      if (I != 0 && I != 1 && I != 3 && I != 7 && I != 15)
        gg::near("doubling untouched", D[I], 0);
    }
    // And the last visited element by hand: d s/dx15 = s_before.
    double S = 1;
    for (int I = 0; I < N; I = 2 * I + 1)
      if (I == 15)
        gg::near("doubling d/dx15", D[15], S);
      else
        S = S * P[I] + std::sin(S);
  }
  // stepk, n = 14.
  {
    const int N = 14;
    std::vector<double> P(N);
    for (int I = 0; I < N; ++I)
      P[I] = 0.9 * std::sin(1.9 * I + 0.3);
    auto F = [&](const std::vector<double> &v) { return stepk(v.data(), N); };
    double D[N] = {};
    gg::near("stepk value", stepk_grad(P.data(), N, D), F(P));
    for (int I = 0; I < N; ++I)
      gg::near("stepk fd", D[I], gg::fd(F, P, I), 1e-6);
    // Visited indices get a non-zero gradient, the others none.
    int K = 1;
    std::vector<bool> Visited(N, false);
    for (int I = 0; I < N; I += K) {
      Visited[I] = true;
      if (P[I] > 0)
        K++;
    }
    for (int I = 0; I < N; ++I)
      if (!Visited[I])
        gg::near("stepk unvisited", D[I], 0);
  }
  return gg::result();
}
