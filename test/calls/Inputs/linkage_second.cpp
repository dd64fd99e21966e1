// The second translation unit of test/calls/linkage.cpp.
#include <gradgen/gradgen.h>
#include "shared.h"

// second = a exp(-|v|^2) + v0^2
GRADGEN_DIFFERENTIABLE
double second(const double *v, double a) {
  return a * std::exp(-shr::norm2(v, 3)) + shared_sq(v[0]);
}
