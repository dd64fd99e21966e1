// A callee that writes memory reached through the annotated function's own
// pointer parameter, whose extent gradgen cannot know, is refused, one case
// per run (-D selects it): an error located at the call, exit code 1, and no
// output file. With -DOVERWRITE the callee sets out[i] = 0 and then
// accumulates into it; with -DINOUT it accumulates into an in/out parameter.
// callee-writes-param.cpp covers the supported form (the caller passes a
// local fixed-size array).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DOVERWRITE > %t/overwrite.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=OVERWRITE < %t/overwrite.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DINOUT > %t/inout.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=INOUT < %t/inout.txt
// RUN: test ! -e %t/out.cpp

#include <gradgen/gradgen.h>

#if defined(OVERWRITE)
static void matvec(const double *A, const double *v, double *out) {
  for (int i = 0; i < 2; ++i) {
    out[i] = 0;
    for (int j = 0; j < 2; ++j)
      out[i] += A[2 * i + j] * v[j];
  }
}

GRADGEN_DIFFERENTIABLE
double f(const double *A, const double *v, double *out) {
  // OVERWRITE: {{.*}}callee-writes-param-refusals.cpp:[[@LINE+1]]:3: error: gradgen cannot differentiate this call: 'matvec' overwrites memory of 'out' whose old values the gradient needs, and the extent of that memory is unknown here (pass a local fixed-size array)
  matvec(A, v, out);
  return out[0] * out[0] + out[1] * out[1];
}
#elif defined(INOUT)
static void axpy(double a, const double *x, double *y) {
  y[0] += a * x[0];
  y[1] += a * x[1];
}

GRADGEN_DIFFERENTIABLE
double g(double a, const double *x, double *acc) {
  // INOUT: {{.*}}callee-writes-param-refusals.cpp:[[@LINE+1]]:3: error: gradgen cannot differentiate this call: 'axpy' overwrites memory of 'acc' whose old values the gradient needs, and the extent of that memory is unknown here (pass a local fixed-size array)
  axpy(a, x, acc);
  return acc[0] * acc[1];
}
#endif
