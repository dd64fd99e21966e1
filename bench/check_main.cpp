// `gradgen-bench --check` without Google Benchmark: the lit test builds it
// from freshly generated code with both compilers (test/bench/).
#include "check.h"

int main() { return bench::runChecks(/*Verbose=*/true); }
