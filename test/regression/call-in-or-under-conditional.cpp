// Found by the random tester (finding 007): a ?: whose condition has a call
// inside || sent gradgen into endless recursion (SIGSEGV or a hang). It must
// be refused at the ||, with exit 1 and no output.
// RUN: rm -rf %t && mkdir -p %t
// RUN: not %gradgen %s -o %t/out.cpp -- -std=c++17 > %t/err.txt 2>&1
// RUN: FileCheck %s < %t/err.txt
// RUN: test ! -e %t/out.cpp
#include <gradgen/gradgen.h>

static double g(double p) { return p * p; }

// CHECK: call-in-or-under-conditional.cpp:[[@LINE+3]]:19: error: calls inside ?:, && or || are not supported
GRADGEN_DIFFERENTIABLE
double f(double a) {
  return (a < 0.0 || g(a) < 1.0) ? a : 2.0;
}

// CHECK: call-in-or-under-conditional.cpp:[[@LINE+3]]:28: error: calls inside ?:, && or || are not supported
GRADGEN_DIFFERENTIABLE
double h(double a, double b) {
  double t = b * ((a > 1.0 && g(b) > 0.5) ? a : b);
  return t;
}
