// A header shared by two translation units of test/calls/linkage.cpp: inline
// helpers with visible bodies, one in a namespace, one calling the other.
#ifndef CALLS_SHARED_H
#define CALLS_SHARED_H
#include <cmath>
inline double shared_sq(double x) { return x * x; }
namespace shr {
inline double norm2(const double *v, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s = s + shared_sq(v[i]);
  return s;
}
} // namespace shr
// Declared in the header, defined (annotated) in each translation unit.
double first(const double *v, double a);
double second(const double *v, double a);
#endif
