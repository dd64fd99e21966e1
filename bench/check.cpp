// Correctness check behind `gradgen-bench --check`: on small sizes, every
// generated gradient (and every hand-written one) against central finite
// differences of the primal kernel, coordinate by coordinate, and the returned
// value against the primal. The benchmark numbers mean nothing if these fail.
#include "ablation.h"
#include "check.h"
#include "kernels.h"

#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

using Vec = std::vector<double>;
// F(P) = the kernel's value at the flattened active inputs P.
using PrimalFn = std::function<double(const Vec &)>;
// G(P, D) = the value; adds the gradient into D (same layout as P).
using GradFn = std::function<double(const Vec &, Vec &)>;

struct Checker {
  int Checks = 0, Failures = 0;
  bool Verbose = false;

  void near(const char *Kernel, const char *What, std::size_t I, double Got,
            double Want, double Tol) {
    ++Checks;
    if (std::fabs(Got - Want) <= Tol * std::fmax(1.0, std::fabs(Want)))
      return;
    ++Failures;
    std::printf("FAIL %s %s[%zu]: got %.17g want %.17g\n", Kernel, What, I,
                Got, Want);
  }

  void run(const char *Kernel, const Vec &P, const PrimalFn &F,
           const GradFn &G) {
    int Before = Failures;
    Vec D(P.size(), 0.0);
    double V = G(P, D);
    near(Kernel, "value", 0, V, F(P), 1e-12);
    for (std::size_t I = 0; I < P.size(); ++I) {
      Vec X = P;
      double H = 1e-6 * std::fmax(1.0, std::fabs(P[I]));
      X[I] = P[I] + H;
      double Up = F(X);
      X[I] = P[I] - H;
      double Down = F(X);
      near(Kernel, "d", I, D[I], (Up - Down) / (2 * H), 1e-6);
    }
    // Gradients accumulate: a second call doubles them.
    Vec D2 = D;
    G(P, D2);
    for (std::size_t I = 0; I < P.size(); ++I)
      near(Kernel, "accumulated", I, D2[I], 2 * D[I], 1e-12);
    if (Verbose)
      std::printf("%-16s %zu inputs: %s\n", Kernel, P.size(),
                  Failures == Before ? "ok" : "FAILED");
  }
};

Vec randomVec(std::size_t N, unsigned &S, double Lo, double Hi) {
  Vec V(N);
  for (double &X : V) {
    S = S * 1103515245u + 12345u;
    X = Lo + (Hi - Lo) * (((S >> 8) & 0xffff) / 65536.0);
  }
  return V;
}

} // namespace

namespace bench {

int runChecks(bool Verbose) {
  Checker C;
  C.Verbose = Verbose;
  unsigned S = 2024;
  for (int Hand = 0; Hand < 2; ++Hand) {
    if (Verbose)
      std::printf("-- %s gradients\n", Hand ? "hand-written" : "generated");

    // sum_cubes: P = x.
    {
      const int N = 17;
      Vec P = randomVec(N, S, -2, 2);
      C.run("sum_cubes", P,
            [&](const Vec &X) { return sum_cubes(X.data(), N); },
            [&](const Vec &X, Vec &D) {
              return Hand ? hand::sum_cubes_grad(X.data(), N, D.data())
                          : sum_cubes_grad(X.data(), N, D.data());
            });
    }
    // horner: P = (c[0..N), x).
    {
      const int N = 13;
      Vec P = randomVec(N + 1, S, -1, 1);
      P[N] = 0.93;
      C.run("horner", P,
            [&](const Vec &X) { return horner(X.data(), N, X[N]); },
            [&](const Vec &X, Vec &D) {
              return Hand ? hand::horner_grad(X.data(), N, X[N], D.data(),
                                              &D[N])
                          : horner_grad(X.data(), N, X[N], D.data(), &D[N]);
            });
    }
    // recurrence: P = (w, u, x[0..T)).
    {
      const int T = 15;
      Vec P = randomVec(T + 2, S, -1, 1);
      P[0] = 0.8;
      P[1] = 0.7;
      C.run("recurrence", P,
            [&](const Vec &X) { return recurrence(X[0], X[1], &X[2], T); },
            [&](const Vec &X, Vec &D) {
              return Hand ? hand::recurrence_grad(X[0], X[1], &X[2], T, &D[0],
                                                  &D[1], &D[2])
                          : recurrence_grad(X[0], X[1], &X[2], T, &D[0],
                                            &D[1], &D[2]);
            });
    }
    // seed_loop: P = x. dw/dx = 8x.
    {
      const int N = 11;
      Vec P = randomVec(N, S, -3, 3);
      C.run("seed_loop", P,
            [&](const Vec &X) { return seed_loop(X.data(), N); },
            [&](const Vec &X, Vec &D) {
              return Hand ? hand::seed_loop_grad(X.data(), N, D.data())
                          : seed_loop_grad(X.data(), N, D.data());
            });
    }
    // dense_tanh: P = (W[m*n], b[m], x[n]).
    {
      const int M = 5, N = 4;
      Vec P = randomVec(M * N + M + N, S, -0.8, 0.8);
      const std::size_t Ob = M * N, Ox = M * N + M;
      C.run("dense_tanh", P,
            [&](const Vec &X) {
              return dense_tanh(X.data(), &X[Ob], &X[Ox], M, N);
            },
            [&](const Vec &X, Vec &D) {
              return Hand ? hand::dense_tanh_grad(X.data(), &X[Ob], &X[Ox], M,
                                                  N, D.data(), &D[Ob], &D[Ox])
                          : dense_tanh_grad(X.data(), &X[Ob], &X[Ox], M, N,
                                            D.data(), &D[Ob], &D[Ox]);
            });
    }
    // huber: P = r, both branches and both signs taken, away from the kinks.
    {
      const int N = 16;
      Vec P = randomVec(N, S, -2.5, 2.5);
      for (double &X : P)
        if (std::fabs(std::fabs(X) - 1.0) < 1e-3)
          X += 0.01;
      C.run("huber", P,
            [&](const Vec &X) { return huber(X.data(), N, 1.0); },
            [&](const Vec &X, Vec &D) {
              return Hand ? hand::huber_grad(X.data(), N, 1.0, D.data())
                          : huber_grad(X.data(), N, 1.0, D.data());
            });
    }
  }
  // The one-fix variants of ablation.cpp.
  if (Verbose)
    std::printf("-- one-fix variants\n");
  {
    const int N = 13;
    Vec P = randomVec(N + 1, S, -1, 1);
    P[N] = 0.93;
    auto F = [&](const Vec &X) { return horner(X.data(), N, X[N]); };
    C.run("horner/block", P, F, [&](const Vec &X, Vec &D) {
      return ablation::horner_block(X.data(), N, X[N], D.data(), &D[N]);
    });
    C.run("horner/assign", P, F, [&](const Vec &X, Vec &D) {
      return ablation::horner_assign(X.data(), N, X[N], D.data(), &D[N]);
    });
  }
  {
    const int N = 11;
    Vec P = randomVec(N, S, -3, 3);
    auto F = [&](const Vec &X) { return seed_loop(X.data(), N); };
    C.run("seed/block", P, F, [&](const Vec &X, Vec &D) {
      return ablation::seed_block(X.data(), N, D.data());
    });
    C.run("seed/recompute", P, F, [&](const Vec &X, Vec &D) {
      return ablation::seed_recompute(X.data(), N, D.data());
    });
  }
  {
    const int M = 5, N = 4;
    Vec P = randomVec(M * N + M + N, S, -0.8, 0.8);
    const std::size_t Ob = M * N, Ox = M * N + M;
    C.run("dense/dead-tape", P,
          [&](const Vec &X) {
            return dense_tanh(X.data(), &X[Ob], &X[Ox], M, N);
          },
          [&](const Vec &X, Vec &D) {
            return ablation::dense_dead_tape(X.data(), &X[Ob], &X[Ox], M, N,
                                             D.data(), &D[Ob], &D[Ox]);
          });
  }
  {
    const int N = 16;
    Vec P = randomVec(N, S, -2.5, 2.5);
    for (double &X : P)
      if (std::fabs(std::fabs(X) - 1.0) < 1e-3)
        X += 0.01;
    auto F = [&](const Vec &X) { return huber(X.data(), N, 1.0); };
    C.run("huber/block", P, F, [&](const Vec &X, Vec &D) {
      return ablation::huber_block(X.data(), N, 1.0, D.data());
    });
    C.run("huber/recompute", P, F, [&](const Vec &X, Vec &D) {
      return ablation::huber_recompute(X.data(), N, 1.0, D.data());
    });
  }
  std::printf("%d checks, %d failures\n", C.Checks, C.Failures);
  return C.Failures == 0 && C.Checks > 0 ? 0 : 1;
}

} // namespace bench
