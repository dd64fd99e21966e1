// Local references and pointers that name memory gradgen tracks (`double &r
// = x[i];`, `const double *row = A + i * n;`, `const P &a = ps[i];`) are
// read as names for it: each use is the expression they were bound to, so
// the generated code indexes the memory directly. A const reference bound
// to a temporary is a copy. The command and the plugin write the same file.
// RUN: rm -rf %t && mkdir -p %t/plug
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags -fplugin=%plugin -fplugin-arg-gradgen-out=%t/plug/out.cpp -fsyntax-only %s
// RUN: diff %t/out.cpp %t/plug/out.cpp
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include <vector>
#include "../Inputs/gg_check.h"

struct P {
  double x, y;
};

// A row pointer into a matrix: y = A x, loss = sum y^2.
// CHECK-LABEL: double matvec_grad(
// CHECK: y += A[i * n + j] * x[j];
// CHECK: d_A[i * n + j] += _d_y * x[j];
GRADGEN_DIFFERENTIABLE
double matvec(const double *A, const double *x, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) {
    const double *row = A + i * n;
    double y = 0;
    for (int j = 0; j < n; ++j)
      y += row[j] * x[j];
    s += y * y;
  }
  return s;
}

// A reference to an element of a local array, written through, in a loop
// that rebinds it each time.
GRADGEN_DIFFERENTIABLE
double accum(const double *x, int n) {
  double u[4] = {0, 0, 0, 0};
  for (int i = 0; i < n; ++i) {
    double &slot = u[i % 4];
    slot += x[i] * x[i];
    slot *= 1.5;
  }
  return u[0] * u[1] + u[2] * u[3];
}

// References to structs in an array.
GRADGEN_DIFFERENTIABLE
double springs(const P *ps, int n, double k) {
  double e = 0;
  for (int i = 0; i + 1 < n; ++i) {
    const P &a = ps[i];
    const P &b = ps[i + 1];
    double dx = b.x - a.x, dy = b.y - a.y;
    e += k * (dx * dx + dy * dy);
  }
  return e;
}

// A const reference bound to a temporary is a copy: changing a later does
// not change t.
GRADGEN_DIFFERENTIABLE
double temp(double a, double b) {
  const double &t = a * b;
  a = 3 * a;
  return t * a;
}

// A pointer made with &x[k], used with [] and *(p + i); a reference to a
// local scalar.
GRADGEN_DIFFERENTIABLE
double tail(const double *x, int n, double w) {
  const double *p = &x[1];
  double acc = 0;
  double &r = acc;
  for (int i = 0; i + 1 < n; ++i)
    r += w * p[i] * *(p + i);
  return acc;
}

// A callee that writes the caller's memory through a reference it binds:
// gradgen must see the write.
static void bump(double *p, int k, double v) {
  double &r = p[k];
  r += v * v;
}
GRADGEN_DIFFERENTIABLE
double usebump(double a) {
  double u[3] = {a, 2 * a, 0};
  bump(u, 1, a);
  return u[1] * u[0];
}

// The index array is only read, and elements of x other than the bound one
// are written: r keeps naming x[idx[0]], also when that is x[1].
GRADGEN_DIFFERENTIABLE
double indexed(double *x, const int *idx) {
  double &r = x[idx[0]];
  x[1] = x[0] * x[2];
  r *= 2;
  return r * x[1];
}

// Pointers into a std::vector: &X[i * d] and v.data().
// CHECK-LABEL: double logits_grad({{.*}}) {
// CHECK: z += w[j] * X[i * d + j];
GRADGEN_DIFFERENTIABLE
double logits(const std::vector<double> &w,
              GRADGEN_CONST const std::vector<double> &X, int d, int n) {
  const double *wp = w.data();
  double s = 0;
  for (int i = 0; i < n; ++i) {
    const double *xi = &X[i * d];
    double z = 0;
    for (int j = 0; j < d; ++j)
      z += w[j] * xi[j];
    s += std::tanh(z) * wp[i % d];
  }
  return s;
}

double matvec_grad(const double *A, const double *x, int n, double *d_A,
                   double *d_x);
double logits_grad(const std::vector<double> &w, const std::vector<double> &X,
                   int d, int n, std::vector<double> *d_w);
double accum_grad(const double *x, int n, double *d_x);
double springs_grad(const P *ps, int n, double k, P *d_ps, double *d_k);
double temp_grad(double a, double b, double *d_a, double *d_b);
double tail_grad(const double *x, int n, double w, double *d_x, double *d_w);
double usebump_grad(double a, double *d_a);
double indexed_grad(double *x, const int *idx, double *d_x);

int main() {
  const int n = 3;
  std::vector<double> A = {1, 2, -1, 0.5, 3, 1, -2, 1, 0.25};
  std::vector<double> x = {0.3, -1.2, 2};
  std::vector<double> dA(9, 0), dx(3, 0);
  gg::near("matvec value",
           matvec_grad(A.data(), x.data(), n, dA.data(), dx.data()),
           matvec(A.data(), x.data(), n));
  for (int k = 0; k < 9; ++k)
    gg::near("matvec d_A", dA[k], gg::fd([&](std::vector<double> V) {
               return matvec(V.data(), x.data(), n);
             }, A, k), 1e-6);
  for (int k = 0; k < 3; ++k)
    gg::near("matvec d_x", dx[k], gg::fd([&](std::vector<double> V) {
               return matvec(A.data(), V.data(), n);
             }, x, k), 1e-6);

  std::vector<double> y = {0.5, -0.7, 1.1, 0.2, 0.9, -0.4, 1.3};
  std::vector<double> dy(7, 0);
  accum_grad(y.data(), 7, dy.data());
  for (int k = 0; k < 7; ++k)
    gg::near("accum d_x", dy[k], gg::fd([&](std::vector<double> V) {
               return accum(V.data(), 7);
             }, y, k), 1e-6);

  P ps[3] = {{0, 0}, {1, 0.5}, {0.3, 2}};
  P dps[3] = {};
  double dk = 0;
  springs_grad(ps, 3, 0.7, dps, &dk);
  gg::near("springs d_k", dk, springs(ps, 3, 1.0));
  gg::near("springs d_ps[0].x", dps[0].x, 0.7 * 2 * (0 - 1));
  gg::near("springs d_ps[1].y", dps[1].y,
           0.7 * (2 * (0.5 - 0) - 2 * (2 - 0.5)));

  // temp(a, b) = (a b)(3 a) = 3 a^2 b.
  double da = 0, db = 0;
  gg::near("temp value", temp_grad(1.5, 2.0, &da, &db), 3 * 1.5 * 1.5 * 2.0);
  gg::near("temp d_a", da, 6 * 1.5 * 2.0);
  gg::near("temp d_b", db, 3 * 1.5 * 1.5);

  std::vector<double> dz(7, 0);
  double dw = 0;
  tail_grad(y.data(), 7, 0.6, dz.data(), &dw);
  for (int k = 0; k < 7; ++k)
    gg::near("tail d_x", dz[k], gg::fd([&](std::vector<double> V) {
               return tail(V.data(), 7, 0.6);
             }, y, k), 1e-6);
  gg::near("tail d_w", dw, tail(y.data(), 7, 1.0));

  // usebump(a) = (2a + a^2) a = 2a^2 + a^3.
  da = 0;
  gg::near("usebump value", usebump_grad(0.7, &da), 2 * 0.49 + 0.343);
  gg::near("usebump d_a", da, 4 * 0.7 + 3 * 0.49);

  for (int first : {0, 1, 2}) {
    int idx[1] = {first};
    std::vector<double> v = {0.4, -1.1, 1.7}, dv(3, 0);
    std::vector<double> v0 = v;
    indexed_grad(v.data(), idx, dv.data());
    for (int k = 0; k < 3; ++k)
      gg::near("indexed d_x", dv[k], gg::fd([&](std::vector<double> V) {
                 return indexed(V.data(), idx);
               }, v0, k), 1e-6);
  }
  std::vector<double> W = {0.3, -0.2, 0.5};
  std::vector<double> XS = {1, 2, 0.5, -1, 0.3, 0.8, 0.2, -0.4, 1.5, 0.9};
  std::vector<double> DW(3, 0.0);
  gg::near("logits value", logits_grad(W, XS, 3, 3, &DW), logits(W, XS, 3, 3));
  for (int j = 0; j < 3; ++j)
    gg::near("logits d_w", DW[j], gg::fd([&](std::vector<double> V) {
               return logits(V, XS, 3, 3);
             }, W, j), 1e-6);
  return gg::result();
}
