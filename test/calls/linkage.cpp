// Two translation units include the same header with inline helpers; each
// has an annotated function calling them and is run through gradgen. Both
// generated files compile and link into one program: the helpers' pullbacks
// have internal linkage, so nothing is defined twice.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/first.cpp -- -std=c++17
// RUN: %gradgen %S/Inputs/linkage_second.cpp -o %t/second.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/first.cpp
// RUN: FileCheck %s --input-file=%t/second.cpp
// RUN: %clangxx %cxxflags %t/first.cpp %t/second.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/first.cpp %t/second.cpp -o %t/gcc && %t/gcc
// Also with the objects built separately and linked afterwards.
// RUN: %clangxx %cxxflags -c %t/first.cpp -o %t/first.o
// RUN: %gxx %cxxflags -c %t/second.cpp -o %t/second.o
// RUN: %clangxx %ldflags %t/first.o %t/second.o -o %t/mixed && %t/mixed

// CHECK: static void shared_sq_pullback(
// CHECK-NOT: {{^}}void shared_sq_pullback(
// CHECK-NOT: {{^}}void norm2_pullback

#include <gradgen/gradgen.h>
#include "Inputs/shared.h"
#include "../Inputs/gg_check.h"

// first = |v|^2 a + sqrt(v1^2 + 1)
GRADGEN_DIFFERENTIABLE
double first(const double *v, double a) {
  return shr::norm2(v, 3) * a + std::sqrt(shared_sq(v[1]) + 1);
}

double first_grad(const double *v, double a, double *d_v, double *d_a);
double second_grad(const double *v, double a, double *d_v, double *d_a);

int main() {
  std::vector<double> X = {0.4, -0.9, 0.3, 1.7};
  auto F1 = [](const std::vector<double> &V) { return first(V.data(), V[3]); };
  auto F2 = [](const std::vector<double> &V) { return second(V.data(), V[3]); };
  double Dv[3] = {0, 0, 0}, Da = 0;
  gg::near("first", first_grad(X.data(), X[3], Dv, &Da), F1(X));
  for (int I = 0; I < 3; ++I)
    gg::near("first d/dv", Dv[I], gg::fd(F1, X, I), 1e-6);
  gg::near("first d/da", Da, gg::fd(F1, X, 3), 1e-6);
  double Ev[3] = {0, 0, 0}, Ea = 0;
  gg::near("second", second_grad(X.data(), X[3], Ev, &Ea), F2(X));
  for (int I = 0; I < 3; ++I)
    gg::near("second d/dv", Ev[I], gg::fd(F2, X, I), 1e-6);
  gg::near("second d/da", Ea, gg::fd(F2, X, 3), 1e-6);
  return gg::result();
}
