// goto (and its label) inside a loop is not supported: gradgen refuses with
// an error at the goto and writes nothing.
// RUN: rm -rf %t && mkdir -p %t
// RUN: not %gradgen %s -o %t/out.cpp -- -std=c++17 2>&1 | FileCheck %s
// RUN: test ! -e %t/out.cpp
// The exit code is exactly 1 (an error in the input).
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 2>/dev/null || test $? -eq 1
// RUN: test ! -e %t/out.cpp
// An existing output survives the failed run.
// RUN: echo keep > %t/old.cpp
// RUN: not %gradgen %s -o %t/old.cpp -- -std=c++17 2>/dev/null
// RUN: grep -q keep %t/old.cpp

#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE
double f(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    if (x[i] < 0)
// CHECK: {{.*}}goto-in-loop.cpp:[[@LINE+1]]:7: error: goto and labels are not supported
      goto skip;
    s += x[i] * x[i];
  skip:
    s = s * 0.5;
  }
  return s;
}
