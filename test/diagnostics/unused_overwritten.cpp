// A parameter whose only use is overwritten before it is read never
// influences the result: the warning is expected for it too (exit 0).
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

// No warning for the functions below: each parameter can reach the result.
// CHECK-NOT: warning:

// w survives when the branch is not taken.
GRADGEN_DIFFERENTIABLE
double branch(double x, double w) {
  double u = w;
  if (x > 0)
    u = x;
  return u;
}

// w is read in the first iteration, before the overwrite.
GRADGEN_DIFFERENTIABLE
double carried(double x, double w, int n) {
  double u = w, s = 0;
  for (int i = 0; i < n; ++i) {
    s += u;
    u = x;
  }
  return s;
}

// The loop may run zero times.
GRADGEN_DIFFERENTIABLE
double zero_trip(double x, double w, int n) {
  double u = w;
  for (int i = 0; i < n; ++i)
    u = x * i;
  return u;
}

// A compound assignment keeps the old value.
GRADGEN_DIFFERENTIABLE
double compound(double x, double w) {
  double u = w;
  u *= x;
  return u;
}
