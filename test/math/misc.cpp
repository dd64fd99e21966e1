// fma (three arguments), std::abs on floating values, pow with a constant
// exponent, math calls on constants, and compositions of math
// functions; against analytic derivatives and finite differences.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include <math.h>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double m_fma(double a, double b, double c) { return std::fma(a, b, c); }
GRADGEN_DIFFERENTIABLE
double m_cfma(double a, double b, double c) { return fma(a, b, c); }
GRADGEN_DIFFERENTIABLE
float m_fmaf(float a, float b, float c) { return fmaf(a, b, c); }
GRADGEN_DIFFERENTIABLE
long double m_fmal(long double a, long double b, long double c) {
  return std::fma(a, b, c);
}
GRADGEN_DIFFERENTIABLE
double m_abs(double x) { return std::abs(x) * x; }
GRADGEN_DIFFERENTIABLE
double m_pow_half(double x) { return pow(x, 0.5) + std::pow(2.0, x); }
GRADGEN_DIFFERENTIABLE
double m_const_call(double x) { return std::sqrt(2.0) * x + std::exp(1.0); }
GRADGEN_DIFFERENTIABLE
double m_compose(double x, double y) {
  return std::log(std::sqrt(x * x + y * y) + 1) * std::sin(x * y) +
         std::exp(std::tanh(y) / (1 + x * x)) - std::atan2(std::cos(x), y);
}

double m_fma_grad(double a, double b, double c, double *d_a, double *d_b,
                  double *d_c);
double m_cfma_grad(double a, double b, double c, double *d_a, double *d_b,
                   double *d_c);
float m_fmaf_grad(float a, float b, float c, float *d_a, float *d_b,
                  float *d_c);
long double m_fmal_grad(long double a, long double b, long double c,
                        long double *d_a, long double *d_b, long double *d_c);
void m_fma_pullback(double a, double b, double c, double d_ret, double *d_a,
                    double *d_b, double *d_c);
double m_abs_grad(double x, double *d_x);
double m_pow_half_grad(double x, double *d_x);
double m_const_call_grad(double x, double *d_x);
double m_compose_grad(double x, double y, double *d_x, double *d_y);

int main() {
  const double Pts[3][3] = {{1.5, -2, 0.25}, {-0.5, 3, 7}, {2, 0.125, -1}};
  for (const auto &P : Pts) {
    double A = 0, B = 0, C = 0;
    gg::near("fma value", m_fma_grad(P[0], P[1], P[2], &A, &B, &C),
             P[0] * P[1] + P[2], 1e-15);
    gg::near("fma d/da", A, P[1], 1e-15);
    gg::near("fma d/db", B, P[0], 1e-15);
    gg::near("fma d/dc", C, 1, 1e-15);
    auto Fn = [](std::vector<double> X) { return std::fma(X[0], X[1], X[2]); };
    std::vector<double> X(P, P + 3);
    gg::near("fma d/da fd", A, gg::fd(Fn, X, 0), 1e-6);
    gg::near("fma d/db fd", B, gg::fd(Fn, X, 1), 1e-6);
    gg::near("fma d/dc fd", C, gg::fd(Fn, X, 2), 1e-6);
    A = B = C = 0;
    m_cfma_grad(P[0], P[1], P[2], &A, &B, &C);
    gg::near("::fma d/da", A, P[1], 1e-15);
    gg::near("::fma d/db", B, P[0], 1e-15);
    gg::near("::fma d/dc", C, 1, 1e-15);
    A = B = C = 0;
    m_fma_pullback(P[0], P[1], P[2], 3, &A, &B, &C);
    gg::near("fma pullback d/da", A, 3 * P[1], 1e-15);
    gg::near("fma pullback d/db", B, 3 * P[0], 1e-15);
    gg::near("fma pullback d/dc", C, 3, 1e-15);
    float FA = 0, FB = 0, FC = 0;
    m_fmaf_grad(float(P[0]), float(P[1]), float(P[2]), &FA, &FB, &FC);
    gg::near("fmaf d/da", FA, float(P[1]), 0);
    gg::near("fmaf d/db", FB, float(P[0]), 0);
    gg::near("fmaf d/dc", FC, 1, 0);
    long double LA = 0, LB = 0, LC = 0;
    m_fmal_grad(P[0], P[1], P[2], &LA, &LB, &LC);
    gg::near("fmal d/da", LA, P[1], 0);
    gg::near("fmal d/db", LB, P[0], 0);
    gg::near("fmal d/dc", LC, 1, 0);
  }
  for (double X : {-2.5, 0.75, 3.0}) {
    double D = 0;
    m_abs_grad(X, &D);
    gg::near("std::abs(x) * x", D, 2 * std::fabs(X), 1e-12);
    D = 0;
    m_const_call_grad(X, &D);
    gg::near("sqrt(2) x + e", D, std::sqrt(2.0), 1e-15);
  }
  for (double X : {0.25, 1.0, 9.0}) {
    double D = 0;
    m_pow_half_grad(X, &D);
    gg::near("pow(x, 0.5) + pow(2, x)", D,
             0.5 / std::sqrt(X) + std::log(2.0) * std::pow(2.0, X), 1e-12);
  }
  const double XY[4][2] = {{0.5, 1.5}, {-1.2, 0.7}, {2.0, -0.3}, {0.1, 3.0}};
  for (const auto &P : XY) {
    double DX = 0, DY = 0;
    double V = m_compose_grad(P[0], P[1], &DX, &DY);
    gg::near("compose value", V, m_compose(P[0], P[1]), 1e-15);
    double x = P[0], y = P[1];
    double R = std::sqrt(x * x + y * y), L = std::log(R + 1),
           S = std::sin(x * y), E = std::exp(std::tanh(y) / (1 + x * x)),
           T = std::tanh(y), Q = 1 + x * x, Cx = std::cos(x);
    // d/dx atan2(u, y) = y u' / (u^2 + y^2); d/dy = -u / (u^2 + y^2).
    double WantX = x / (R * (R + 1)) * S + L * std::cos(x * y) * y +
                   E * (-T * 2 * x / (Q * Q)) -
                   y * (-std::sin(x)) / (Cx * Cx + y * y);
    double WantY = y / (R * (R + 1)) * S + L * std::cos(x * y) * x +
                   E * (1 - T * T) / Q - (-Cx) / (Cx * Cx + y * y);
    gg::near("compose d/dx", DX, WantX, 1e-12);
    gg::near("compose d/dy", DY, WantY, 1e-12);
    auto Fn = [](std::vector<double> V) { return m_compose(V[0], V[1]); };
    gg::near("compose d/dx fd", DX, gg::fd(Fn, {x, y}, 0), 1e-6);
    gg::near("compose d/dy fd", DY, gg::fd(Fn, {x, y}, 1), 1e-6);
  }
  return gg::result();
}
