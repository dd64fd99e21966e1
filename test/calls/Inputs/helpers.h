// Helpers with visible bodies in a header, for test/calls.
#ifndef CALLS_HELPERS_H
#define CALLS_HELPERS_H
#include <cmath>
namespace hlp {
inline double softplus(double x) { return std::log1p(std::exp(x)); }
namespace detail {
inline double poly(double x, double a) { return a * x * x + x; }
} // namespace detail
} // namespace hlp
#endif
