// Data-dependent while loops: Newton iteration run to a tolerance, and a
// growth loop whose trip count depends on the inputs. The reverse sweep must
// replay exactly the iterations the forward sweep ran.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// Cube root of a*b by Newton's method, to a relative tolerance. At
// convergence dy/da = b / (3 y^2), dy/db = a / (3 y^2).
GRADGEN_DIFFERENTIABLE
double newton_cbrt(double a, double b) {
  double c = a * b;
  double y = c > 1 ? c : 1;
  double r = y * y * y - c;
  int it = 0;
  while (std::fabs(r) > 1e-13 * c && it < 100) {
    y = y - r / (3 * y * y);
    r = y * y * y - c;
    it++;
  }
  return y;
}

// s grows by s = s r + x until it passes limit; the result is s times the
// number of steps taken. Trip count depends on the data.
GRADGEN_DIFFERENTIABLE
double grow(double s0, double r, double x, GRADGEN_CONST double limit) {
  double s = s0;
  int n = 0;
  while (s < limit) {
    s = s * r + x;
    n++;
  }
  return s * n;
}

double newton_cbrt_grad(double a, double b, double *d_a, double *d_b);
double grow_grad(double s0, double r, double x, double limit, double *d_s0,
                 double *d_r, double *d_x);

int main() {
  const double Pts[4][2] = {{2.5, 3.1}, {0.3, 0.7}, {17.0, 41.0}, {1.0, 0.999}};
  for (auto &P : Pts) {
    double A = P[0], B = P[1], Da = 0, Db = 0;
    double Y = newton_cbrt_grad(A, B, &Da, &Db);
    gg::near("cbrt value", Y, std::cbrt(A * B), 1e-12);
    gg::near("cbrt d/da", Da, B / (3 * Y * Y), 1e-8);
    gg::near("cbrt d/db", Db, A / (3 * Y * Y), 1e-8);
    auto F = [](const std::vector<double> &v) { return newton_cbrt(v[0], v[1]); };
    gg::near("cbrt fd a", Da, gg::fd(F, {A, B}, 0), 1e-6);
    gg::near("cbrt fd b", Db, gg::fd(F, {A, B}, 1), 1e-6);
  }

  // grow: at (s0, r, x) = (1, 1.3, 0.4), limit 50, count the steps and build
  // the derivative of s_n = s0 r^n + x (r^{n-1} + ... + 1) by hand.
  const double Cases[3][4] = {
      {1.0, 1.3, 0.4, 50}, {0.2, 1.05, 0.9, 20}, {3.0, 2.0, -0.5, 1000}};
  for (auto &C : Cases) {
    double S0 = C[0], R = C[1], X = C[2], L = C[3];
    int N = 0;
    double S = S0, DsDs0 = 1, DsDr = 0, DsDx = 0;
    while (S < L) {
      DsDr = DsDr * R + S;
      DsDs0 = DsDs0 * R;
      DsDx = DsDx * R + 1;
      S = S * R + X;
      N++;
    }
    double Ds0 = 0, Dr = 0, Dx = 0;
    gg::near("grow value", grow_grad(S0, R, X, L, &Ds0, &Dr, &Dx), S * N);
    gg::near("grow d/ds0", Ds0, N * DsDs0);
    gg::near("grow d/dr", Dr, N * DsDr);
    gg::near("grow d/dx", Dx, N * DsDx);
    auto F = [&](const std::vector<double> &v) { return grow(v[0], v[1], v[2], L); };
    gg::near("grow fd s0", Ds0, gg::fd(F, {S0, R, X}, 0), 1e-6);
    gg::near("grow fd r", Dr, gg::fd(F, {S0, R, X}, 1), 1e-6);
    gg::near("grow fd x", Dx, gg::fd(F, {S0, R, X}, 2), 1e-6);
  }
  return gg::result();
}
