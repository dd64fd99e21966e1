//===- test/random/harness.h - Checks for the random tester ------*- C++ -*-===//
//
// The run-time half of the random differential tester (see README.md). The
// driver file that gen.py writes defines, for each function under test, a
// glue struct G with
//   static bool has_primal();  static bool has_grad();
//   static double primal(Args<double> &);
//   static double grad(Args<double> &, Adj &);   // calls f_grad
//   template <class T> static T fwd(Args<T> &);  // the dual-number twin
// and calls Runner::run<G>(...). For random input points the runner compares
//   - f_grad's return value with f's;
//   - each gradient component with the forward-mode (dual number) tangent
//     along that coordinate, and <grad, v> with the tangent along a random v;
//   - that f_grad ADDS into non-zero adjoints;
//   - each component with central finite differences at several steps, unless
//     the function uses detach/no_grad (where the gradient is by design not
//     the derivative of the computed value). Points where the differences do
//     not converge (a kink or a branch flip within the step) are skipped.
// It prints one line per finding and one END line per function; run.py
// parses them. Inputs are printed in hex so a failing point can be replayed.
//
//===----------------------------------------------------------------------===//
#ifndef GG_TEST_HARNESS_H
#define GG_TEST_HARNESS_H

#include "dual.h"

#include <cmath>
#include <limits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace gg_test {

enum SlotKind { SCALAR = 0, ARRAY = 1, REF = 2 };
enum FnFlags { NO_FD = 1 };

/// A floating parameter (the integer ones, n, k and idx, are shared).
struct Slot {
  const char *name;
  int kind;
  bool active;
  bool writable = false; ///< double &r, double *w: f may write it.
};

struct Rng {
  uint64_t S;
  explicit Rng(uint64_t Seed) : S(Seed) {}
  uint64_t next() {
    uint64_t Z = (S += 0x9e3779b97f4a7c15ULL);
    Z = (Z ^ (Z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    Z = (Z ^ (Z >> 27)) * 0x94d049bb133111ebULL;
    return Z ^ (Z >> 31);
  }
  double uni(double Lo, double Hi) {
    return Lo + (Hi - Lo) * (double)(next() >> 11) * (1.0 / 9007199254740992.0);
  }
  int range(int Lo, int Hi) { // inclusive
    return Lo + (int)(next() % (uint64_t)(Hi - Lo + 1));
  }
};

/// One input point.
struct Point {
  int n = 1, k = 0;
  std::vector<int> idx;
  std::vector<std::vector<double>> vals; // per slot
};

template <class T> struct Args {
  int n, k;
  std::vector<int> idxv;
  std::vector<std::vector<T>> v;
  T s(int I) { return v[I][0]; }
  T &r(int I) { return v[I][0]; }
  T *a(int I) { return v[I].data(); }
  const int *ix() { return idxv.data(); }
};

struct Adj {
  std::vector<std::vector<double>> v;
  double *p(int I) { return v[I].data(); }
};

struct Comp {
  int slot, elem;
};

inline bool close(double A, double B, double Rel, double Abs) {
  if (std::isnan(A) || std::isnan(B))
    return false;
  if (std::isinf(A) || std::isinf(B))
    return A == B;
  return std::fabs(A - B) <= Rel * std::fmax(std::fabs(A), std::fabs(B)) + Abs;
}

struct Runner {
  int Points = 3;
  uint64_t Seed = 1;
  bool SelfTest = false;
  std::vector<std::string> Only; // empty: all
  int Failed = 0;
  double DualRel = 1e-10, FdRel = 1e-5;

  Runner(int Argc, char **Argv) {
    for (int I = 1; I < Argc; ++I) {
      if (!std::strcmp(Argv[I], "--points") && I + 1 < Argc)
        Points = std::atoi(Argv[++I]);
      else if (!std::strcmp(Argv[I], "--seed") && I + 1 < Argc)
        Seed = std::strtoull(Argv[++I], nullptr, 10);
      else if (!std::strcmp(Argv[I], "--selftest"))
        SelfTest = true;
      else
        Only.push_back(Argv[I]);
    }
  }

  bool selected(const char *Name) const {
    if (Only.empty())
      return true;
    for (const std::string &O : Only)
      if (O == Name)
        return true;
    return false;
  }

  static uint64_t hashName(const char *Name) {
    uint64_t H = 1469598103934665603ULL;
    for (const char *C = Name; *C; ++C)
      H = (H ^ (uint64_t)(unsigned char)*C) * 1099511628211ULL;
    return H;
  }

  static Point makePoint(Rng &R, const Slot *Slots, int NSlots) {
    Point P;
    P.n = R.range(1, 8);
    P.k = R.range(0, 5);
    for (int I = 0; I < P.n; ++I)
      P.idx.push_back(R.range(0, P.n - 1));
    for (int S = 0; S < NSlots; ++S) {
      int Len = Slots[S].kind == ARRAY ? P.n : 1;
      std::vector<double> V;
      for (int I = 0; I < Len; ++I)
        V.push_back(R.uni(-2.0, 2.0));
      P.vals.push_back(V);
    }
    return P;
  }

  template <class T> static Args<T> argsOf(const Point &P) {
    Args<T> A;
    A.n = P.n;
    A.k = P.k;
    A.idxv = P.idx;
    for (const auto &V : P.vals) {
      std::vector<T> W;
      for (double X : V)
        W.push_back(T(X));
      A.v.push_back(W);
    }
    return A;
  }

  template <class G> static double evalPrimal(const Point &P) {
    Args<double> A = argsOf<double>(P);
    return G::primal(A);
  }

  /// The forward-mode value and tangent along Dir (one entry per component).
  template <class G>
  static dual<double> evalFwd(const Point &P, const std::vector<Comp> &Comps,
                              const std::vector<double> &Dir) {
    Args<dual<double>> A = argsOf<dual<double>>(P);
    for (size_t C = 0; C < Comps.size(); ++C)
      A.v[Comps[C].slot][Comps[C].elem].d = Dir[C];
    return G::template fwd<dual<double>>(A);
  }

  static void printPoint(const char *Name, int PI, const Point &P,
                         const Slot *Slots, int NSlots) {
    std::printf("INPUT %s p=%d n=%d k=%d idx=", Name, PI, P.n, P.k);
    for (size_t I = 0; I < P.idx.size(); ++I)
      std::printf("%s%d", I ? "," : "", P.idx[I]);
    for (int S = 0; S < NSlots; ++S) {
      std::printf(" %s=", Slots[S].name);
      for (size_t I = 0; I < P.vals[S].size(); ++I)
        std::printf("%s%a", I ? "," : "", P.vals[S][I]);
    }
    std::printf("\n");
  }

  static void compName(char *Buf, size_t N, const Slot *Slots, const Comp &C) {
    if (Slots[C.slot].kind == ARRAY)
      std::snprintf(Buf, N, "%s[%d]", Slots[C.slot].name, C.elem);
    else
      std::snprintf(Buf, N, "%s", Slots[C.slot].name);
  }

  /// Checks one function. SeedName picks the random points (defaults to
  /// Name; the reducer keeps the original function's points).
  template <class G>
  void run(const char *Name, const Slot *Slots, int NSlots, unsigned Flags,
           const char *SeedName = nullptr) {
    if (!selected(Name))
      return;
    std::printf("BEGIN %s\n", Name);
    std::fflush(stdout);
    if (!G::has_primal() || (!SelfTest && !G::has_grad())) {
      std::printf("END %s status=missing\n", Name);
      std::fflush(stdout);
      return;
    }
    Rng R(Seed ^ hashName(SeedName ? SeedName : Name));
    long NComps = 0, FdChecked = 0, FdSkipped = 0, SingularPoints = 0;
    const char *Status = "ok";
    std::string Kinds;
    auto fail = [&](const char *Kind) {
      if (std::strstr(Kinds.c_str(), Kind) == nullptr) {
        if (!Kinds.empty())
          Kinds += ",";
        Kinds += Kind;
      }
      Status = "fail";
    };
    // The points first: which arguments f writes is decided over all of
    // them (a write can leave the initial value by chance at one point, as
    // --r ... r += 1 does; f_grad's contract for written parameters holds
    // all the same).
    std::vector<Point> Pts;
    for (int PI = 0; PI < Points; ++PI)
      Pts.push_back(makePoint(R, Slots, NSlots));
    std::vector<bool> WrittenAny(NSlots, false);
    for (const Point &Q : Pts) {
      Args<double> QA = argsOf<double>(Q);
      G::primal(QA);
      for (int S = 0; S < NSlots; ++S)
        if (QA.v[S] != Q.vals[S])
          WrittenAny[S] = true;
    }
    for (int PI = 0; PI < Points; ++PI) {
      const Point &P = Pts[PI];
      std::vector<Comp> Comps;
      for (int S = 0; S < NSlots; ++S)
        if (Slots[S].active)
          for (size_t E = 0; E < P.vals[S].size(); ++E)
            Comps.push_back({S, (int)E});
      size_t NC = Comps.size();
      NComps += (long)NC;
      bool Bad = false; // something to print for this point

      double F0 = evalPrimal<G>(P);
      if (!std::isfinite(F0)) {
        std::printf("BADPOINT %s p=%d primal=%.17g\n", Name, PI, F0);
        printPoint(Name, PI, P, Slots, NSlots);
        Status = Status[0] == 'f' ? Status : "badprimal";
        continue;
      }

      // Forward mode, one coordinate at a time: the reference gradient.
      std::vector<double> Ref(NC), Dir(NC, 0.0);
      bool OracleBad = false;
      for (size_t C = 0; C < NC; ++C) {
        Dir[C] = 1.0;
        dual<double> T = evalFwd<G>(P, Comps, Dir);
        Dir[C] = 0.0;
        Ref[C] = T.d;
        if (!close(T.v, F0, 1e-12, 1e-12 * std::fmax(1.0, std::fabs(F0))))
          OracleBad = true;
      }
      if (OracleBad) {
        std::printf("ORACLE %s p=%d what=value\n", Name, PI);
        fail("oracle");
        printPoint(Name, PI, P, Slots, NSlots);
        continue;
      }
      // A derivative that is not finite (an overflow or 0/0 in the chain
      // rule, e.g. atan2 at the origin): nothing to compare against.
      bool Singular = false;
      for (size_t C = 0; C < NC; ++C)
        Singular = Singular || !std::isfinite(Ref[C]);
      if (Singular) {
        ++SingularPoints;
        continue;
      }

      // The gradient under test (selftest: the oracle itself).
      Args<double> GA = argsOf<double>(P);
      Adj D;
      for (int S = 0; S < NSlots; ++S)
        D.v.push_back(std::vector<double>(Slots[S].active ? P.vals[S].size() : 0, 0.0));
      double Ret = F0;
      std::vector<double> Grad(NC);
      if (SelfTest) {
        Grad = Ref;
      } else {
        Ret = G::grad(GA, D);
        for (size_t C = 0; C < NC; ++C)
          Grad[C] = D.v[Comps[C].slot][Comps[C].elem];
      }
      // What f itself leaves in its pointer and reference arguments: f_grad
      // must leave the same (it performs f's writes). Up to a few ulps: the
      // compiler may fold a math call with constant arguments in one and
      // call libm in the other (clang -O1 folds acosh(1.5 + t * t) when t
      // is a plain local set to 0.61, not when it is const), and the two
      // can differ in the last bit. Wrong write-backs are far larger.
      Args<double> PA = argsOf<double>(P);
      G::primal(PA);
      auto Same = [](double A, double B) {
        if (A == B || (std::isnan(A) && std::isnan(B)))
          return true;
        return std::fabs(A - B) <=
               4 * std::numeric_limits<double>::epsilon() *
                   std::fmax(std::fabs(A), std::fabs(B));
      };
      if (!SelfTest)
        for (int S = 0; S < NSlots; ++S)
          for (size_t E = 0; E < PA.v[S].size(); ++E)
            if (!Same(GA.v[S][E], PA.v[S][E])) {
              std::printf("FAIL %s kind=writes p=%d slot=%d elem=%d after_grad=%.17g after_f=%.17g\n", Name,
                          PI, S, (int)E, GA.v[S][E], PA.v[S][E]);
              fail("writes");
              Bad = true;
              S = NSlots;
              break;
            }

      double Scale = std::fmax(1.0, std::fabs(F0));
      for (size_t C = 0; C < NC; ++C)
        Scale = std::fmax(Scale, std::fmax(std::fabs(Ref[C]), std::fabs(Grad[C]) < 1e300 ? std::fabs(Grad[C]) : 0.0));
      double Abs = 1e-12 * Scale;
      char CN[64];

      if (!close(Ret, F0, 1e-12, 1e-12 * std::fmax(1.0, std::fabs(F0)))) {
        std::printf("FAIL %s kind=value p=%d got=%.17g want=%.17g\n", Name, PI, Ret, F0);
        fail("value");
        Bad = true;
      }
      int Printed = 0;
      for (size_t C = 0; C < NC; ++C) {
        if (close(Grad[C], Ref[C], DualRel, Abs))
          continue;
        compName(CN, sizeof CN, Slots, Comps[C]);
        const char *K = std::isfinite(Grad[C]) ? "dual" : "nonfinite";
        if (Printed++ < 8)
          std::printf("FAIL %s kind=%s p=%d comp=%s grad=%.17g want=%.17g\n", Name, K, PI, CN,
                      Grad[C], Ref[C]);
        fail(K);
        Bad = true;
      }

      // Dot-product test along a random direction.
      if (NC > 0) {
        std::vector<double> V(NC);
        double Dot = 0, Mag = 0;
        for (size_t C = 0; C < NC; ++C) {
          V[C] = R.uni(-1.0, 1.0);
          Dot += Grad[C] * V[C];
          Mag += std::fabs(Grad[C] * V[C]);
        }
        dual<double> T = evalFwd<G>(P, Comps, V);
        if (!close(Dot, T.d, DualRel, DualRel * Mag + Abs)) {
          std::printf("FAIL %s kind=dot p=%d grad.v=%.17g tangent=%.17g\n", Name, PI, Dot, T.d);
          fail("dot");
          Bad = true;
        }
      }

      // f_grad must add into the adjoints. A parameter that f writes is an
      // output: by the pullback contract its adjoint on entry is the seed of
      // its final value, not an accumulator, so it is left at zero here.
      if (!SelfTest && NC > 0) {
        std::vector<bool> Written(NSlots, false);
        for (int S = 0; S < NSlots; ++S)
          // Also when f may write it: a write can leave the value as it was
          // (w += erfc(6.5) adds 4e-21).
          Written[S] = WrittenAny[S] || PA.v[S] != P.vals[S] || Slots[S].writable;
        Args<double> GA2 = argsOf<double>(P);
        Adj D2 = D;
        std::vector<double> Pre(NC, 0.0);
        for (size_t C = 0; C < NC; ++C) {
          if (!Written[Comps[C].slot])
            Pre[C] = R.uni(-1.0, 1.0);
          D2.v[Comps[C].slot][Comps[C].elem] = Pre[C];
        }
        double Ret2 = G::grad(GA2, D2);
        bool AccBad = !close(Ret2, Ret, 1e-12, 1e-300);
        for (size_t C = 0; C < NC; ++C) {
          double Got = D2.v[Comps[C].slot][Comps[C].elem] - Pre[C];
          if (std::isfinite(Grad[C]) && !close(Got, Grad[C], 1e-9, 1e-12 + 1e-12 * Scale)) {
            compName(CN, sizeof CN, Slots, Comps[C]);
            std::printf("FAIL %s kind=accum p=%d comp=%s added=%.17g grad=%.17g\n", Name, PI, CN, Got,
                        Grad[C]);
            AccBad = true;
            break;
          }
        }
        if (AccBad) {
          fail("accum");
          Bad = true;
        }
      }

      // Central finite differences at several steps.
      if (!(Flags & NO_FD)) {
        int FdPrinted = 0;
        for (size_t C = 0; C < NC; ++C) {
          const Comp &Cp = Comps[C];
          double X = P.vals[Cp.slot][Cp.elem];
          double S = std::fmax(1.0, std::fabs(X));
          static const double Steps[] = {1e-3, 1e-4, 1e-5, 1e-6, 1e-7};
          double Cd[5];
          bool Finite = true;
          for (int H = 0; H < 5; ++H) {
            Point Q = P;
            double XP = X + Steps[H] * S, XM = X - Steps[H] * S;
            Q.vals[Cp.slot][Cp.elem] = XP;
            double FP = evalPrimal<G>(Q);
            Q.vals[Cp.slot][Cp.elem] = XM;
            double FM = evalPrimal<G>(Q);
            Cd[H] = (FP - FM) / (XP - XM);
            if (!std::isfinite(Cd[H]))
              Finite = false;
          }
          double FdAbs = 1e-8 * std::fmax(1.0, std::fabs(F0));
          bool Pass = false;
          for (int H = 0; H < 5 && !Pass; ++H)
            Pass = close(Grad[C], Cd[H], FdRel, FdAbs);
          if (Pass) {
            ++FdChecked;
            continue;
          }
          // Converged: two neighbouring steps agree closely.
          int Conv = -1;
          for (int H = 0; H + 1 < 5 && Conv < 0; ++H)
            if (Finite && close(Cd[H], Cd[H + 1], 1e-7, 1e-10 * std::fmax(1.0, std::fabs(F0))))
              Conv = H + 1;
          if (Conv < 0 || !Finite) {
            ++FdSkipped;
            continue;
          }
          ++FdChecked;
          bool RefOk = false;
          for (int H = 0; H < 5 && !RefOk; ++H)
            RefOk = close(Ref[C], Cd[H], FdRel, FdAbs);
          compName(CN, sizeof CN, Slots, Cp);
          // The gradient disagrees with converged differences. If the oracle
          // agrees with the gradient, the oracle (or the generator) is
          // suspect too.
          const char *K = RefOk ? "fd" : (close(Grad[C], Ref[C], DualRel, Abs) ? "fd_oracle" : "fd");
          if (FdPrinted++ < 8)
            std::printf("FAIL %s kind=%s p=%d comp=%s grad=%.17g fd=%.17g fwd=%.17g\n", Name, K, PI, CN,
                        Grad[C], Cd[Conv], Ref[C]);
          fail(K);
          Bad = true;
        }
      }

      if (Bad) {
        printPoint(Name, PI, P, Slots, NSlots);
        std::printf("VALUE %s p=%d f=%a\n", Name, PI, F0);
        std::printf("WANT %s p=%d", Name, PI);
        for (size_t C = 0; C < NC; ++C)
          std::printf(" %a", Ref[C]);
        std::printf("\n");
        std::printf("GOT %s p=%d", Name, PI);
        for (size_t C = 0; C < NC; ++C)
          std::printf(" %.17g", Grad[C]);
        std::printf("\n");
        std::fflush(stdout);
        break; // one failing point per function is enough
      }
    }
    if (Status[0] == 'f')
      ++Failed;
    std::printf("END %s status=%s kinds=%s comps=%ld fd_checked=%ld fd_skipped=%ld singular=%ld\n", Name,
                Status, Kinds.empty() ? "-" : Kinds.c_str(), NComps, FdChecked, FdSkipped, SingularPoints);
    std::fflush(stdout);
  }

  int finish() {
    std::printf("DONE failed=%d\n", Failed);
    return Failed ? 1 : 0;
  }
};

} // namespace gg_test

#endif // GG_TEST_HARNESS_H
