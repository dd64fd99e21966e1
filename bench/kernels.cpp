// The benchmark kernels. Each is a GRADGEN_DIFFERENTIABLE function that the
// build differentiates with gradgen (see CMakeLists.txt): the generated
// kernels_grad.cpp #includes this file and adds the *_grad functions.
#include <gradgen/gradgen.h>
#include <cmath>

namespace bench {

// s = sum x[i]^3. d/dx[i] = 3 x[i]^2.
GRADGEN_DIFFERENTIABLE
double sum_cubes(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += x[i] * x[i] * x[i];
  return s;
}

// p(x) = c[0] + x (c[1] + x (c[2] + ...)): active coefficients and x. The
// accumulator p is overwritten on every iteration and read multiplicatively.
GRADGEN_DIFFERENTIABLE
double horner(const double *c, int n, double x) {
  double p = c[n - 1];
  for (int k = n - 2; k >= 0; --k)
    p = p * x + c[k];
  return p;
}

// The recurrence h = tanh(w h + u x[t]): active w, u and every x[t].
GRADGEN_DIFFERENTIABLE
double recurrence(double w, double u, const double *x, int T) {
  double h = 0;
  for (int t = 0; t < T; ++t)
    h = std::tanh(w * h + u * x[t]);
  return h;
}

// The seed example as a loop: y = 2 x[i], w = y^2, s += w.
GRADGEN_DIFFERENTIABLE
double seed_loop(const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double y = 2 * x[i];
    double w = y * y;
    s += w;
  }
  return s;
}

// A dense layer and tanh, reduced to a scalar: sum_i tanh(b[i] + W[i,:] . x).
// Active W, b and x.
GRADGEN_DIFFERENTIABLE
double dense_tanh(const double *W, const double *b, const double *x, int m,
                  int n) {
  double s = 0;
  for (int i = 0; i < m; ++i) {
    double z = b[i];
    for (int j = 0; j < n; ++j)
      z += W[i * n + j] * x[j];
    s += std::tanh(z);
  }
  return s;
}

// A branch in a loop: the Huber loss of residuals r with threshold delta.
GRADGEN_DIFFERENTIABLE
double huber(const double *r, int n, GRADGEN_CONST double delta) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    double a = std::fabs(r[i]);
    if (a <= delta)
      s += 0.5 * r[i] * r[i];
    else
      s += delta * (a - 0.5 * delta);
  }
  return s;
}

} // namespace bench
