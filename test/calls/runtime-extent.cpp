// A callee that reads and writes a pointer only as p[i] for i from 0 below
// one of its int parameters touches p[0] .. p[n - 1], n known at the call:
// gradgen keeps those n elements of the caller's memory on a stack of
// copies before each call, even for the caller's own pointer parameters in
// a time loop (state updated in place), and writes the final values back.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include <vector>
#include "../Inputs/gg_check.h"

static void axpy(double a, const double *x, double *y, int n) {
  for (int i = 0; i < n; ++i)
    y[i] += a * x[i];
}
static void damp(double *v, int n, double c) {
  for (int i = 0; i < n; ++i)
    v[i] = v[i] * c - 0.1 * std::sin(v[i]);
}
static void fill(const double *v, int m, double *o) {
  for (int i = 0; i < m; ++i)
    o[i] = v[i] * v[i];
}

// A time loop updating the caller's state in place.
// CHECK-LABEL: double simulate_grad({{.*}}) {
// CHECK: std::vector<std::vector<double>> _saved_v;
// CHECK: _saved_v.push_back(gradgen::detail::copy_of(v, n));
// CHECK-NEXT: axpy(-dt, x, v, n);
GRADGEN_DIFFERENTIABLE
double simulate(double *x, double *v, int n, double dt, int steps) {
  for (int t = 0; t < steps; ++t) {
    axpy(-dt, x, v, n); // v -= dt * x
    damp(v, n, 0.99);
    axpy(dt, v, x, n); // x += dt * v
  }
  double e = 0;
  for (int i = 0; i < n; ++i)
    e += x[i] * x[i] + v[i] * v[i];
  return e;
}

// An offset: the second half only.
// CHECK-LABEL: double half_grad({{.*}}) {
// CHECK: _saved_y.push_back(gradgen::detail::copy_of(y + n / 2, n - n / 2));
GRADGEN_DIFFERENTIABLE
double half(double *y, const double *x, int n, double a) {
  double s = y[n / 2] * y[0];
  axpy(a, x, y + n / 2, n - n / 2);
  for (int i = 0; i < n; ++i)
    s += y[i] * y[i];
  return s;
}

// The same call on every run of a loop into the caller's memory, whose
// pullback redoes the writes (the random tester's f681, once refused).
GRADGEN_DIFFERENTIABLE
double clobber(const double *x, int n, double w[]) {
  double s = 0;
  for (int j = 0; j < 2; ++j) {
    fill(x, n, w);
    s += w[0] * w[n - 1] * (j + 1);
  }
  return s;
}

// A count that is negative at run time: no element is touched or kept.
GRADGEN_DIFFERENTIABLE
double none(double *y, const double *x, int k, double a) {
  y[0] *= a;
  axpy(a, x, y, k - 3);
  return y[0] * a;
}

double none_grad(double *y, const double *x, int k, double a, double *d_y,
                 double *d_x, double *d_a);
double simulate_grad(double *x, double *v, int n, double dt, int steps,
                     double *d_x, double *d_v, double *d_dt);
double half_grad(double *y, const double *x, int n, double a, double *d_y,
                 double *d_x, double *d_a);
double clobber_grad(const double *x, int n, double w[], double *d_x,
                    double *d_w);

int main() {
  const int n = 4;
  std::vector<double> x0 = {0.5, -0.3, 1.1, 0.2}, v0 = {0.0, 0.4, -0.2, 0.7};
  std::vector<double> x = x0, v = v0, dx(n, 0), dv(n, 0);
  double ddt = 0;
  double Got = simulate_grad(x.data(), v.data(), n, 0.05, 50, dx.data(),
                             dv.data(), &ddt);
  std::vector<double> xr = x0, vr = v0;
  gg::near("simulate value", Got, simulate(xr.data(), vr.data(), n, 0.05, 50));
  // The gradient leaves the state as simulate does.
  for (int i = 0; i < n; ++i) {
    gg::near("simulate x after", x[i], xr[i], 1e-15);
    gg::near("simulate v after", v[i], vr[i], 1e-15);
  }
  auto Fx = [&](std::vector<double> X) {
    std::vector<double> V = v0;
    return simulate(X.data(), V.data(), n, 0.05, 50);
  };
  auto Fv = [&](std::vector<double> V) {
    std::vector<double> X = x0;
    return simulate(X.data(), V.data(), n, 0.05, 50);
  };
  for (int i = 0; i < n; ++i) {
    gg::near("simulate d_x", dx[i], gg::fd(Fx, x0, i), 1e-6);
    gg::near("simulate d_v", dv[i], gg::fd(Fv, v0, i), 1e-6);
  }
  std::vector<double> DT = {0.05};
  gg::near("simulate d_dt", ddt, gg::fd([&](std::vector<double> D) {
             std::vector<double> X = x0, V = v0;
             return simulate(X.data(), V.data(), n, D[0], 50);
           }, DT, 0), 1e-6);

  const int m = 5;
  std::vector<double> y0 = {0.5, -0.3, 1.1, 0.2, 0.9};
  std::vector<double> xs = {0.1, 0.2, 0.3, 0.4, 0.5};
  std::vector<double> y = y0, dy(m, 0), dxs(m, 0);
  double da = 0;
  std::vector<double> yr = y0;
  gg::near("half value",
           half_grad(y.data(), xs.data(), m, 0.7, dy.data(), dxs.data(), &da),
           half(yr.data(), xs.data(), m, 0.7));
  auto H = [&](std::vector<double> Y) { return half(Y.data(), xs.data(), m, 0.7); };
  for (int i = 0; i < m; ++i)
    gg::near("half d_y", dy[i], gg::fd(H, y0, i), 1e-6);
  auto HX = [&](std::vector<double> X) {
    std::vector<double> Y = y0;
    return half(Y.data(), X.data(), m, 0.7);
  };
  for (int i = 0; i < m; ++i)
    gg::near("half d_x", dxs[i], gg::fd(HX, xs, i), 1e-6);

  std::vector<double> cx = {0.3, -0.8, 1.2}, w(3, 0.0), dcx(3, 0), dw(3, 0);
  clobber_grad(cx.data(), 3, w.data(), dcx.data(), dw.data());
  for (int i = 0; i < 3; ++i)
    gg::near("clobber d_x", dcx[i], gg::fd([](std::vector<double> X) {
               std::vector<double> W(3, 0.0);
               return clobber(X.data(), 3, W.data());
             }, cx, i), 1e-6);
  gg::near("clobber w after", w[2], cx[2] * cx[2]);

  // none(y, x, 1, a) = y0 a^2 with y[0] = y0 a afterwards.
  double ny[1] = {1.5}, nx[1] = {0.5}, ndy[1] = {0}, ndx[1] = {0}, nda = 0;
  gg::near("none value", none_grad(ny, nx, 1, 0.8, ndy, ndx, &nda),
           1.5 * 0.8 * 0.8);
  gg::near("none d_a", nda, 2 * 1.5 * 0.8);
  gg::near("none y after", ny[0], 1.5 * 0.8);
  return gg::result();
}
