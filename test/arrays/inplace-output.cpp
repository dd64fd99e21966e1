// Soundness: writes through an active pointer parameter that are later read
// nonlinearly: y[i] = y[i] * y[i] + x[i], in place, over several passes. The
// gradient is with respect to y's contents on entry; after f_grad returns,
// y must hold exactly what the primal leaves in it.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double square_in_place(double *y, const double *x, int n, int passes) {
  for (int p = 0; p < passes; ++p)
    for (int i = 0; i < n; ++i)
      y[i] = y[i] * y[i] + 0.25 * x[i];
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += y[i] * y[i] * y[i];
  return s;
}

// One pass, the plain form: y[i] = y[i] * y[i]; result sum of y.
// d/dy_i = 2 y_i (y on entry).
GRADGEN_DIFFERENTIABLE
double square_once(double *y, int n) {
  for (int i = 0; i < n; ++i)
    y[i] = y[i] * y[i];
  double s = 0;
  for (int i = 0; i < n; ++i)
    s += y[i];
  return s;
}

// A reference parameter updated in place and read after.
GRADGEN_DIFFERENTIABLE
double ref_update(double &r, const double *x, int n) {
  for (int i = 0; i < n; ++i)
    r = r * x[i] + r * r;
  return r * 2;
}

// Conditional in-place writes, then a while loop whose condition reads the
// written values.
GRADGEN_DIFFERENTIABLE
double cond_write(double *y, const double *x, int n) {
  for (int i = 0; i < n; ++i)
    if (x[i] > 0)
      y[i] = y[i] * y[i];
  double s = 0;
  int j = 0;
  while (j < n && y[j] < 0.5) {
    s += y[j] * x[j];
    j++;
  }
  return s;
}

double square_in_place_grad(double *y, const double *x, int n, int passes,
                            double *d_y, double *d_x);
void square_in_place_pullback(double *y, const double *x, int n, int passes,
                              double d_ret, double *d_y, double *d_x);
double square_once_grad(double *y, int n, double *d_y);
double cond_write_grad(double *y, const double *x, int n, double *d_y,
                       double *d_x);
double ref_update_grad(double &r, const double *x, int n, double *d_r,
                       double *d_x);

int main() {
  const int N = 5, Passes = 3;
  const double Y0[N] = {0.3, -0.5, 0.7, 0.1, -0.2};
  const double X0[N] = {0.4, 0.2, -0.6, 0.9, 0.5};

  // Primal leaves Yp.
  double Yp[N];
  for (int I = 0; I < N; ++I) Yp[I] = Y0[I];
  double Want = square_in_place(Yp, X0, N, Passes);

  // grad: value, final contents, gradient vs finite differences.
  std::vector<double> P(2 * N);
  for (int I = 0; I < N; ++I) {
    P[I] = Y0[I];
    P[N + I] = X0[I];
  }
  auto F = [&](const std::vector<double> &v) {
    std::vector<double> Y(v.begin(), v.begin() + N);
    return square_in_place(Y.data(), v.data() + N, N, Passes);
  };
  {
    double Yg[N], Dy[N] = {}, Dx[N] = {};
    for (int I = 0; I < N; ++I) Yg[I] = Y0[I];
    gg::near("grad value", square_in_place_grad(Yg, X0, N, Passes, Dy, Dx), Want);
    for (int I = 0; I < N; ++I)
      gg::near("grad leaves y", Yg[I], Yp[I], 0);
    for (int I = 0; I < N; ++I) {
      gg::near("grad d/dy", Dy[I], gg::fd(F, P, I), 1e-6);
      gg::near("grad d/dx", Dx[I], gg::fd(F, P, N + I), 1e-6);
    }
  }
  // pullback: same, scaled by d_ret.
  {
    double Yg[N], Dy[N] = {}, Dx[N] = {};
    for (int I = 0; I < N; ++I) Yg[I] = Y0[I];
    square_in_place_pullback(Yg, X0, N, Passes, -1.5, Dy, Dx);
    for (int I = 0; I < N; ++I)
      gg::near("pullback leaves y", Yg[I], Yp[I], 0);
    for (int I = 0; I < N; ++I) {
      gg::near("pullback d/dy", Dy[I], -1.5 * gg::fd(F, P, I), 1e-6);
      gg::near("pullback d/dx", Dx[I], -1.5 * gg::fd(F, P, N + I), 1e-6);
    }
  }
  // square_once: analytic.
  {
    double Y[N], Dy[N] = {}, Sum = 0;
    for (int I = 0; I < N; ++I) {
      Y[I] = Y0[I];
      Sum += Y0[I] * Y0[I];
    }
    gg::near("once value", square_once_grad(Y, N, Dy), Sum);
    for (int I = 0; I < N; ++I) {
      gg::near("once leaves y", Y[I], Y0[I] * Y0[I], 0);
      gg::near("once d/dy", Dy[I], 2 * Y0[I]);
    }
  }
  // ref_update: final r and gradient.
  {
    double R = 0.35, Rp = 0.35;
    double Want2 = ref_update(Rp, X0, N);
    double Dr = 0, Dx[N] = {};
    gg::near("ref value", ref_update_grad(R, X0, N, &Dr, Dx), Want2);
    gg::near("ref leaves r", R, Rp, 0);
    std::vector<double> Q(N + 1);
    Q[0] = 0.35;
    for (int I = 0; I < N; ++I) Q[I + 1] = X0[I];
    auto G = [&](const std::vector<double> &v) {
      double Rr = v[0];
      return ref_update(Rr, v.data() + 1, N);
    };
    gg::near("ref d/dr", Dr, gg::fd(G, Q, 0), 1e-6);
    for (int I = 0; I < N; ++I)
      gg::near("ref d/dx", Dx[I], gg::fd(G, Q, I + 1), 1e-6);
  }
  // cond_write: y = {.3, .9, -.4, .2, .6}, x = {.5, -.2, .7, .1, .3}:
  // y -> {.09, .9, .16, .04, .36}; the while stops at j = 1 (y1 = .9):
  // s = y0^2 x0 (y0 on entry), so d/dy0 = 2 y0 x0 and d/dx0 = y0^2.
  {
    std::vector<double> Pc = {0.3, 0.9, -0.4, 0.2, 0.6, 0.5, -0.2, 0.7, 0.1, 0.3};
    auto G = [&](const std::vector<double> &v) {
      std::vector<double> Y(v.begin(), v.begin() + 5);
      return cond_write(Y.data(), v.data() + 5, 5);
    };
    std::vector<double> Yg(Pc.begin(), Pc.begin() + 5), Yp = Yg;
    double Want3 = cond_write(Yp.data(), Pc.data() + 5, 5);
    double D[10] = {};
    gg::near("cond value", cond_write_grad(Yg.data(), Pc.data() + 5, 5, D, D + 5), Want3);
    gg::near("cond value by hand", Want3, 0.09 * 0.5);
    for (int I = 0; I < 5; ++I)
      gg::near("cond final y", Yg[I], Yp[I], 0);
    gg::near("cond d/dy0", D[0], 2 * 0.3 * 0.5);
    gg::near("cond d/dx0", D[5], 0.09);
    for (int I = 0; I < 10; ++I)
      gg::near("cond fd", D[I], gg::fd(G, Pc, I), 1e-6);
  }
  return gg::result();
}
