// The seed example as a C++ user writes it: y = 2x, w = y^2, loss = sum w.
#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE
double loss(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double y = x[i] * 2;
    double w = y * y;
    s += w;
  }
  return s;
}
