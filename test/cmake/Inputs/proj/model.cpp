#include <gradgen/gradgen.h>
#include "params.h"
#include "model.h"

// Only compiles if gradgen sees the target's definitions, with their quotes.
static_assert(sizeof(MODEL_NAME) == sizeof("spring model"), "MODEL_NAME");

GRADGEN_DIFFERENTIABLE
double energy(double x, double y) { return PARAM_SCALE * x * x * y + MODEL_OFFSET * y; }
