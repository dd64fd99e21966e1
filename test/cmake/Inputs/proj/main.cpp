#include "model_grad.h" // from the target's generated include directory
#include "model.h"
#include <cstdio>

int main() {
  double DX = 0, DY = 0;
  double V = energy_grad(2.0, 3.0, &DX, &DY);
  std::printf("value %.17g dx %.17g dy %.17g other %d\n", V, DX, DY, other());
  return V == energy(2.0, 3.0) ? 0 : 1;
}
