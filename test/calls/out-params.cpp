// Callees that write through pointer and reference parameters: a rotation
// helper filling a caller's local `double R[9]`, a helper writing a 3-vector
// into a local, a helper reading and updating an array in place, a helper
// writing a reference, and a helper writing through the annotated function's
// own output parameter (after a local). The pullbacks take the adjoint of the final value
// of each written parameter and return the adjoint of its initial value.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// CHECK-DAG: static void rodrigues_pullback(const double *w, double *R, double *d_w, double *d_R)
// CHECK-DAG: static void polar_pullback(

// Rotation matrix of the angle-axis vector w (row-major), with the
// small-angle branch.
static void rodrigues(const double *w, double *R) {
  double th2 = w[0] * w[0] + w[1] * w[1] + w[2] * w[2];
  if (th2 > 1e-12) {
    double th = std::sqrt(th2);
    double c = std::cos(th), s = std::sin(th);
    double k[3] = {w[0] / th, w[1] / th, w[2] / th};
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 3; ++j)
        R[3 * i + j] = (1 - c) * k[i] * k[j] + (i == j ? c : 0.0);
    R[1] -= s * k[2];
    R[2] += s * k[1];
    R[3] += s * k[2];
    R[5] -= s * k[0];
    R[6] -= s * k[1];
    R[7] += s * k[0];
  } else {
    R[0] = 1;  R[1] = -w[2]; R[2] = w[1];
    R[3] = w[2]; R[4] = 1;  R[5] = -w[0];
    R[6] = -w[1]; R[7] = w[0]; R[8] = 1;
  }
}

static void matvec(const double *R, const double *v, double *out) {
  for (int i = 0; i < 3; ++i) {
    out[i] = 0;
    for (int j = 0; j < 3; ++j)
      out[i] += R[3 * i + j] * v[j];
  }
}

// Reads and rewrites its array in place.
static void squash(double *v, int n) {
  for (int i = 0; i < n; ++i)
    v[i] = std::tanh(v[i]) * v[(i + 1) % n];
}

// Two outputs through references.
static void polar(double x, double y, double &r, double &phi) {
  r = std::hypot(x, y);
  phi = std::atan2(y, x);
}

// f(w, v, p, q) = |R(w) v|^2-weighted sum, with in-place and reference
// outputs; also writes R(w) v into out (an output parameter).
GRADGEN_DIFFERENTIABLE
double f(const double *w, const double *v, double p, double q, double *out) {
  double R[9];
  rodrigues(w, R);
  double Rv[3];
  matvec(R, v, Rv);
  for (int i = 0; i < 3; ++i)
    out[i] = Rv[i];
  double t[3] = {out[0], out[1] * p, out[2] + q};
  squash(t, 3);
  double r, phi;
  polar(t[0] + p, t[1] - q, r, phi);
  return r * std::cos(phi) + 2 * r + t[2] * out[1];
}

double f_grad(const double *w, const double *v, double p, double q, double *out,
              double *d_w, double *d_v, double *d_p, double *d_q, double *d_out);

// The whole input as one vector: w[3], v[3], p, q.
static double F(const std::vector<double> &X) {
  double Out[3];
  return f(&X[0], &X[3], X[6], X[7], Out);
}

static void check(const char *What, std::vector<double> X) {
  double Dw[3] = {0, 0, 0}, Dv[3] = {0, 0, 0}, Dp = 0, Dq = 0;
  double Out[3] = {0, 0, 0}, DOut[3] = {0, 0, 0};
  double Value = f_grad(&X[0], &X[3], X[6], X[7], Out, Dw, Dv, &Dp, &Dq, DOut);
  std::printf("%s\n", What);
  gg::near("value", Value, F(X));
  // The primal output is written.
  double R[9], Want[3];
  rodrigues(&X[0], R);
  matvec(R, &X[3], Want);
  for (int I = 0; I < 3; ++I)
    gg::near("out", Out[I], Want[I]);
  for (int I = 0; I < 3; ++I)
    gg::near("d/dw", Dw[I], gg::fd(F, X, I), 1e-6);
  for (int I = 0; I < 3; ++I)
    gg::near("d/dv", Dv[I], gg::fd(F, X, 3 + I), 1e-6);
  gg::near("d/dp", Dp, gg::fd(F, X, 6), 1e-6);
  gg::near("d/dq", Dq, gg::fd(F, X, 7), 1e-6);
  // out is overwritten before it is read: its initial value has no adjoint.
  for (int I = 0; I < 3; ++I)
    gg::near("d/dout", DOut[I], 0);
}

int main() {
  check("large angle", {0.3, -0.5, 0.9, 1.2, -0.4, 0.7, 0.6, -0.3});
  check("another", {-1.1, 0.2, 0.4, 0.5, 0.8, -0.9, -0.2, 0.45});
  // The small-angle branch (R = I + [w]x) is exact to first order at w = 0.
  check("zero angle", {0.0, 0.0, 0.0, 1.2, -0.4, 0.7, 0.6, -0.3});
  return gg::result();
}
