// Helpers for gradgen's execution tests: compare numbers, count failures,
// central finite differences. Tests return gg::result() from main.
#ifndef GG_CHECK_H
#define GG_CHECK_H
#include <cmath>
#include <cstdio>
#include <vector>

namespace gg {
inline int &failures() {
  static int N = 0;
  return N;
}
inline int &checks() {
  static int N = 0;
  return N;
}

/// Checks |Got - Want| <= Tol * max(1, |Want|); infinities must match exactly.
inline void near(const char *What, long double Got, long double Want,
                 long double Tol = 1e-9L) {
  ++checks();
  bool Ok;
  if (std::isnan(Want))
    Ok = std::isnan(Got);
  else if (std::isinf(Want))
    Ok = Got == Want;
  else
    Ok = std::fabs(Got - Want) <= Tol * std::fmax(1.0L, std::fabs(Want));
  if (!Ok) {
    ++failures();
    std::printf("FAIL %s: got %.17Lg want %.17Lg\n", What, Got, Want);
  }
}

/// Central finite difference of F (a callable on a std::vector<double>) in
/// coordinate I at X.
template <class F>
double fd(F Fn, std::vector<double> X, std::size_t I, double H = 1e-6) {
  double Xi = X[I];
  double Step = H * std::fmax(1.0, std::fabs(Xi));
  X[I] = Xi + Step;
  double Up = Fn(X);
  X[I] = Xi - Step;
  double Down = Fn(X);
  return (Up - Down) / (2 * Step);
}

inline int result() {
  std::printf("%d checks, %d failures\n", checks(), failures());
  return failures() == 0 && checks() > 0 ? 0 : 1;
}
} // namespace gg
#endif
