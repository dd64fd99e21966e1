// A helper returning a struct by value is refused, one case per run (-D
// selects it): an error located at the use of the call, exit code 1, and no
// output file. The struct result initializes a local (RETINIT) or is
// assigned to one (RETASSIGN). helpers.cpp covers the supported form (the
// helper writes through a V3 & instead).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DRETINIT > %t/retinit.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=RETINIT < %t/retinit.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DRETASSIGN > %t/retassign.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=RETASSIGN < %t/retassign.txt
// RUN: test ! -e %t/out.cpp

#include <gradgen/gradgen.h>

struct V3 {
  double v[3];
};

static V3 add(const V3 &a, const V3 &b) {
  V3 r{{a.v[0] + b.v[0], a.v[1] + b.v[1], a.v[2] + b.v[2]}};
  return r;
}
static double dot(const V3 &a, const V3 &b) {
  return a.v[0] * b.v[0] + a.v[1] * b.v[1] + a.v[2] * b.v[2];
}

GRADGEN_DIFFERENTIABLE
double f(const V3 &u, V3 w) {
#if defined(RETINIT)
  // RETINIT: {{.*}}helpers-refusals.cpp:[[@LINE+1]]:12: error: this initializer is not supported
  V3 sum = add(u, w);
#elif defined(RETASSIGN)
  V3 sum;
  // RETASSIGN: {{.*}}helpers-refusals.cpp:[[@LINE+1]]:9: error: this object expression is not supported
  sum = add(u, w);
#endif
  return dot(sum, u);
}
