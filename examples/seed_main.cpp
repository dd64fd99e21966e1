// Calls the gradient gradgen wrote for examples/seed.cpp.
#include "seed_grad.h"

#include <cstdio>

int main() {
  double x[3] = {1, 2, 3};
  double dx[3] = {0, 0, 0}; // Gradients accumulate: start from zero.
  double value = loss_grad(x, 3, dx);
  std::printf("x = [1, 2, 3]\nloss = sum (2x)^2 = %g\n", value);
  std::printf("d loss / dx = [%g, %g, %g]\n", dx[0], dx[1], dx[2]);
  return dx[0] == 8 && dx[1] == 16 && dx[2] == 24 ? 0 : 1;
}
