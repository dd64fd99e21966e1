// One-fix-at-a-time variants of the generated gradients (ablation.cpp).
#ifndef GRADGEN_BENCH_ABLATION_H
#define GRADGEN_BENCH_ABLATION_H
namespace bench {
namespace ablation {
double horner_block(const double *c, int n, double x, double *d_c,
                    double *d_x);
double horner_assign(const double *c, int n, double x, double *d_c,
                     double *d_x);
double seed_block(const double *x, int n, double *d_x);
double seed_recompute(const double *x, int n, double *d_x);
double dense_dead_tape(const double *W, const double *b, const double *x,
                       int m, int n, double *d_W, double *d_b, double *d_x);
double huber_block(const double *r, int n, double delta, double *d_r);
double huber_recompute(const double *r, int n, double delta, double *d_r);
} // namespace ablation
} // namespace bench
#endif
