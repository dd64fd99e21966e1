// Structs with public data members as parameters: by value (adjoint S *d_s),
// by const reference, and by pointer (an array of structs), with nested
// structs, array members and integer members (which get no gradient). The
// adjoint struct mirrors the primal: every floating member, nested, in
// arrays, accumulates its partial.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// CHECK: double f_grad(Body b, const Cam &c, const Vec2 *pts, int n, Body *d_b, Cam *d_c, Vec2 *d_pts)
// CHECK: void f_pullback(Body b, const Cam &c, const Vec2 *pts, int n, double d_ret, Body *d_b, Cam *d_c, Vec2 *d_pts)

struct Vec2 {
  double x, y;
};
struct Body {
  Vec2 pos;
  double mass;
  double coef[3];
  int id;
};
struct Cam {
  Vec2 center;
  double f[2];
  int kind;
};

GRADGEN_DIFFERENTIABLE
double f(Body b, const Cam &c, const Vec2 *pts, int n) {
  double r = 0;
  for (int i = 0; i < n; ++i) {
    double dx = pts[i].x - b.pos.x - c.center.x;
    double dy = pts[i].y - b.pos.y - c.center.y;
    r += (c.f[0] * dx * dx + c.f[1] * dy * dy) * b.coef[i % 3];
  }
  // The by-value copy may be modified locally.
  b.mass = b.mass * 2 + b.id;
  return r * b.mass + std::sin(b.coef[2]) * c.kind;
}

double f_grad(Body b, const Cam &c, const Vec2 *pts, int n, Body *d_b, Cam *d_c,
              Vec2 *d_pts);
void f_pullback(Body b, const Cam &c, const Vec2 *pts, int n, double d_ret, Body *d_b,
                Cam *d_c, Vec2 *d_pts);

// All floating inputs as one vector: b (pos.x pos.y mass coef0..2),
// c (center.x center.y f0 f1), pts (4 x 2).
static const int N = 4;
static double F(const std::vector<double> &V) {
  Body B{{V[0], V[1]}, V[2], {V[3], V[4], V[5]}, 3};
  Cam C{{V[6], V[7]}, {V[8], V[9]}, 2};
  Vec2 P[N];
  for (int I = 0; I < N; ++I)
    P[I] = {V[10 + 2 * I], V[11 + 2 * I]};
  return f(B, C, P, N);
}

int main() {
  std::vector<double> V = {0.1, -0.2, 1.5, 0.7, -0.3, 1.1, 0.05, 0.15, 2.0, 0.5,
                           1.0, 0.5, -0.4, 0.9, 0.3, -1.2, -0.8, 0.2};
  Body B{{V[0], V[1]}, V[2], {V[3], V[4], V[5]}, 3};
  Cam C{{V[6], V[7]}, {V[8], V[9]}, 2};
  Vec2 P[N];
  for (int I = 0; I < N; ++I)
    P[I] = {V[10 + 2 * I], V[11 + 2 * I]};
  Body DB{};
  Cam DC{};
  Vec2 DP[N] = {};
  DB.id = 77; // integer members of adjoints are left alone
  gg::near("value", f_grad(B, C, P, N, &DB, &DC, DP), F(V));
  // The caller's by-value struct is unchanged.
  gg::near("b.mass unchanged", B.mass, 1.5);
  double Got[18] = {DB.pos.x, DB.pos.y, DB.mass, DB.coef[0], DB.coef[1], DB.coef[2],
                    DC.center.x, DC.center.y, DC.f[0], DC.f[1]};
  for (int I = 0; I < N; ++I) {
    Got[10 + 2 * I] = DP[I].x;
    Got[11 + 2 * I] = DP[I].y;
  }
  for (int I = 0; I < 18; ++I)
    gg::near("d/dv_i", Got[I], gg::fd(F, V, I), 1e-6);
  gg::near("adjoint int member", DB.id, 77);
  // The pullback scales.
  Body PB{};
  Cam PC{};
  Vec2 PP[N] = {};
  f_pullback(B, C, P, N, 0.5, &PB, &PC, PP);
  gg::near("pullback d/dmass", PB.mass, 0.5 * DB.mass);
  gg::near("pullback d/dc.f1", PC.f[1], 0.5 * DC.f[1]);
  gg::near("pullback d/dpts[3].y", PP[3].y, 0.5 * DP[3].y);
  return gg::result();
}
