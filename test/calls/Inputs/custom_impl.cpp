// Functions and their custom pullbacks, for test/calls/custom-no-body.cpp:
// a translation unit gradgen never sees.
#include <cmath>

namespace lib {
static int Calls = 0;
int calls() { return Calls; }

double logistic(double x) { return 1 / (1 + std::exp(-x)); }
void logistic_pullback(double x, double d_ret, double *d_x) {
  ++Calls;
  double s = logistic(x);
  *d_x += d_ret * s * (1 - s);
}

// out = v / |v|.
void normalize(const double *v, double *out) {
  double n = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  for (int i = 0; i < 3; ++i)
    out[i] = v[i] / n;
}
// d_v += (d_out - out (out . d_out)) / |v|; then d_out (initial) = 0.
void normalize_pullback(const double *v, double *out, double *d_v, double *d_out) {
  ++Calls;
  normalize(v, out);
  double n = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  double dot = out[0] * d_out[0] + out[1] * d_out[1] + out[2] * d_out[2];
  for (int i = 0; i < 3; ++i) {
    d_v[i] += (d_out[i] - out[i] * dot) / n;
    d_out[i] = 0;
  }
}
} // namespace lib
