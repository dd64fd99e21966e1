// A second translation unit for header.cpp: it sees only the header gradgen
// wrote, and links with the generated source.
#include "gen.h"
#include "gg_check.h"
#include <cmath>

int main() {
  for (double X : {-1.5, 0.5, 2.0}) {
    double DX = 0, DY = 0;
    gg::near("lib::f value", lib::f_grad(X, 0.25, &DX, &DY),
             std::sin(X) * 0.25 + X * X, 1e-15);
    gg::near("lib::f d/dx", DX, std::cos(X) * 0.25 + 2 * X, 1e-15);
    gg::near("lib::f d/dy", DY, std::sin(X), 1e-15);
    DX = DY = 0;
    lib::f_pullback(X, 0.25, 2, &DX, &DY);
    gg::near("lib::f pullback d/dx", DX, 2 * (std::cos(X) * 0.25 + 2 * X),
             1e-15);
    float DA = 0;
    gg::near("g value", g_grad(float(X), 3, &DA), float(X) * float(X) * 3,
             1e-6);
    gg::near("g d/da", DA, 6 * float(X), 1e-6);
    double DV[2] = {0, 0};
    const double V[2] = {X, 4};
    lib::inner::h_grad(V, 2.0, DV);
    gg::near("h d/dv0", DV[0], 8, 1e-15);
    gg::near("h d/dv1", DV[1], 2 * X, 1e-15);
  }
  return gg::result();
}
