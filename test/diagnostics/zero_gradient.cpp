// The result depends on no active parameter: an error at the function, with
// a note at every detach() and no_grad guard that cut a path, or a note that
// there is no active parameter at all. Exit code 1, no output.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 > %t/err.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s < %t/err.txt
// RUN: test ! -e %t/out.cpp

#include <gradgen/gradgen.h>
#include <cmath>

// The seed, with the direct path removed.
GRADGEN_DIFFERENTIABLE
// CHECK: {{.*}}zero_gradient.cpp:[[@LINE+1]]:8: error: the result of 'seedz' does not depend on any active parameter
double seedz(double x) {
  double y = 2 * x;
  // CHECK: {{.*}}zero_gradient.cpp:[[@LINE+1]]:14: note: gradgen::detach() cuts the gradient path here
  double z = gradgen::detach(y);
  double w = z * z;
  return w;
}
// CHECK-NOT: note:

GRADGEN_DIFFERENTIABLE
// CHECK: {{.*}}zero_gradient.cpp:[[@LINE+1]]:8: error: the result of 'guarded' does not depend on any active parameter
double guarded(double x) {
  double w = 0;
  {
    // CHECK: {{.*}}zero_gradient.cpp:[[@LINE+1]]:22: note: values assigned after this gradgen::no_grad guard carry no gradient
    gradgen::no_grad guard;
    w = x * x;
    w = w + x;
  }
  return w;
}
// CHECK-NOT: note:

// Two paths, each cut: one note per cut, in source order; the guard is named
// once even though two assignments after it were cut.
GRADGEN_DIFFERENTIABLE
// CHECK: {{.*}}zero_gradient.cpp:[[@LINE+1]]:8: error: the result of 'two_cuts' does not depend on any active parameter
double two_cuts(double x, double y) {
  double a = 0, b = 0;
  {
    // CHECK: {{.*}}zero_gradient.cpp:[[@LINE+1]]:22: note: values assigned after this gradgen::no_grad guard
    gradgen::no_grad guard;
    a = x * 2;
    b = a + y;
  }
  // CHECK: {{.*}}zero_gradient.cpp:[[@LINE+1]]:18: note: gradgen::detach() cuts the gradient path here
  double c = a + gradgen::detach(y);
  return b * c;
}
// CHECK-NOT: note:

// Every floating parameter GRADGEN_CONST: the note says why.
GRADGEN_DIFFERENTIABLE
// CHECK: {{.*}}zero_gradient.cpp:[[@LINE+2]]:8: error: the result of 'all_const' does not depend on any active parameter
// CHECK: {{.*}}zero_gradient.cpp:[[@LINE+1]]:8: note: 'all_const' has no active parameter
double all_const(GRADGEN_CONST double x, GRADGEN_CONST const double *v, int n) {
  return x * v[0] * n;
}
// CHECK-NOT: note:

// Only integer parameters.
GRADGEN_DIFFERENTIABLE
// CHECK: {{.*}}zero_gradient.cpp:[[@LINE+2]]:8: error: the result of 'only_ints' does not depend on any active parameter
// CHECK: {{.*}}zero_gradient.cpp:[[@LINE+1]]:8: note: 'only_ints' has no active parameter
double only_ints(int n, long m) { return std::sqrt(double(n * m)); }
// CHECK-NOT: note:

// Active parameters, but the result is a constant: no cut to point at.
GRADGEN_DIFFERENTIABLE
// CHECK: {{.*}}zero_gradient.cpp:[[@LINE+1]]:8: error: the result of 'constant' does not depend on any active parameter
double constant(double x) {
  double y = x * 2;
  (void)y;
  return 3.0;
}
// CHECK-NOT: {{error|note}}:
// CHECK: 6 errors generated
