// A parameter whose only use is overwritten before it is read never
// influences the result: the warning is expected for it too (exit 0).
// Known limitation: the analysis behind this warning ignores statement
// order, so it sees a use here; the gradient itself is right (zero).
// XFAIL: *
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 > %t/err.txt 2>&1
// RUN: FileCheck %s < %t/err.txt
// RUN: test -s %t/out.cpp

#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE
// CHECK: {{.*}}unused_overwritten.cpp:[[@LINE+2]]:30: warning: parameter 'w' does not influence the result of 'over'
// CHECK: {{.*}}unused_overwritten.cpp:[[@LINE+1]]:47: warning: parameter 'v' does not influence the result of 'over'
double over(double x, double w, const double *v) {
  double u = w;
  u = v[0];
  u = x * 2;
  return u;
}
