// gradgen-bench: the primal kernels of kernels.cpp, the gradients gradgen
// generated for them, and hand-written gradients, measured side by side with
// Google Benchmark in one run; then a table of the ratios
//   R = gradient time / primal time
// per kernel (median and minimum over the repetitions, CPU time).
//
//   gradgen-bench            the full sizes (10^6 elements, a 256x256 layer)
//   gradgen-bench --quick    tiny sizes and times: checks that it runs
//   gradgen-bench --check    gradients against finite differences, no timing
//   gradgen-bench --n=N --dense=M   other sizes
//   gradgen-bench --malloc=glibc    keep glibc's malloc tuning (see below)
//   gradgen-bench --ablation  also the one-fix variants of ablation.cpp
// Any --benchmark_* flag is passed on to Google Benchmark; the defaults are
// --benchmark_repetitions=7 --benchmark_min_time=0.2
// --benchmark_enable_random_interleaving=true.
#include "ablation.h"
#include "check.h"
#include "kernels.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <unistd.h>

namespace {

using Vec = std::vector<double>;

Vec randomVec(std::size_t N, unsigned S, double Lo, double Hi) {
  Vec V(N);
  for (double &X : V) {
    S = S * 1103515245u + 12345u;
    X = Lo + (Hi - Lo) * (((S >> 8) & 0xffff) / 65536.0);
  }
  return V;
}

/// The inputs and adjoint buffers. Adjoints are zeroed once, not per call:
/// gradients accumulate, and zeroing is the caller's cost, not the
/// gradient's.
struct Data {
  int N = 1000000; // vector kernels
  int M = 256;     // dense layer: M x M
  Vec X, C, R, W, B, Xd;
  Vec DX, DC, DR, DW, DB, DXd;
  double Dx = 0, Dw = 0, Du = 0;

  void init() {
    X = randomVec(N, 1, -1, 1);
    C = randomVec(N, 2, -1, 1);
    R = randomVec(N, 3, -2, 2);
    W = randomVec(std::size_t(M) * M, 4, -1.0 / 16, 1.0 / 16);
    B = randomVec(M, 5, -0.5, 0.5);
    Xd = randomVec(M, 6, -1, 1);
    DX.assign(N, 0);
    DC.assign(N, 0);
    DR.assign(N, 0);
    DW.assign(W.size(), 0);
    DB.assign(M, 0);
    DXd.assign(M, 0);
  }
};
Data D;

// Horner at |x| < 1 stays bounded over 10^6 coefficients; the recurrence is
// contractive with these weights.
const double HornerX = 0.9999, RecW = 0.6, RecU = 0.7, HuberDelta = 1.0;

struct Variant {
  const char *Name;
  std::function<double()> Fn;
};

struct Kernel {
  const char *Name;
  std::function<std::string()> Size;
  std::function<double()> Primal, Grad, Hand;
  /// One-fix variants, measured with --ablation.
  std::vector<Variant> Extra = {};
};

std::vector<Kernel> kernels() {
  return {
      {"sum_cubes", [] { return std::to_string(D.N); },
       [] { return bench::sum_cubes(D.X.data(), D.N); },
       [] { return bench::sum_cubes_grad(D.X.data(), D.N, D.DX.data()); },
       [] {
         return bench::hand::sum_cubes_grad(D.X.data(), D.N, D.DX.data());
       }},
      {"horner", [] { return std::to_string(D.N); },
       [] { return bench::horner(D.C.data(), D.N, HornerX); },
       [] {
         return bench::horner_grad(D.C.data(), D.N, HornerX, D.DC.data(),
                                   &D.Dx);
       },
       [] {
         return bench::hand::horner_grad(D.C.data(), D.N, HornerX,
                                         D.DC.data(), &D.Dx);
       },
       {{"block",
         [] {
           return bench::ablation::horner_block(D.C.data(), D.N, HornerX,
                                                D.DC.data(), &D.Dx);
         }},
        {"assign",
         [] {
           return bench::ablation::horner_assign(D.C.data(), D.N, HornerX,
                                                 D.DC.data(), &D.Dx);
         }}}},
      {"recurrence", [] { return std::to_string(D.N); },
       [] { return bench::recurrence(RecW, RecU, D.X.data(), D.N); },
       [] {
         return bench::recurrence_grad(RecW, RecU, D.X.data(), D.N, &D.Dw,
                                       &D.Du, D.DX.data());
       },
       [] {
         return bench::hand::recurrence_grad(RecW, RecU, D.X.data(), D.N,
                                             &D.Dw, &D.Du, D.DX.data());
       }},
      {"seed_loop", [] { return std::to_string(D.N); },
       [] { return bench::seed_loop(D.X.data(), D.N); },
       [] { return bench::seed_loop_grad(D.X.data(), D.N, D.DX.data()); },
       [] {
         return bench::hand::seed_loop_grad(D.X.data(), D.N, D.DX.data());
       },
       {{"block",
         [] {
           return bench::ablation::seed_block(D.X.data(), D.N, D.DX.data());
         }},
        {"recompute",
         [] {
           return bench::ablation::seed_recompute(D.X.data(), D.N,
                                                  D.DX.data());
         }}}},
      {"dense_tanh",
       [] { return std::to_string(D.M) + "x" + std::to_string(D.M); },
       [] {
         return bench::dense_tanh(D.W.data(), D.B.data(), D.Xd.data(), D.M,
                                  D.M);
       },
       [] {
         return bench::dense_tanh_grad(D.W.data(), D.B.data(), D.Xd.data(),
                                       D.M, D.M, D.DW.data(), D.DB.data(),
                                       D.DXd.data());
       },
       [] {
         return bench::hand::dense_tanh_grad(D.W.data(), D.B.data(),
                                             D.Xd.data(), D.M, D.M,
                                             D.DW.data(), D.DB.data(),
                                             D.DXd.data());
       },
       {{"dead-tape",
         [] {
           return bench::ablation::dense_dead_tape(
               D.W.data(), D.B.data(), D.Xd.data(), D.M, D.M, D.DW.data(),
               D.DB.data(), D.DXd.data());
         }}}},
      {"huber", [] { return std::to_string(D.N); },
       [] { return bench::huber(D.R.data(), D.N, HuberDelta); },
       [] { return bench::huber_grad(D.R.data(), D.N, HuberDelta, D.DR.data()); },
       [] {
         return bench::hand::huber_grad(D.R.data(), D.N, HuberDelta,
                                        D.DR.data());
       },
       {{"block",
         [] {
           return bench::ablation::huber_block(D.R.data(), D.N, HuberDelta,
                                               D.DR.data());
         }},
        {"recompute",
         [] {
           return bench::ablation::huber_recompute(D.R.data(), D.N,
                                                   HuberDelta, D.DR.data());
         }}}},
  };
}

void runLoop(benchmark::State &State, const std::function<double()> &F) {
  for (auto _ : State) {
    double V = F();
    benchmark::DoNotOptimize(V);
    benchmark::ClobberMemory();
  }
}

double minOf(const std::vector<double> &V) {
  return *std::min_element(V.begin(), V.end());
}

/// Google Benchmark's console output for the aggregates, and a record of
/// every repetition's CPU time (ms) per benchmark name.
class RatioReporter : public benchmark::ConsoleReporter {
public:
  explicit RatioReporter(const char *MallocMode)
      : benchmark::ConsoleReporter(isatty(1) ? OO_Defaults : OO_Tabular),
        MallocMode(MallocMode) {}
  const char *MallocMode;
  std::map<std::string, std::vector<double>> Times;

  void ReportRuns(const std::vector<Run> &Runs) override {
    std::vector<Run> Shown;
    for (const Run &R : Runs) {
      if (R.run_type == Run::RT_Iteration && !R.error_occurred) {
        double Ms = R.GetAdjustedCPUTime() /
                    benchmark::GetTimeUnitMultiplier(R.time_unit) * 1e3;
        Times[R.run_name.function_name].push_back(Ms);
      }
      // Show single runs only when there are no aggregates to show.
      if (R.run_type == Run::RT_Aggregate || R.repetitions <= 1)
        Shown.push_back(R);
    }
    if (!Shown.empty())
      ConsoleReporter::ReportRuns(Shown);
  }

  static double median(std::vector<double> V) {
    std::sort(V.begin(), V.end());
    std::size_t N = V.size();
    return N % 2 ? V[N / 2] : 0.5 * (V[N / 2 - 1] + V[N / 2]);
  }

  void printTable(const std::vector<Kernel> &Ks) {
    std::printf("\ngradgen-bench: R = gradient / primal, CPU time, "
                "median (min) over repetitions; malloc %s; compiler %s\n",
                MallocMode,
#if defined(__clang__)
                "clang++ " __clang_version__
#elif defined(__GNUC__)
                "g++ " __VERSION__
#else
                "unknown"
#endif
    );
    std::printf("%-11s %-9s %10s %10s %7s %7s %10s %7s %7s\n", "kernel",
                "size", "primal_ms", "grad_ms", "R", "R_min", "hand_ms",
                "R_hand", "Rh_min");
    for (const Kernel &K : Ks) {
      std::string N = K.Name;
      auto P = Times.find(N + "/primal"), G = Times.find(N + "/grad"),
           H = Times.find(N + "/hand");
      if (P == Times.end() || G == Times.end())
        continue;
      double Pm = median(P->second), Gm = median(G->second);
      std::printf("%-11s %-9s %10.4f %10.4f %7.2f %7.2f", K.Name,
                  K.Size().c_str(), Pm, Gm, Gm / Pm,
                  minOf(G->second) / minOf(P->second));
      if (H != Times.end()) {
        double Hm = median(H->second);
        std::printf(" %10.4f %7.2f %7.2f", Hm, Hm / Pm,
                    minOf(H->second) / minOf(P->second));
      }
      std::printf("\n");
    }
    bool Header = false;
    for (const Kernel &K : Ks) {
      std::string N = K.Name;
      auto P = Times.find(N + "/primal");
      if (P == Times.end())
        continue;
      for (const Variant &V : K.Extra) {
        auto E = Times.find(N + "/" + V.Name);
        if (E == Times.end())
          continue;
        if (!Header) {
          std::printf("\none fix at a time (ablation.cpp): R = variant / "
                      "primal\n%-11s %-10s %10s %7s %7s\n",
                      "kernel", "variant", "ms", "R", "R_min");
          Header = true;
        }
        double Em = median(E->second);
        std::printf("%-11s %-10s %10.4f %7.2f %7.2f\n", K.Name, V.Name, Em,
                    Em / median(P->second), minOf(E->second) / minOf(P->second));
      }
    }
  }
};

bool startsWith(const char *S, const char *P) {
  return std::strncmp(S, P, std::strlen(P)) == 0;
}

} // namespace

int main(int argc, char **argv) {
  bool Quick = false, Check = false, GlibcMalloc = false, Ablation = false;
  std::vector<char *> Args;
  Args.push_back(argv[0]);
  // Defaults first, so that the user's own --benchmark_* flags win.
  static char Reps[] = "--benchmark_repetitions=7";
  static char MinTime[] = "--benchmark_min_time=0.2";
  static char Interleave[] = "--benchmark_enable_random_interleaving=true";
  static char QuickReps[] = "--benchmark_repetitions=2";
  static char QuickMinTime[] = "--benchmark_min_time=0.001";
  std::vector<char *> User;
  for (int I = 1; I < argc; ++I) {
    if (!std::strcmp(argv[I], "--quick"))
      Quick = true;
    else if (!std::strcmp(argv[I], "--check"))
      Check = true;
    else if (!std::strcmp(argv[I], "--ablation"))
      Ablation = true;
    else if (!std::strcmp(argv[I], "--malloc=glibc"))
      GlibcMalloc = true;
    else if (startsWith(argv[I], "--n="))
      D.N = std::atoi(argv[I] + 4);
    else if (startsWith(argv[I], "--dense="))
      D.M = std::atoi(argv[I] + 8);
    else if (!std::strcmp(argv[I], "--help") || !std::strcmp(argv[I], "-h")) {
      std::printf("usage: %s [--quick] [--check] [--n=N] [--dense=M] "
                  "[--malloc=glibc] [--ablation] [--benchmark_* flags]\n",
                  argv[0]);
      return 0;
    } else
      User.push_back(argv[I]);
  }
  if (Check)
    return bench::runChecks(/*Verbose=*/true);
  if (Quick) {
    D.N = 1000;
    D.M = 16;
    Args.push_back(QuickReps);
    Args.push_back(QuickMinTime);
  } else {
    Args.push_back(Reps);
    Args.push_back(MinTime);
    Args.push_back(Interleave);
  }
  if (D.N < 2 || D.M < 1) {
    std::fprintf(stderr, "gradgen-bench: --n must be >= 2, --dense >= 1\n");
    return 2;
  }
  Args.insert(Args.end(), User.begin(), User.end());
  int Argc = static_cast<int>(Args.size());
  Args.push_back(nullptr);
  benchmark::Initialize(&Argc, Args.data());
  if (benchmark::ReportUnrecognizedArguments(Argc, Args.data()))
    return 2;

  // By default, measure the steady state of a program that calls the
  // gradient in a loop: glibc's malloc neither trims the heap nor maps big
  // blocks, so no call page-faults its tape in. With glibc's own tuning
  // (--malloc=glibc) a gradient whose tape is made of 64 KiB chunks
  // page-faults all of it on every call (the chunks are freed at return and
  // the heap top is trimmed), while one big block stops doing so after the
  // first call (the dynamic mmap threshold adapts): the numbers then depend
  // on what ran before. README.md has both.
  const char *MallocMode = "glibc defaults";
#if defined(__GLIBC__)
  if (!GlibcMalloc) {
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    MallocMode = "no trim, mmap >= 32 MiB";
  }
#endif
  D.init();
  std::vector<Kernel> Ks = kernels();
  for (const Kernel &K : Ks) {
    std::string N = K.Name;
    std::vector<Variant> Vs = {
        {"primal", K.Primal}, {"grad", K.Grad}, {"hand", K.Hand}};
    if (Ablation)
      Vs.insert(Vs.end(), K.Extra.begin(), K.Extra.end());
    for (const Variant &V : Vs) {
      std::function<double()> F = V.Fn;
      benchmark::RegisterBenchmark(
          (N + "/" + V.Name).c_str(),
          [F](benchmark::State &State) { runLoop(State, F); })
          ->Unit(benchmark::kMillisecond)
          ->ComputeStatistics("min", [](const std::vector<double> &T) {
            return minOf(T);
          });
    }
  }
  RatioReporter Reporter(MallocMode);
  benchmark::RunSpecifiedBenchmarks(&Reporter);
  Reporter.printTable(Ks);
  benchmark::Shutdown();
  return 0;
}
