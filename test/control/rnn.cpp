// An RNN-like recurrence over 1000 steps: h = tanh(w h + u x[t]), loss is the
// final state plus a running sum of squares. Gradient with respect to the
// weights w, u and every input x[t], against finite differences and against
// a hand-written reverse sweep.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include "../Inputs/gg_check.h"

GRADGEN_DIFFERENTIABLE
double rnn(double w, double u, const double *x, int T) {
  double h = 0.1;
  double acc = 0;
  for (int t = 0; t < T; ++t) {
    h = std::tanh(w * h + u * x[t]);
    acc += h * h;
  }
  return h + acc / T;
}

double rnn_grad(double w, double u, const double *x, int T, double *d_w,
                double *d_u, double *d_x);

int main() {
  const int T = 1000;
  std::vector<double> X(T);
  unsigned S = 12345;
  for (int t = 0; t < T; ++t) {
    S = S * 1103515245u + 12345u;
    X[t] = ((S >> 8) & 0xffff) / 32768.0 - 1.0;
  }
  const double W = 0.87, U = 0.64;

  // Hand-written reverse sweep as the reference.
  std::vector<double> H(T + 1);
  H[0] = 0.1;
  for (int t = 0; t < T; ++t)
    H[t + 1] = std::tanh(W * H[t] + U * X[t]);
  double RefW = 0, RefU = 0;
  std::vector<double> RefX(T);
  double Dh = 1; // from "h +" in the result
  for (int t = T - 1; t >= 0; --t) {
    Dh += 2 * H[t + 1] / T; // from acc / T
    double Dz = Dh * (1 - H[t + 1] * H[t + 1]);
    RefW += Dz * H[t];
    RefU += Dz * X[t];
    RefX[t] = Dz * U;
    Dh = Dz * W;
  }

  double Dw = 0, Du = 0;
  std::vector<double> Dx(T, 0.0);
  double V = rnn_grad(W, U, X.data(), T, &Dw, &Du, Dx.data());
  gg::near("value", V, rnn(W, U, X.data(), T));
  gg::near("d/dw ref", Dw, RefW);
  gg::near("d/du ref", Du, RefU);
  for (int t = 0; t < T; ++t)
    gg::near("d/dx ref", Dx[t], RefX[t]);

  // Finite differences: all of (w, u, x[0..T)).
  std::vector<double> P(T + 2);
  P[0] = W;
  P[1] = U;
  for (int t = 0; t < T; ++t)
    P[t + 2] = X[t];
  auto F = [&](const std::vector<double> &v) {
    return rnn(v[0], v[1], v.data() + 2, T);
  };
  gg::near("d/dw fd", Dw, gg::fd(F, P, 0), 1e-6);
  gg::near("d/du fd", Du, gg::fd(F, P, 1), 1e-6);
  for (int t = 0; t < T; ++t)
    gg::near("d/dx fd", Dx[t], gg::fd(F, P, t + 2), 1e-6);
  return gg::result();
}
