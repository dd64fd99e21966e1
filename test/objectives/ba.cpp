// Bundle adjustment (the ADBench / GradBench BA reprojection error), written
// from its definition. Each camera has 11 parameters: rotation as an
// angle-axis vector r[3], center C[3], focal length f, principal point
// x0[2], radial distortion kappa[2]. A point X is projected by
//   Xc = R(r) (X - C)                    (Rodrigues, in a helper that writes
//                                         through a pointer, with the
//                                         small-angle branch R ~ I + [r]x)
//   p = Xc[0:2] / Xc[2]
//   p = p (1 + kappa0 |p|^2 + kappa1 |p|^4)
//   proj = f p + x0
// and each observation (camera c, point j, feature u, weight w) has the
// weighted residual w (proj - u). The objective is the sum of squared
// weighted residuals. Cameras, points and weights are active; features and
// the observation indices are not. One camera has a zero rotation (the
// small-angle branch). Every partial is checked against central finite
// differences.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include <vector>
#include "../Inputs/gg_check.h"

// CHECK: double ba_objective_grad(const double *cams, const double *pts, const double *w, const double *feats, const int *obs, int nobs, double *d_cams, double *d_pts, double *d_w)
// CHECK: static void rodrigues_pullback(const double *w, const double *X, double *out, double *d_w, double *d_X, double *d_out)

// out = R(w) X, Rodrigues' formula; for a tiny angle, X + w x X.
static void rodrigues(const double *w, const double *X, double *out) {
  double sqtheta = w[0] * w[0] + w[1] * w[1] + w[2] * w[2];
  if (sqtheta > 1e-20) {
    double theta = std::sqrt(sqtheta);
    double c = std::cos(theta), s = std::sin(theta);
    double k[3] = {w[0] / theta, w[1] / theta, w[2] / theta};
    double kx[3] = {k[1] * X[2] - k[2] * X[1], k[2] * X[0] - k[0] * X[2],
                    k[0] * X[1] - k[1] * X[0]};
    double tmp = (1 - c) * (k[0] * X[0] + k[1] * X[1] + k[2] * X[2]);
    for (int i = 0; i < 3; ++i)
      out[i] = X[i] * c + kx[i] * s + k[i] * tmp;
  } else {
    out[0] = X[0] + w[1] * X[2] - w[2] * X[1];
    out[1] = X[1] + w[2] * X[0] - w[0] * X[2];
    out[2] = X[2] + w[0] * X[1] - w[1] * X[0];
  }
}

// p *= 1 + k0 |p|^2 + k1 |p|^4
static void distort(const double *kappa, double *p) {
  double rsq = p[0] * p[0] + p[1] * p[1];
  double L = 1 + kappa[0] * rsq + kappa[1] * rsq * rsq;
  p[0] = p[0] * L;
  p[1] = p[1] * L;
}

GRADGEN_DIFFERENTIABLE
double ba_objective(const double *cams, const double *pts, const double *w,
                    GRADGEN_CONST const double *feats, const int *obs, int nobs) {
  double total = 0;
  for (int o = 0; o < nobs; ++o) {
    int c = obs[2 * o], j = obs[2 * o + 1];
    double rot[3], Xm[3], Xc[3], kappa[2], p[2];
    for (int i = 0; i < 3; ++i) {
      rot[i] = cams[11 * c + i];
      Xm[i] = pts[3 * j + i] - cams[11 * c + 3 + i];
    }
    rodrigues(rot, Xm, Xc);
    p[0] = Xc[0] / Xc[2];
    p[1] = Xc[1] / Xc[2];
    kappa[0] = cams[11 * c + 9];
    kappa[1] = cams[11 * c + 10];
    distort(kappa, p);
    double f = cams[11 * c + 6];
    for (int i = 0; i < 2; ++i) {
      double r = w[o] * (f * p[i] + cams[11 * c + 7 + i] - feats[2 * o + i]);
      total += r * r;
    }
  }
  return total;
}

double ba_objective_grad(const double *cams, const double *pts, const double *w,
                         const double *feats, const int *obs, int nobs, double *d_cams,
                         double *d_pts, double *d_w);

int main() {
  const int NCam = 2, NPt = 4, NObs = 6;
  // Camera 0 has a real rotation, camera 1 a zero one (small-angle branch).
  std::vector<double> Cams = {
      0.1, -0.2, 0.3, 0.05, -0.1, -4.0, 1.2, 0.01, -0.02, 0.05, -0.01,
      0.0, 0.0, 0.0, -0.2, 0.1, -5.0, 0.9, -0.03, 0.02, -0.04, 0.02};
  std::vector<double> Pts = {0.3, -0.4, 1.0, -0.5, 0.2, 0.8, 0.1, 0.6, 1.3, -0.7, -0.3, 0.5};
  std::vector<double> W = {1.0, 0.8, 1.2, 0.9, 1.1, 0.7};
  const int Obs[2 * NObs] = {0, 0, 0, 1, 0, 3, 1, 0, 1, 2, 1, 3};
  const double Feats[2 * NObs] = {0.05, -0.1, -0.12, 0.03, -0.2, -0.05,
                                  0.06, -0.02, 0.01, 0.1, -0.1, -0.03};
  std::vector<double> P;
  P.insert(P.end(), Cams.begin(), Cams.end());
  P.insert(P.end(), Pts.begin(), Pts.end());
  P.insert(P.end(), W.begin(), W.end());
  const std::size_t PtOff = 11 * NCam, WOff = PtOff + 3 * NPt;
  auto F = [&](const std::vector<double> &Q) {
    return ba_objective(&Q[0], &Q[PtOff], &Q[WOff], Feats, Obs, NObs);
  };
  std::vector<double> G(P.size(), 0.0);
  double Value = ba_objective_grad(&P[0], &P[PtOff], &P[WOff], Feats, Obs, NObs, &G[0],
                                   &G[PtOff], &G[WOff]);
  gg::near("value", Value, F(P));
  // The value by hand for observation 3 (camera 1, point 0, no rotation).
  {
    double X[3] = {Pts[0] + 0.2, Pts[1] - 0.1, Pts[2] + 5.0};
    double p0 = X[0] / X[2], p1 = X[1] / X[2], rsq = p0 * p0 + p1 * p1;
    double L = 1 - 0.04 * rsq + 0.02 * rsq * rsq;
    double r0 = 0.9 * (0.9 * p0 * L - 0.03 - Feats[6]);
    double r1 = 0.9 * (0.9 * p1 * L + 0.02 - Feats[7]);
    const int One[2] = {1, 0};
    gg::near("one observation", ba_objective(&P[0], &P[PtOff], &W[3], &Feats[6], One, 1),
             r0 * r0 + r1 * r1);
  }
  // At camera 1's zero rotation the small-angle branch runs; a finite
  // difference step leaves it for the full formula, whose derivative in w at
  // 0 is the same (d/dw (R(w) X) = -[X]x), so all partials compare alike.
  for (std::size_t I = 0; I < P.size(); ++I)
    gg::near(I < PtOff ? "d/dcam" : I < WOff ? "d/dpoint" : "d/dweight", G[I],
             gg::fd(F, P, I), 1e-6);
  return gg::result();
}
