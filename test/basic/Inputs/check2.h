// Checks a two-argument gradient against an analytic value and central finite
// differences of the primal, and that a second call accumulates.
#ifndef GG_CHECK2_H
#define GG_CHECK2_H
#include "../../Inputs/gg_check.h"
#include <string>

namespace c2 {
template <class Grad, class Fn>
void check(const char *Name, Grad G, Fn F, double X, double Y, double WantX,
           double WantY, double Tol = 1e-12) {
  std::string N = std::string(Name) + " at (" + std::to_string(X) + ", " +
                  std::to_string(Y) + ")";
  double DX = 0, DY = 0;
  gg::near((N + " value").c_str(), G(X, Y, &DX, &DY), F(X, Y), Tol);
  gg::near((N + " d/dx").c_str(), DX, WantX, Tol);
  gg::near((N + " d/dy").c_str(), DY, WantY, Tol);
  auto V = [&](std::vector<double> P) { return F(P[0], P[1]); };
  gg::near((N + " d/dx fd").c_str(), DX, gg::fd(V, {X, Y}, 0), 1e-6);
  gg::near((N + " d/dy fd").c_str(), DY, gg::fd(V, {X, Y}, 1), 1e-6);
  G(X, Y, &DX, &DY);
  gg::near((N + " d/dx accumulated").c_str(), DX, 2 * WantX, Tol);
  gg::near((N + " d/dy accumulated").c_str(), DY, 2 * WantY, Tol);
}
} // namespace c2
#endif
