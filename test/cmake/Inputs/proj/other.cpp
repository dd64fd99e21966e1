#include "model.h"
int other() { return 42; }
