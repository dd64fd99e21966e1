// ?: with active operands inside a loop, && / || conditions over active and
// integer values, ++/-- as statements, and an if/else-if chain. Analytic
// gradient built branch by branch.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double logic(const double *x, int n, double a) {
  double s = 0;
  int count = 0;
  int i = n;
  while (i > 0) {
    i--;
    double v = x[i];
    double w = v > 0 ? v * a : v * v;          // ?: picks which operand
    if ((v > 0.5 && a > 0) || count > 3) {
      s += w * w;
      count++;
    } else if (v < -0.5 || (i % 3 == 0 && v < 0)) {
      s -= w * a;
      --count;
    } else {
      s += (count > 0 ? w : a) * v;
    }
  }
  return s;
}

double logic_grad(const double *x, int n, double a, double *d_x, double *d_a);

int main() {
  const int N = 12;
  for (int Rep = 0; Rep < 3; ++Rep) {
    std::vector<double> P(N + 1);
    for (int I = 0; I < N; ++I)
      P[I] = 0.9 * std::sin(1.7 * I + 0.6 * Rep + 0.2);
    P[N] = Rep == 1 ? -0.8 : 1.3;
    const double A = P[N];

    // Forward pass with derivatives, by hand.
    double S = 0, DsDa = 0;
    std::vector<double> DsDx(N, 0.0);
    int Count = 0;
    for (int I = N - 1; I >= 0; --I) {
      double V = P[I];
      double W = V > 0 ? V * A : V * V;
      double DwDv = V > 0 ? A : 2 * V, DwDa = V > 0 ? V : 0;
      if ((V > 0.5 && A > 0) || Count > 3) {
        S += W * W;
        DsDx[I] += 2 * W * DwDv;
        DsDa += 2 * W * DwDa;
        Count++;
      } else if (V < -0.5 || (I % 3 == 0 && V < 0)) {
        S -= W * A;
        DsDx[I] -= DwDv * A;
        DsDa -= DwDa * A + W;
        --Count;
      } else if (Count > 0) {
        S += W * V;
        DsDx[I] += DwDv * V + W;
        DsDa += DwDa * V;
      } else {
        S += A * V;
        DsDx[I] += A;
        DsDa += V;
      }
    }
    std::vector<double> Dx(N, 0.0);
    double Da = 0;
    gg::near("value", logic_grad(P.data(), N, A, Dx.data(), &Da), S);
    for (int I = 0; I < N; ++I)
      gg::near("d/dx", Dx[I], DsDx[I]);
    gg::near("d/da", Da, DsDa);
    auto F = [&](const std::vector<double> &v) { return logic(v.data(), N, v[N]); };
    for (int I = 0; I < N; ++I)
      gg::near("fd x", Dx[I], gg::fd(F, P, I), 1e-6);
    gg::near("fd a", Da, gg::fd(F, P, N), 1e-6);
  }
  return gg::result();
}
