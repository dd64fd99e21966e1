// The ADBench / GradBench GMM objective (negative log-likelihood with a
// Wishart prior, constants dropped), written from its definition: n points
// x_i in d dimensions, k Gaussian components with log-weights alpha, means
// mu and precision factors Q_k (lower triangular; icf holds the log-diagonal,
// then the off-diagonal entries column by column):
//   sum_i logsumexp_k(alpha_k + sum(log diag Q_k) - 0.5 |Q_k (x_i - mu_k)|^2)
//   - n logsumexp(alpha)
//   + sum_k 0.5 gamma^2 (|exp(log diag Q_k)|^2 + |offdiag Q_k|^2)
//         - m sum(log diag Q_k).
// The data x and gamma are GRADGEN_CONST, m is an int. A log-sum-exp helper
// takes a std::vector by const reference; std::vector locals hold the
// per-component terms. Every partial (alphas, means, icf) is checked
// against central finite differences, for three sizes.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17
// RUN: FileCheck %s --input-file=%t/out.cpp
// RUN: %clangxx %cxxflags %t/out.cpp -o %t/clang && %t/clang
// RUN: %gxx %cxxflags %t/out.cpp -o %t/gcc && %t/gcc

#include <gradgen/gradgen.h>
#include <cmath>
#include <vector>
#include "../Inputs/gg_check.h"

// CHECK: double gmm_objective_grad(int d, int k, int n, const double *alphas, const double *means, const double *icf, const double *x, double gamma, int m, double *d_alphas, double *d_means, double *d_icf)
// CHECK: static void logsumexp_pullback(

// log(sum_j exp(v_j)), stabilized by the maximum.
static double logsumexp(const std::vector<double> &v) {
  double mx = v[0];
  for (std::size_t j = 1; j < v.size(); ++j)
    if (v[j] > mx)
      mx = v[j];
  double s = 0;
  for (double e : v)
    s = s + std::exp(e - mx);
  return std::log(s) + mx;
}

GRADGEN_DIFFERENTIABLE
double gmm_objective(int d, int k, int n, const double *alphas, const double *means,
                     const double *icf, GRADGEN_CONST const double *x,
                     GRADGEN_CONST double gamma, int m) {
  const int icf_sz = d * (d + 1) / 2;
  // sum of the log-diagonal of each Q_k
  std::vector<double> sum_qs(k);
  for (int c = 0; c < k; ++c) {
    sum_qs[c] = 0;
    for (int r = 0; r < d; ++r)
      sum_qs[c] += icf[c * icf_sz + r];
  }
  std::vector<double> main_term(k);
  std::vector<double> xc(d);
  std::vector<double> qxc(d);
  double slse = 0;
  for (int i = 0; i < n; ++i) {
    for (int c = 0; c < k; ++c) {
      for (int r = 0; r < d; ++r)
        xc[r] = x[i * d + r] - means[c * d + r];
      // qxc = Q_c xc: diagonal, then the strictly lower part column by column.
      for (int r = 0; r < d; ++r)
        qxc[r] = std::exp(icf[c * icf_sz + r]) * xc[r];
      int li = d;
      for (int col = 0; col < d; ++col)
        for (int r = col + 1; r < d; ++r) {
          qxc[r] += icf[c * icf_sz + li] * xc[col];
          ++li;
        }
      double sq = 0;
      for (int r = 0; r < d; ++r)
        sq += qxc[r] * qxc[r];
      main_term[c] = alphas[c] + sum_qs[c] - 0.5 * sq;
    }
    slse += logsumexp(main_term);
  }
  std::vector<double> a(k);
  for (int c = 0; c < k; ++c)
    a[c] = alphas[c];
  double lse_alphas = logsumexp(a);
  // Wishart prior.
  double prior = 0;
  for (int c = 0; c < k; ++c) {
    double frob = 0;
    for (int r = 0; r < d; ++r) {
      double q = std::exp(icf[c * icf_sz + r]);
      frob += q * q;
    }
    for (int j = d; j < icf_sz; ++j)
      frob += icf[c * icf_sz + j] * icf[c * icf_sz + j];
    prior += 0.5 * gamma * gamma * frob - m * sum_qs[c];
  }
  return slse - n * lse_alphas + prior;
}

double gmm_objective_grad(int d, int k, int n, const double *alphas, const double *means,
                          const double *icf, const double *x, double gamma, int m,
                          double *d_alphas, double *d_means, double *d_icf);

// A deterministic pseudo-random value in [-1, 1).
static double rnd(unsigned &s) {
  s = s * 1664525u + 1013904223u;
  return (s >> 8) / double(1u << 23) - 1.0;
}

static void run(int D, int K, int N, unsigned Seed) {
  const int IcfSz = D * (D + 1) / 2;
  std::vector<double> Alphas(K), Means(K * D), Icf(K * IcfSz), X(N * D);
  for (double &V : Alphas) V = rnd(Seed);
  for (double &V : Means) V = rnd(Seed);
  for (double &V : Icf) V = 0.5 * rnd(Seed);
  for (double &V : X) V = 1.5 * rnd(Seed);
  const double Gamma = 1.3;
  const int M = 2;
  // All active parameters in one vector for the finite differences.
  std::vector<double> P;
  P.insert(P.end(), Alphas.begin(), Alphas.end());
  P.insert(P.end(), Means.begin(), Means.end());
  P.insert(P.end(), Icf.begin(), Icf.end());
  auto F = [&](const std::vector<double> &Q) {
    return gmm_objective(D, K, N, &Q[0], &Q[K], &Q[K + K * D], X.data(), Gamma, M);
  };
  std::vector<double> G(P.size(), 0.0);
  double Value = gmm_objective_grad(D, K, N, &P[0], &P[K], &P[K + K * D], X.data(), Gamma,
                                    M, &G[0], &G[K], &G[K + K * D]);
  std::printf("gmm d=%d k=%d n=%d\n", D, K, N);
  gg::near("value", Value, F(P));
  for (std::size_t I = 0; I < P.size(); ++I)
    gg::near(I < (std::size_t)K ? "d/dalpha" : I < (std::size_t)(K + K * D) ? "d/dmean" : "d/dicf",
             G[I], gg::fd(F, P, I), 1e-6);
  // Sanity of the objective itself for k = 1, d = 1 and one point at the
  // mean: alpha + q - 0 - logsumexp(alpha) + 0.5 gamma^2 e^{2q} - m q.
  if (D == 3) {
    double A1 = 0.4, Mu = 0.2, Q1 = -0.3, X1 = 0.2;
    double Want = A1 + Q1 - A1 + 0.5 * Gamma * Gamma * std::exp(2 * Q1) - M * Q1;
    gg::near("1-d value", gmm_objective(1, 1, 1, &A1, &Mu, &Q1, &X1, Gamma, M), Want);
  }
}

int main() {
  run(3, 2, 5, 12345u);
  run(3, 3, 8, 777u);
  run(2, 3, 10, 4242u);
  return gg::result();
}
