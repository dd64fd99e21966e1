// Soundness: do-while runs its body before the first test, so it runs at
// least once even when the condition is false from the start.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// Halve until below 1, squaring a product along the way; the trip count
// depends on the data.
GRADGEN_DIFFERENTIABLE
double halve(double v, double w) {
  double prod = w;
  do {
    prod = prod * v + w;
    v = v * 0.5;
  } while (v > 1);
  return prod * v;
}

// A do-while over an array with a counter, plus continue (which jumps to
// the condition test).
GRADGEN_DIFFERENTIABLE
double walk(const double *x, int n) {
  double s = 0.5;
  int i = 0;
  do {
    if (x[i] < 0) {
      i++;
      continue;
    }
    s = s * x[i] + std::cos(s);
    i++;
  } while (i < n);
  return s;
}

double halve_grad(double v, double w, double *d_v, double *d_w);
double walk_grad(const double *x, int n, double *d_x);

int main() {
  // v = 0.5 < 1 from the start: one trip. prod = w v + w, v' = v/2,
  // result (w v + w) v / 2 = w (v^2 + v) / 2.
  {
    double V = 0.5, W = 1.7, Dv = 0, Dw = 0;
    gg::near("once value", halve_grad(V, W, &Dv, &Dw), W * (V * V + V) / 2);
    gg::near("once d/dv", Dv, W * (2 * V + 1) / 2);
    gg::near("once d/dw", Dw, (V * V + V) / 2);
  }
  // v = 5.3: trips at 5.3, 2.65, 1.325 -> three trips.
  {
    double V = 5.3, W = 0.9, Dv = 0, Dw = 0;
    auto F = [](const std::vector<double> &p) { return halve(p[0], p[1]); };
    gg::near("three value", halve_grad(V, W, &Dv, &Dw), F({V, W}));
    gg::near("three fd v", Dv, gg::fd(F, {V, W}, 0), 1e-6);
    gg::near("three fd w", Dw, gg::fd(F, {V, W}, 1), 1e-6);
    // Analytic: prod3 = w v^3/8 + w v^2/2 + w v + w... with v halving:
    // prod1 = w v + w, prod2 = prod1 v/2 + w, prod3 = prod2 v/4 + w,
    // result prod3 v / 8.
    double P1 = W * V + W, P2 = P1 * V / 2 + W, P3 = P2 * V / 4 + W;
    double dP1 = W, dP2 = dP1 * V / 2 + P1 / 2, dP3 = dP2 * V / 4 + P2 / 4;
    gg::near("three d/dv", Dv, dP3 * V / 8 + P3 / 8);
    double eP1 = V + 1, eP2 = eP1 * V / 2 + 1, eP3 = eP2 * V / 4 + 1;
    gg::near("three d/dw", Dw, eP3 * V / 8);
  }
  // walk with n = 1 (one trip), and a longer array with negatives.
  {
    double X[1] = {2.5}, D[1] = {};
    gg::near("walk1 value", walk_grad(X, 1, D), 0.5 * 2.5 + std::cos(0.5));
    gg::near("walk1 d/dx", D[0], 0.5);
  }
  {
    const int N = 11;
    std::vector<double> P(N);
    for (int I = 0; I < N; ++I)
      P[I] = std::sin(1.1 * I * I + 0.4);
    auto F = [&](const std::vector<double> &v) { return walk(v.data(), N); };
    double D[N] = {};
    gg::near("walk value", walk_grad(P.data(), N, D), F(P));
    for (int I = 0; I < N; ++I)
      gg::near("walk fd", D[I], gg::fd(F, P, I), 1e-6);
  }
  return gg::result();
}
