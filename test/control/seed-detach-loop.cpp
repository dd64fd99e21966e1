// The seed in loop form with the square's input detached: the result no
// longer depends on x, and gradgen refuses with an error that points at the
// function and a note that points at the detach().
// RUN: rm -rf %t && mkdir -p %t
// RUN: not %gradgen %s -o %t/out.cpp -- -std=c++17 2>&1 | FileCheck %s
// RUN: test ! -e %t/out.cpp
// The exit code is exactly 1 (an error in the input).
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 2>/dev/null || test $? -eq 1
// RUN: test ! -e %t/out.cpp

#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE
// CHECK: {{.*}}seed-detach-loop.cpp:[[@LINE+1]]:8: error: the result of 'loss' does not depend on any active parameter
double loss(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
// CHECK: {{.*}}seed-detach-loop.cpp:[[@LINE+1]]:16: note: gradgen::detach() cuts the gradient path here
    double y = gradgen::detach(x[i] * 2);
    double w = y * y;
    s += w;
  }
  return s;
}
