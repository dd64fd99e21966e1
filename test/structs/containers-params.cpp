// std::vector<double> and std::array<double, N> parameters, by value and by
// const reference: adjoints are std::vector<double> * / std::array<double, N> *
// (the caller sizes the vectors). Element access with operator[] and at(),
// size(), front()/back(), range-for by value and by const reference, and a
// by-value vector modified locally (the caller's copy is unchanged).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <array>
#include <cmath>
#include <vector>
#include "../Inputs/gg_check.h"

// CHECK: double f_grad(double s, std::vector<double> v, const std::vector<double> &w, std::array<double, 3> a, const std::array<double, 2> &b, double *d_s, std::vector<double> *d_v, std::vector<double> *d_w, std::array<double, 3> *d_a, std::array<double, 2> *d_b)

GRADGEN_DIFFERENTIABLE
double f(double s, std::vector<double> v, const std::vector<double> &w,
         std::array<double, 3> a, const std::array<double, 2> &b) {
  double r = 0;
  for (std::size_t i = 0; i < v.size(); ++i)
    r += v[i] * w.at(i % w.size());
  for (double e : v)
    r += std::sin(e) * s;
  for (const double &e : w)
    r += e * e * b[1];
  v[0] = v[0] * a[2];
  a.at(1) = a[0] + s;
  return r + v.front() * a.at(1) + w.back() * b.at(0) + a[2] * (double)w.size();
}

double f_grad(double s, std::vector<double> v, const std::vector<double> &w,
              std::array<double, 3> a, const std::array<double, 2> &b, double *d_s,
              std::vector<double> *d_v, std::vector<double> *d_w,
              std::array<double, 3> *d_a, std::array<double, 2> *d_b);
void f_pullback(double s, std::vector<double> v, const std::vector<double> &w,
                std::array<double, 3> a, const std::array<double, 2> &b, double d_ret,
                double *d_s, std::vector<double> *d_v, std::vector<double> *d_w,
                std::array<double, 3> *d_a, std::array<double, 2> *d_b);

// X = s, v (4), w (3), a (3), b (2).
static double F(const std::vector<double> &X) {
  std::vector<double> V(X.begin() + 1, X.begin() + 5), W(X.begin() + 5, X.begin() + 8);
  std::array<double, 3> A = {X[8], X[9], X[10]};
  std::array<double, 2> B = {X[11], X[12]};
  return f(X[0], V, W, A, B);
}

int main() {
  std::vector<double> X = {0.6, 0.3, -1.1, 0.8, 1.4, -0.5, 0.9, 0.2,
                           1.3, -0.7, 0.45, 1.6, -0.35};
  std::vector<double> V(X.begin() + 1, X.begin() + 5), W(X.begin() + 5, X.begin() + 8);
  std::array<double, 3> A = {X[8], X[9], X[10]};
  std::array<double, 2> B = {X[11], X[12]};
  double Ds = 0;
  std::vector<double> DV(4, 0.0), DW(3, 0.0);
  std::array<double, 3> DA{};
  std::array<double, 2> DB{};
  gg::near("value", f_grad(X[0], V, W, A, B, &Ds, &DV, &DW, &DA, &DB), F(X));
  gg::near("v unchanged", V[0], X[1]);
  gg::near("a unchanged", A[1], X[9]);
  gg::near("DV size", (double)DV.size(), 4);
  std::vector<double> Got = {Ds};
  Got.insert(Got.end(), DV.begin(), DV.end());
  Got.insert(Got.end(), DW.begin(), DW.end());
  Got.insert(Got.end(), DA.begin(), DA.end());
  Got.insert(Got.end(), DB.begin(), DB.end());
  for (std::size_t I = 0; I < X.size(); ++I)
    gg::near("d/dx_i", Got[I], gg::fd(F, X, I), 1e-6);
  // The pullback scales; adjoints accumulate.
  f_pullback(X[0], V, W, A, B, 2.0, &Ds, &DV, &DW, &DA, &DB);
  gg::near("accumulated d/dw2", DW[2], 3 * gg::fd(F, X, 7), 1e-6);
  gg::near("accumulated d/db0", DB[0], 3 * gg::fd(F, X, 11), 1e-6);
  return gg::result();
}
