// Helpers for the math tests: check a gradient (and pullback) against the
// analytic derivative and against central finite differences of a
// double-precision reference, at several points.
#ifndef GG_MCHECK_H
#define GG_MCHECK_H
#include "../../Inputs/gg_check.h"
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace mc {

/// Tolerance against the analytic derivative, by precision: double and long
/// double must be exact to a few ulps (a long double function computed in
/// double would miss 1e-17); float to a few float ulps.
template <class T> long double tol();
template <> inline long double tol<float>() { return 1e-5L; }
template <> inline long double tol<double>() { return 1e-12L; }
template <> inline long double tol<long double>() { return 1e-17L; }

/// Tolerance against finite differences (computed in double).
template <class T> long double fdTol();
template <> inline long double fdTol<float>() { return 1e-4L; }
template <> inline long double fdTol<double>() { return 1e-6L; }
template <> inline long double fdTol<long double>() { return 1e-6L; }

inline std::string at(const char *Name, std::vector<double> X) {
  std::string S = Name;
  S += " at (";
  for (std::size_t I = 0; I < X.size(); ++I) {
    char Buf[40];
    std::snprintf(Buf, sizeof Buf, "%s%g", I ? ", " : "", X[I]);
    S += Buf;
  }
  return S + ")";
}

/// f(x): Grad(x, &dx), Pull(x, dret, &dx), Fn(T) the value in T, Ref(double)
/// the value in double (for finite differences), D(T) the derivative.
template <class T, class G, class P, class F, class R, class D>
void unary(const char *Name, G Grad, P Pull, F Fn, R Ref, D Deriv,
           std::vector<double> Xs) {
  for (double Xd : Xs) {
    T X = static_cast<T>(Xd);
    std::string N = at(Name, {Xd});
    T Dx = 0;
    T V = Grad(X, &Dx);
    gg::near((N + " value").c_str(), V, Fn(X), tol<T>());
    gg::near((N + " d/dx").c_str(), Dx, Deriv(X), tol<T>());
    double Fd = gg::fd([&](std::vector<double> A) { return Ref(A[0]); },
                       {static_cast<double>(X)}, 0);
    gg::near((N + " d/dx vs fd").c_str(), Dx, Fd, fdTol<T>());
    Grad(X, &Dx);
    gg::near((N + " accumulated").c_str(), Dx, 2 * Deriv(X), tol<T>());
    T Px = 0;
    Pull(X, T(-0.5), &Px);
    gg::near((N + " pullback").c_str(), Px, T(-0.5) * Deriv(X), tol<T>());
  }
}

/// f(a, b): Grad(a, b, &da, &db), Pull(a, b, dret, &da, &db); Da and Db the
/// partial derivatives.
template <class T, class G, class P, class F, class R, class DA, class DB>
void binary(const char *Name, G Grad, P Pull, F Fn, R Ref, DA Da, DB Db,
            std::vector<std::vector<double>> Pts) {
  for (const std::vector<double> &Pt : Pts) {
    T A = static_cast<T>(Pt[0]), B = static_cast<T>(Pt[1]);
    std::string N = at(Name, Pt);
    T GA = 0, GB = 0;
    T V = Grad(A, B, &GA, &GB);
    gg::near((N + " value").c_str(), V, Fn(A, B), tol<T>());
    gg::near((N + " d/da").c_str(), GA, Da(A, B), tol<T>());
    gg::near((N + " d/db").c_str(), GB, Db(A, B), tol<T>());
    auto RefV = [&](std::vector<double> X) { return Ref(X[0], X[1]); };
    std::vector<double> X = {static_cast<double>(A), static_cast<double>(B)};
    gg::near((N + " d/da vs fd").c_str(), GA, gg::fd(RefV, X, 0), fdTol<T>());
    gg::near((N + " d/db vs fd").c_str(), GB, gg::fd(RefV, X, 1), fdTol<T>());
    T PA = 0, PB = 0;
    Pull(A, B, T(2), &PA, &PB);
    gg::near((N + " pullback a").c_str(), PA, 2 * Da(A, B), tol<T>());
    gg::near((N + " pullback b").c_str(), PB, 2 * Db(A, B), tol<T>());
  }
}

} // namespace mc
#endif
