// std::vector<double> and std::array<double, N> passed to helper functions
// by const reference, by reference (the helper writes the elements of a
// local vector) and by value; also parameters of the annotated function
// passed on to helpers. push_back on the local vector itself happens in the
// annotated function (a helper that push_backs or resizes a std::vector
// parameter is refused: see containers-helpers-refusals.cpp).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <array>
#include <cmath>
#include <vector>
#include "../Inputs/gg_check.h"

static double sumsq(const std::vector<double> &v) {
  double s = 0;
  for (double e : v)
    s = s + e * e;
  return s;
}
static double first_times(std::vector<double> v, double k) {
  v[0] = v[0] * k;  // the caller's vector is unchanged
  return v[0] + v.back();
}
static void scale(std::vector<double> &v, double k) {
  for (std::size_t i = 0; i < v.size(); ++i)
    v[i] = v[i] * k;
}
static double norm3(const std::array<double, 3> &a) {
  return std::sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
}
static void rotate3(std::array<double, 3> &a, double t) {
  double x = a[0], y = a[1];
  a[0] = std::cos(t) * x - std::sin(t) * y;
  a[1] = std::sin(t) * x + std::cos(t) * y;
}
static double arr_dot(std::array<double, 3> a, std::array<double, 3> b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

GRADGEN_DIFFERENTIABLE
double f(const std::vector<double> &w, std::array<double, 3> u, double s) {
  std::vector<double> v(w.size());
  for (std::size_t i = 0; i < w.size(); ++i)
    v[i] = w[i] + s;
  double r = sumsq(w) + first_times(v, s);
  scale(v, s);
  r = r + sumsq(v);
  for (double e : w)
    v.push_back(std::log(1 + e * e));
  r = r + v.back() * (double)v.size();
  std::array<double, 3> a = {u[0], u[1], u[2]};
  rotate3(a, s);
  r = r + norm3(a) * arr_dot(a, u) + norm3(u);
  return r;
}

double f_grad(const std::vector<double> &w, std::array<double, 3> u, double s,
              std::vector<double> *d_w, std::array<double, 3> *d_u, double *d_s);

int main() {
  std::vector<double> X = {0.4, -0.9, 1.3, 0.5, -0.2, 0.8, 0.35};
  auto F = [](const std::vector<double> &V) {
    std::vector<double> W(V.begin(), V.begin() + 3);
    std::array<double, 3> U = {V[3], V[4], V[5]};
    return f(W, U, V[6]);
  };
  std::vector<double> W(X.begin(), X.begin() + 3), DW(3, 0.0);
  std::array<double, 3> U = {X[3], X[4], X[5]}, DU{};
  double Ds = 0;
  gg::near("value", f_grad(W, U, X[6], &DW, &DU, &Ds), F(X));
  for (int I = 0; I < 3; ++I) {
    gg::near("d/dw", DW[I], gg::fd(F, X, I), 1e-6);
    gg::near("d/du", DU[I], gg::fd(F, X, 3 + I), 1e-6);
  }
  gg::near("d/ds", Ds, gg::fd(F, X, 6), 1e-6);
  return gg::result();
}
