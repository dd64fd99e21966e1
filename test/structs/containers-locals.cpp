// std::vector<double> and std::array<double, N> locals: construction with a
// size and with a fill value, element-wise copies, operator[], at(), size(),
// resize (growing with zeros), push_back (in a loop, data-dependent count),
// range-for by value and by const reference, and elements overwritten in
// place inside loops.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <array>
#include <cmath>
#include <vector>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double f(const double *x, int n, double s) {
  std::vector<double> a(n);         // zeros
  for (int i = 0; i < n; ++i)
    a[i] = x[i] * s;
  std::vector<double> b(3, s);      // filled
  b.at(1) = b[0] * x[0];
  std::vector<double> c(3);
  c[0] = s;
  c[1] = x[1];
  c[2] = 2.0;
  std::vector<double> d(a.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    d[i] = a[i];
  d[0] = d[0] + c[1] * b[1];
  std::vector<double> p;
  for (int i = 0; i < n; ++i)
    if (x[i] > 0)
      p.push_back(x[i] * x[i] + a[i]);
  p.push_back(s);
  c.resize(5);                      // c[3], c[4] are 0
  c[4] = std::exp(c[0]) + (double)p.size();
  std::array<double, 3> q{};
  std::array<double, 2> t = {x[0], s};
  for (int k = 0; k < 3; ++k)
    for (int i = 0; i < n; ++i)
      q[k] = q[k] * 0.5 + a[i] * t[k % 2];  // overwritten in place
  double r = 0;
  for (double e : p)
    r += e * e;
  for (const double &e : d)
    r += std::sin(e);
  for (double e : q)
    r += e;
  for (std::size_t i = 0; i < c.size(); ++i)
    r += c.at(i) * (double)(i + 1);
  return r + b[2] * b.at(1);
}

double f_grad(const double *x, int n, double s, double *d_x, double *d_s);

int main() {
  const int N = 4;
  const double Pts[2][N + 1] = {{0.5, -0.3, 1.2, 0.8, 0.7}, {-0.6, 0.9, -1.1, 0.4, -1.3}};
  for (auto &P : Pts) {
    std::vector<double> X(P, P + N + 1);
    auto F = [](const std::vector<double> &V) { return f(V.data(), N, V[N]); };
    double D[N] = {0, 0, 0, 0}, Ds = 0;
    gg::near("value", f_grad(X.data(), N, X[N], D, &Ds), F(X));
    for (int I = 0; I < N; ++I)
      gg::near("d/dx_i", D[I], gg::fd(F, X, I), 1e-6);
    gg::near("d/ds", Ds, gg::fd(F, X, N), 1e-6);
  }
  return gg::result();
}
