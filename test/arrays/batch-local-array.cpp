// Soundness: a local array reused for every sample of a batch. Every element
// is overwritten on every iteration of the outer loop, and read nonlinearly;
// the reverse sweep for sample s must see sample s's values, not the last
// sample's.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

// For each sample s: h = tanh(W x_s) into the local h[4] (W is 4 x 3), then
// loss_s = (v . h - y_s)^2. Returns the mean loss.
GRADGEN_DIFFERENTIABLE
double batch(const double *W, const double *v, const double *x,
             GRADGEN_CONST const double *y, int nsamples) {
  double h[4];
  double loss = 0;
  for (int s = 0; s < nsamples; ++s) {
    for (int i = 0; i < 4; ++i) {
      h[i] = 0;
      for (int j = 0; j < 3; ++j)
        h[i] += W[3 * i + j] * x[3 * s + j];
      h[i] = std::tanh(h[i]);
    }
    double out = 0;
    for (int i = 0; i < 4; ++i)
      out += v[i] * h[i];
    double e = out - y[s];
    loss += e * e;
  }
  return loss / nsamples;
}

// A running buffer: each sample's buffer depends on the previous sample's
// buffer contents (overwritten in place element by element).
GRADGEN_DIFFERENTIABLE
double running(const double *x, int nsamples) {
  double buf[3] = {0.1, 0.2, 0.3};
  double acc = 0;
  for (int s = 0; s < nsamples; ++s) {
    for (int i = 0; i < 3; ++i)
      buf[i] = buf[i] * buf[(i + 1) % 3] + x[3 * s + i];
    acc += buf[0] * buf[1] * buf[2];
  }
  return acc;
}

double batch_grad(const double *W, const double *v, const double *x,
                  const double *y, int nsamples, double *d_W, double *d_v,
                  double *d_x);
double running_grad(const double *x, int nsamples, double *d_x);

static double lcg(unsigned &S) {
  S = S * 1103515245u + 12345u;
  return ((S >> 8) & 0xffff) / 32768.0 - 1.0;
}

int main() {
  const int NS = 6;
  unsigned S = 31;
  double W[12], V[4], X[3 * NS], Y[NS];
  for (double &Z : W) Z = lcg(S);
  for (double &Z : V) Z = lcg(S);
  for (double &Z : X) Z = lcg(S);
  for (double &Z : Y) Z = lcg(S);

  // Hand-written reverse mode as the reference.
  double RefW[12] = {}, RefV[4] = {}, RefX[3 * NS] = {}, Loss = 0;
  for (int s = 0; s < NS; ++s) {
    double H[4], Out = 0;
    for (int i = 0; i < 4; ++i) {
      double Z = 0;
      for (int j = 0; j < 3; ++j)
        Z += W[3 * i + j] * X[3 * s + j];
      H[i] = std::tanh(Z);
      Out += V[i] * H[i];
    }
    double E = Out - Y[s];
    Loss += E * E;
    double De = 2 * E / NS;
    for (int i = 0; i < 4; ++i) {
      RefV[i] += De * H[i];
      double Dz = De * V[i] * (1 - H[i] * H[i]);
      for (int j = 0; j < 3; ++j) {
        RefW[3 * i + j] += Dz * X[3 * s + j];
        RefX[3 * s + j] += Dz * W[3 * i + j];
      }
    }
  }
  double DW[12] = {}, DV[4] = {}, DX[3 * NS] = {};
  gg::near("batch value", batch_grad(W, V, X, Y, NS, DW, DV, DX), Loss / NS);
  for (int K = 0; K < 12; ++K)
    gg::near("batch d/dW", DW[K], RefW[K]);
  for (int K = 0; K < 4; ++K)
    gg::near("batch d/dv", DV[K], RefV[K]);
  for (int K = 0; K < 3 * NS; ++K)
    gg::near("batch d/dx", DX[K], RefX[K]);

  // running: finite differences over all inputs.
  std::vector<double> P(3 * NS);
  for (double &Z : P) Z = 0.5 * lcg(S);
  auto F = [&](const std::vector<double> &v) { return running(v.data(), NS); };
  double D[3 * NS] = {};
  gg::near("running value", running_grad(P.data(), NS, D), F(P));
  for (int K = 0; K < 3 * NS; ++K)
    gg::near("running fd", D[K], gg::fd(F, P, K), 1e-6);
  return gg::result();
}
