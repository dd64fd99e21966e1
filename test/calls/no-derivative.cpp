// A call to a function with neither a visible body nor a user pullback is
// an error at the call (exit code 1, no output), also inside a callee
// (reported at the call in the callee, with the path noted or at least the
// call located), and also when the unknown function is a void function with
// an output pointer.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DDIRECT > %t/direct.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=DIRECT < %t/direct.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DNESTED > %t/nested.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=NESTED < %t/nested.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DVOIDOUT > %t/voidout.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=VOIDOUT < %t/voidout.txt
// RUN: test ! -e %t/out.cpp
// A pullback declared for a different function does not count.
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DOTHERPB > %t/otherpb.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=OTHERPB < %t/otherpb.txt
// RUN: test ! -e %t/out.cpp
// An existing output survives a failed run.
// RUN: echo keep > %t/out.cpp
// RUN: not %gradgen %s -o %t/out.cpp -- -std=c++17 -DDIRECT 2>/dev/null
// RUN: grep -q keep %t/out.cpp

#include <gradgen/gradgen.h>

#ifdef DIRECT
double unknown(double x);
GRADGEN_DIFFERENTIABLE
double direct(double x) {
  double y = 2 * x;
  // DIRECT: {{.*}}no-derivative.cpp:[[@LINE+1]]:14: error: call to 'unknown' is not supported
  return y + unknown(y);
}
#endif

#ifdef NESTED
double hidden(double x);
static double helper(double x) {
  // NESTED: {{.*}}no-derivative.cpp:[[@LINE+1]]:10: error: call to 'hidden' is not supported
  return hidden(x) * x;
}
GRADGEN_DIFFERENTIABLE
double nested(double x) { return helper(x) + x; }
#endif

#ifdef VOIDOUT
void fill(const double *a, double *out);
GRADGEN_DIFFERENTIABLE
double voidout(const double *a) {
  double o[2];
  // VOIDOUT: {{.*}}no-derivative.cpp:[[@LINE+1]]:3: error: call to 'fill' is not supported
  fill(a, o);
  return o[0] + o[1];
}
#endif

#ifdef OTHERPB
double mystery(double x);
void other_pullback(double x, double d_ret, double *d_x);
GRADGEN_DIFFERENTIABLE
double otherpb(double x) {
  // OTHERPB: {{.*}}no-derivative.cpp:[[@LINE+1]]:10: error: call to 'mystery' is not supported
  return mystery(x) * x;
}
#endif
