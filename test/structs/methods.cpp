// Member functions of structs with public data members, called from a
// differentiated function: the object is the pullback's first parameter
// (`self`), so `d.norm()` pulls back through Vec3_norm_pullback(d, seed,
// &d_d). Const and non-const members, members calling members (`dot(*this)`,
// `this->norm2()`), operators as members, struct results, calls through a
// pointer (`p->norm()`), and const members with non-floating results (a
// test in a condition, no derivative); static members are functions. The
// command and the plugin agree.
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

// CHECK: static void Vec3_operator_minus_pullback(const Vec3 &self, const Vec3 &o, Vec3 &result, Vec3 *d_self, Vec3 *d_o, Vec3 *d_result);
// CHECK: static void Vec3_norm_pullback(const Vec3 &self, double d_ret, Vec3 *d_self);
// CHECK: static void Vec3_scale_pullback_10(Vec3 &self, double s, Vec3 *d_self);
// CHECK: static void Vec3_sq_pullback(double v, double d_ret, double *d_v);
struct Vec3 {
  double x, y, z;
  double dot(const Vec3 &o) const { return x * o.x + y * o.y + z * o.z; }
  double norm2() const { return dot(*this); }
  double norm() const { return std::sqrt(this->norm2()); }
  Vec3 operator-(const Vec3 &o) const { return {x - o.x, y - o.y, z - o.z}; }
  Vec3 operator*(double s) const { return {x * s, y * s, z * s}; }
  Vec3 cross(const Vec3 &o) const {
    return {y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x};
  }
  void scale(double s) {
    x *= s;
    y *= s;
    z *= s;
  }
  bool small() const { return norm2() < 1e-6; }
  static double sq(double v) { return v * v; }
};

// A chain of springs of rest length 1.
// CHECK-LABEL: double springs_grad({{.*}}) {
// CHECK: d = p[i + 1] - p[i];
// CHECK: if (d.small()) {
GRADGEN_DIFFERENTIABLE
double springs(const Vec3 *p, int n, double k) {
  double e = 0;
  for (int i = 0; i + 1 < n; ++i) {
    Vec3 d = p[i + 1] - p[i];
    if (d.small())
      continue;
    e += k * (d.norm() - 1.0) * (d.norm() - 1.0);
  }
  return e;
}

// A non-const member changes its object.
GRADGEN_DIFFERENTIABLE
double torque(Vec3 r, Vec3 f, double s) {
  Vec3 t = r.cross(f * s);
  t.scale(0.5);
  return t.norm2() + r.dot(f) + Vec3::sq(s);
}

// Through a pointer.
GRADGEN_DIFFERENTIABLE
double ptrs(const Vec3 *p, double w) {
  return p->norm() * w + (p + 1)->dot(p[0]);
}

// A non-const member with an integer result changes its object: a call
// gradgen tracks (the reverse sweep needs c.i's values), not a test.
struct Cursor {
  int i;
  int next() { return i++; }
};
GRADGEN_DIFFERENTIABLE
double walk(const double *x, int n) {
  Cursor c{0};
  double s = 0;
  while (c.i < n) {
    int k = c.next();
    s += x[k] * x[k] * (k + 1);
  }
  return s;
}

double walk_grad(const double *x, int n, double *d_x);
double springs_grad(const Vec3 *p, int n, double k, Vec3 *d_p, double *d_k);
double torque_grad(Vec3 r, Vec3 f, double s, Vec3 *d_r, Vec3 *d_f,
                   double *d_s);
double ptrs_grad(const Vec3 *p, double w, Vec3 *d_p, double *d_w);

int main() {
  // The last two points coincide: that spring is skipped.
  Vec3 p[4] = {{0, 0, 0}, {1.2, 0.5, -0.2}, {0.3, 2, 0.7}, {0.3, 2, 0.7}};
  Vec3 dp[4] = {};
  double dk = 0;
  gg::near("springs value", springs_grad(p, 4, 1.3, dp, &dk),
           springs(p, 4, 1.3));
  std::vector<double> P;
  for (const Vec3 &v : p)
    for (double c : {v.x, v.y, v.z})
      P.push_back(c);
  auto E = [](std::vector<double> V) {
    Vec3 q[4];
    for (int i = 0; i < 4; ++i)
      q[i] = {V[3 * i], V[3 * i + 1], V[3 * i + 2]};
    return springs(q, 4, 1.3);
  };
  for (int i = 0; i < 4; ++i) {
    gg::near("springs d_p.x", dp[i].x, gg::fd(E, P, 3 * i), 1e-6);
    gg::near("springs d_p.y", dp[i].y, gg::fd(E, P, 3 * i + 1), 1e-6);
    gg::near("springs d_p.z", dp[i].z, gg::fd(E, P, 3 * i + 2), 1e-6);
  }
  gg::near("springs d_k", dk, springs(p, 4, 1.0));

  Vec3 r{0.4, -0.3, 1.1}, f{0.9, 0.2, -0.5}, dr{}, df{};
  double ds = 0;
  gg::near("torque value", torque_grad(r, f, 0.7, &dr, &df, &ds),
           torque(r, f, 0.7));
  std::vector<double> X = {r.x, r.y, r.z, f.x, f.y, f.z, 0.7};
  auto T = [](std::vector<double> V) {
    return torque({V[0], V[1], V[2]}, {V[3], V[4], V[5]}, V[6]);
  };
  double G[7] = {dr.x, dr.y, dr.z, df.x, df.y, df.z, ds};
  for (int i = 0; i < 7; ++i)
    gg::near("torque d", G[i], gg::fd(T, X, i), 1e-6);

  Vec3 q[2] = {{0.5, 0.1, -0.3}, {1.0, 2.0, 0.5}}, dq[2] = {};
  double dw = 0;
  gg::near("ptrs value", ptrs_grad(q, 1.5, dq, &dw), ptrs(q, 1.5));
  std::vector<double> Q = {0.5, 0.1, -0.3, 1.0, 2.0, 0.5};
  auto R = [](std::vector<double> V) {
    Vec3 qq[2] = {{V[0], V[1], V[2]}, {V[3], V[4], V[5]}};
    return ptrs(qq, 1.5);
  };
  double GQ[6] = {dq[0].x, dq[0].y, dq[0].z, dq[1].x, dq[1].y, dq[1].z};
  for (int i = 0; i < 6; ++i)
    gg::near("ptrs d_p", GQ[i], gg::fd(R, Q, i), 1e-6);
  gg::near("ptrs d_w", dw, q[0].norm());

  double wx[3] = {0.5, -1.0, 2.0}, wd[3] = {};
  walk_grad(wx, 3, wd);
  for (int k = 0; k < 3; ++k)
    gg::near("walk d_x", wd[k], 2 * wx[k] * (k + 1));
  return gg::result();
}
