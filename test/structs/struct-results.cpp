// Helpers and operators that return structs: the result is treated as an
// out-parameter filled by the callee (`d = sub(a, b)` calls
// sub_pullback(a, b, d, &d_a, &d_b, &d_d) in reverse). Results initialize
// locals, are assigned, feed members and other calls (through temporaries),
// or are dropped; an assignment whose destination is also an argument goes
// through a temporary. Operators get pullbacks named after them
// (operator_plus_pullback). The command and the plugin write the same file.
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

struct Vec3 {
  double x, y, z;
};
struct Pair {
  Vec3 a;
  double w;
};
struct V3 {
  double v[3];
};

// CHECK: static void sub_pullback(const Vec3 &a, const Vec3 &b, Vec3 &result, Vec3 *d_a, Vec3 *d_b, Vec3 *d_result);
// CHECK: static void operator_times_pullback(double s, const Vec3 &v, Vec3 &result, double *d_s, Vec3 *d_v, Vec3 *d_result);
// CHECK: static void operator_plus_pullback(const Vec3 &a, const Vec3 &b, Vec3 &result, Vec3 *d_a, Vec3 *d_b, Vec3 *d_result);
static Vec3 sub(const Vec3 &a, const Vec3 &b) {
  return {a.x - b.x, a.y - b.y, a.z - b.z};
}
static double dot(const Vec3 &a, const Vec3 &b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}
static Vec3 scale(Vec3 v, double s) {
  Vec3 r = v;
  r.x *= s;
  r.y *= s;
  r.z *= s;
  return r;
}
static Vec3 operator+(const Vec3 &a, const Vec3 &b) {
  return Vec3{a.x + b.x, a.y + b.y, a.z + b.z};
}
static Vec3 operator*(double s, const Vec3 &v) { return scale(v, s); }
static Vec3 operator-(const Vec3 &v) { return scale(v, -1.0); }
static Vec3 unit(const Vec3 &v) {
  double n = std::sqrt(dot(v, v));
  if (n < 1e-12)
    return v;
  return scale(v, 1.0 / n);
}
static Pair mk(const Vec3 &a, double w) {
  Pair p;
  p.a = a;
  p.w = w * w;
  return p;
}
static V3 add(const V3 &a, const V3 &b) {
  V3 r{{a.v[0] + b.v[0], a.v[1] + b.v[1], a.v[2] + b.v[2]}};
  return r;
}
static double dot3(const V3 &a, const V3 &b) {
  return a.v[0] * b.v[0] + a.v[1] * b.v[1] + a.v[2] * b.v[2];
}

// Pair energy over an array of points.
// CHECK-LABEL: double energy_grad({{.*}}) {
// CHECK: d = sub(p[i], p[j]);
// CHECK: sub_pullback(p[i], p[j], d, &d_p[i], &d_p[j], &_d_d);
GRADGEN_DIFFERENTIABLE
double energy(const Vec3 *p, int n, double k) {
  double e = 0;
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j) {
      Vec3 d = sub(p[i], p[j]);
      double r2 = dot(d, d);
      e += k / std::sqrt(r2);
    }
  return e;
}

// Every place a struct result can go.
// CHECK-LABEL: double mixed_grad({{.*}}) {
// CHECK: _operator_times = s * b;
// CHECK-NEXT: c = a + _operator_times;
GRADGEN_DIFFERENTIABLE
double mixed(Vec3 a, Vec3 b, double s) {
  Vec3 c = a + s * b;      // operators, one result an argument of the other
  c = sub(c, a);           // the destination is also an argument
  double t = sub(a, b).x;  // a member of a result
  double u = dot(unit(c), sub(b, a));
  Vec3 q;
  q = scale(c, t);
  sub(a, b);               // dropped
  Pair pr = mk(q, u);      // a nested struct
  return dot(q, c) + u * t + pr.w * pr.a.y;
}

// A leapfrog-like integrator: struct results in a loop.
// CHECK-LABEL: double integrate_grad({{.*}}) {
// CHECK: acc = -_operator_times;
GRADGEN_DIFFERENTIABLE
double integrate(Vec3 x, Vec3 v, double dt, int steps) {
  for (int s = 0; s < steps; ++s) {
    Vec3 acc = -(1.0 * x);
    v = v + dt * acc;
    x = x + dt * v;
  }
  return dot(x, x) + 0.5 * dot(v, v);
}

// A struct with an array member.
GRADGEN_DIFFERENTIABLE
double arrays(const V3 &u, V3 w) {
  V3 sum = add(u, w);
  sum = add(sum, sum);
  return dot3(sum, u);
}

// A struct result after a no_grad guard carries no gradient: d.y's second
// value counts only as a value.
GRADGEN_DIFFERENTIABLE
double cut(Vec3 a, Vec3 b) {
  Vec3 d = sub(a, b);
  double s = d.x * a.y;
  {
    gradgen::no_grad guard;
    d = sub(b, a);
  }
  return s + d.y * a.z;
}

double energy_grad(const Vec3 *p, int n, double k, Vec3 *d_p, double *d_k);
double cut_grad(Vec3 a, Vec3 b, Vec3 *d_a, Vec3 *d_b);
double mixed_grad(Vec3 a, Vec3 b, double s, Vec3 *d_a, Vec3 *d_b,
                  double *d_s);
double integrate_grad(Vec3 x, Vec3 v, double dt, int steps, Vec3 *d_x,
                      Vec3 *d_v, double *d_dt);
double arrays_grad(const V3 &u, V3 w, V3 *d_u, V3 *d_w);

int main() {
  Vec3 p[3] = {{0, 0, 0}, {1, 0.5, -0.2}, {0.3, 2, 0.7}};
  Vec3 dp[3] = {};
  double dk = 0;
  gg::near("energy value", energy_grad(p, 3, 1.3, dp, &dk),
           energy(p, 3, 1.3));
  std::vector<double> P;
  for (const Vec3 &v : p)
    for (double c : {v.x, v.y, v.z})
      P.push_back(c);
  auto E = [](std::vector<double> V) {
    Vec3 q[3];
    for (int i = 0; i < 3; ++i)
      q[i] = {V[3 * i], V[3 * i + 1], V[3 * i + 2]};
    return energy(q, 3, 1.3);
  };
  for (int i = 0; i < 3; ++i) {
    gg::near("energy d_p.x", dp[i].x, gg::fd(E, P, 3 * i), 1e-6);
    gg::near("energy d_p.y", dp[i].y, gg::fd(E, P, 3 * i + 1), 1e-6);
    gg::near("energy d_p.z", dp[i].z, gg::fd(E, P, 3 * i + 2), 1e-6);
  }
  gg::near("energy d_k", dk, energy(p, 3, 1.0));

  Vec3 a = {0.4, -0.3, 1.1}, b = {0.9, 0.2, -0.5};
  Vec3 da{}, db{};
  double ds = 0;
  gg::near("mixed value", mixed_grad(a, b, 0.7, &da, &db, &ds),
           mixed(a, b, 0.7));
  std::vector<double> X = {a.x, a.y, a.z, b.x, b.y, b.z, 0.7};
  auto M = [](std::vector<double> V) {
    return mixed({V[0], V[1], V[2]}, {V[3], V[4], V[5]}, V[6]);
  };
  double Got[7] = {da.x, da.y, da.z, db.x, db.y, db.z, ds};
  for (int i = 0; i < 7; ++i)
    gg::near("mixed d", Got[i], gg::fd(M, X, i), 1e-6);

  Vec3 x0 = {1, 0.2, -0.4}, v0 = {0, 0.5, 0.1}, dx{}, dv{};
  double ddt = 0;
  gg::near("integrate value",
           integrate_grad(x0, v0, 0.01, 500, &dx, &dv, &ddt),
           integrate(x0, v0, 0.01, 500));
  std::vector<double> Y = {x0.x, x0.y, x0.z, v0.x, v0.y, v0.z, 0.01};
  auto I = [](std::vector<double> V) {
    return integrate({V[0], V[1], V[2]}, {V[3], V[4], V[5]}, V[6], 500);
  };
  double Got2[7] = {dx.x, dx.y, dx.z, dv.x, dv.y, dv.z, ddt};
  for (int i = 0; i < 7; ++i)
    gg::near("integrate d", Got2[i], gg::fd(I, Y, i), 1e-6);

  // arrays(u, w) = 2 (u + w) . u: d_u = 2 (2u + w), d_w = 2u.
  V3 u{{0.5, -1.0, 2.0}}, w{{1.5, 0.25, -0.75}}, du{}, dw{};
  arrays_grad(u, w, &du, &dw);
  for (int k = 0; k < 3; ++k) {
    gg::near("arrays d_u", du.v[k], 2 * (2 * u.v[k] + w.v[k]));
    gg::near("arrays d_w", dw.v[k], 2 * u.v[k]);
  }
  // cut(a, b) = (a.x - b.x) a.y + [b.y - a.y] a.z, [..] without gradient.
  Vec3 ca{0.3, -1.2, 0.8}, cb{1.1, 0.4, -0.6}, dca{}, dcb{};
  gg::near("cut value", cut_grad(ca, cb, &dca, &dcb), cut(ca, cb));
  gg::near("cut d_a.x", dca.x, ca.y);
  gg::near("cut d_a.y", dca.y, ca.x - cb.x);
  gg::near("cut d_a.z", dca.z, cb.y - ca.y);
  gg::near("cut d_b.x", dcb.x, -ca.y);
  gg::near("cut d_b.y", dcb.y, 0);
  return gg::result();
}
