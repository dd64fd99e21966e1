#ifndef GRADGEN_BENCH_CHECK_H
#define GRADGEN_BENCH_CHECK_H
namespace bench {
/// Checks every generated and hand-written gradient against finite
/// differences on small sizes. Prints "N checks, M failures"; returns 0 when
/// all pass.
int runChecks(bool Verbose);
} // namespace bench
#endif
