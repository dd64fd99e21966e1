// The output is byte-identical between two runs (and with --header, the
// header too), whatever the working directory.
// RUN: rm -rf %t && mkdir -p %t/a %t/b
// RUN: %gradgen %s -o %t/a/out.cpp --header %t/a/out.h -- -std=c++17
// RUN: %gradgen %s -o %t/b/out.cpp --header %t/b/out.h -- -std=c++17
// RUN: cmp %t/a/out.cpp %t/b/out.cpp
// RUN: cmp %t/a/out.h %t/b/out.h
// RUN: %gradgen %s -o %t/a/again.cpp -- -std=c++17
// RUN: cmp %t/a/out.cpp %t/a/again.cpp
// RUN: cd %t/b && %gradgen %s -o out2.cpp -- -std=c++17
// RUN: cmp %t/a/out.cpp %t/b/out2.cpp
// RUN: %clangxx %cxxflags -fsyntax-only %t/a/out.cpp

#include <gradgen/gradgen.h>
#include <cmath>

namespace n {
GRADGEN_DIFFERENTIABLE
double loop(const double *v, int len, double s) {
  double acc = 0;
  for (int i = 0; i < len; ++i) {
    double t = std::sin(v[i]) * s;
    if (t > 0)
      acc += t * t;
    else
      acc -= std::exp(t);
  }
  return acc;
}
} // namespace n

GRADGEN_DIFFERENTIABLE
float g(float a, double b, long double c) {
  double t = a * b, u = std::sqrt(b * b + 1), w = t / u;
  return float(w * c) + std::fmax(a, float(b));
}

GRADGEN_DIFFERENTIABLE
double h(double x, double y) {
  double z = gradgen::detach(x);
  {
    gradgen::no_grad guard;
    y = y * 2;
  }
  return x * z + std::hypot(x, y);
}
