// Hand-written gradients of the kernels in kernels.cpp, with the same
// signatures and contract as the generated *_grad functions (return the
// value, ADD the gradient into the adjoints).
//
// Each one is the code gradgen emits for the kernel (build/bench/
// kernels_grad.cpp) with only the changes listed above it applied: they are
// what the engine could emit, not clever rewrites. bench/README.md measures
// them against the generated code. The changes are:
//
//  [block]   A loop whose trip count is known when it starts (a counted for
//            loop whose index and bound the body does not write) keeps its
//            taped values in one block of that many elements, indexed by the
//            iteration counter the generated code already keeps (_iters).
//            No capacity check, hence no call inside the loop: with
//            gradgen::tape, the out-of-line nextChunk()/prevChunk() call in
//            every push/pop makes both compilers keep the loop's
//            floating-point variables in stack slots for the whole loop
//            (x86-64 has no callee-saved XMM register), which puts a store
//            and a reload on the loop-carried dependency chain. One large
//            block is also freed and reused by malloc without page faults,
//            where 64 KiB chunks are trimmed back to the kernel at every call.
//  [assign]  The adjoint of a variable that an assignment overwrites is
//            assigned its first contribution (`_d_p = _t0 * x;`) instead of
//            being zeroed and then incremented (`_d_p = 0; ... _d_p += _t0 *
//            x;`). The compiler may not fold 0.0 + y into y (it is wrong for
//            y = -0.0), so the zeroing costs one floating-point add on the
//            loop-carried chain of the reverse sweep.
//  [recompute] A value computed in the loop body only from parameters the
//            function never writes and from the (restored) loop index is
//            recomputed in the reverse sweep instead of being taped.
//  [dead-tape] A variable is not taped before an assignment when no reverse
//            statement reads the value the tape would restore (`z += W x`:
//            its adjoint reads W and x, never z).
//  [one-add] The contributions of one statement to the same adjoint element
//            are summed first and added to memory once (d_x[i] += a + b + c),
//            instead of one load/add/store per occurrence.
#include "kernels.h"

#include <cmath>
#include <cstddef>
#include <memory>

namespace bench {
namespace hand {
namespace {

/// [block]: the storage a counted loop's tape needs, allocated once, left
/// uninitialised, indexed by iteration.
template <class T> class block_tape {
public:
  explicit block_tape(std::size_t N) : P(new T[N > 0 ? N : 1]) {}
  T &operator[](std::size_t I) { return P[I]; }

private:
  std::unique_ptr<T[]> P;
};

std::size_t tripCount(long long First, long long End) {
  return End > First ? static_cast<std::size_t>(End - First) : 0;
}

} // namespace

// sum_cubes: [one-add]. (Nothing is taped.)
double sum_cubes_grad(const double *x, int n, double *d_x) {
  double _ret{};
  int i{};
  double _d_s{};
  std::size_t _iters = 0;
  double s = 0;
  i = 0;
  while (i < n) {
    ++_iters;
    s += x[i] * x[i] * x[i];
    i += 1;
  }
  _ret = s;
  _d_s += 1;
  for (std::size_t _k = _iters; _k > 0; --_k) {
    i -= 1;
    double _t0 = _d_s * x[i];
    double _t1 = x[i] * x[i];
    d_x[i] += _t0 * x[i] + x[i] * _t0 + _t1 * _d_s;
  }
  return _ret;
}

// horner: [block] for p, [assign] for _d_p.
double horner_grad(const double *c, int n, double x, double *d_c,
                   double *d_x) {
  double _ret{};
  int k{};
  double _d_x{};
  double _d_p{};
  std::size_t _iters = 0;
  block_tape<double> _tape_p(tripCount(0, n - 1)); // k = n-2 down to 0
  double p = c[n - 1];
  k = n - 2;
  while (k >= 0) {
    _tape_p[_iters++] = p;
    p = p * x + c[k];
    k -= 1;
  }
  _ret = p;
  _d_p = 1;
  for (std::size_t _k = _iters; _k > 0; --_k) {
    k += 1;
    double _t0 = _d_p;
    p = _tape_p[_k - 1];
    _d_p = _t0 * x;
    _d_x += p * _t0;
    d_c[k] += _t0;
  }
  d_c[n - 1] += _d_p;
  *d_x += _d_x;
  return _ret;
}

// recurrence: [block] for h, [assign] for _d_h.
double recurrence_grad(double w, double u, const double *x, int T, double *d_w,
                       double *d_u, double *d_x) {
  double _ret{};
  int t{};
  double _d_w{};
  double _d_u{};
  double _d_h{};
  std::size_t _iters = 0;
  block_tape<double> _tape_h(tripCount(0, T));
  double h = 0;
  t = 0;
  while (t < T) {
    _tape_h[_iters++] = h;
    h = std::tanh(w * h + u * x[t]);
    t += 1;
  }
  _ret = h;
  _d_h = 1;
  for (std::size_t _k = _iters; _k > 0; --_k) {
    t -= 1;
    double _t0 = _d_h;
    double _t1 = h;
    h = _tape_h[_k - 1];
    double _t2 = _t0 * (1 - _t1 * _t1);
    _d_w += _t2 * h;
    _d_h = w * _t2;
    _d_u += _t2 * x[t];
    d_x[t] += u * _t2;
  }
  *d_w += _d_w;
  *d_u += _d_u;
  return _ret;
}

// seed_loop: [recompute] y = 2 x[i] (no tape at all), [assign] for the
// adjoints of the body's locals.
double seed_loop_grad(const double *x, int n, double *d_x) {
  double _ret{};
  int i{};
  double y{};
  double _d_s{};
  std::size_t _iters = 0;
  double s = 0;
  i = 0;
  while (i < n) {
    ++_iters;
    y = 2 * x[i];
    double w = y * y;
    s += w;
    i += 1;
  }
  _ret = s;
  _d_s += 1;
  for (std::size_t _k = _iters; _k > 0; --_k) {
    i -= 1;
    y = 2 * x[i]; // recomputed
    double _d_w = _d_s;
    double _d_y = _d_w * y + y * _d_w;
    d_x[i] += 2 * _d_y;
  }
  return _ret;
}

// dense_tanh: [dead-tape] for z in the inner loop (65536 pushes and pops
// gone), [block] for the per-row tapes (z before `z = b[i]`, j, the inner
// trip count).
double dense_tanh_grad(const double *W, const double *b, const double *x,
                       int m, int n, double *d_W, double *d_b, double *d_x) {
  double _ret{};
  int i{};
  double z{};
  int j{};
  double _d_s{};
  double _d_z{};
  std::size_t _iters = 0;
  const std::size_t Rows = tripCount(0, m);
  block_tape<double> _tape_z(Rows);
  block_tape<int> _tape_j(Rows);
  block_tape<std::size_t> _tape_iters1(Rows);
  double s = 0;
  i = 0;
  while (i < m) {
    _tape_z[_iters] = z;
    z = b[i];
    _tape_j[_iters] = j;
    j = 0;
    std::size_t _iters1 = 0;
    while (j < n) {
      ++_iters1;
      z += W[i * n + j] * x[j];
      j += 1;
    }
    _tape_iters1[_iters] = _iters1;
    ++_iters;
    s += std::tanh(z);
    i += 1;
  }
  _ret = s;
  _d_s += 1;
  for (std::size_t _k = _iters; _k > 0; --_k) {
    i -= 1;
    double _th = std::tanh(z);
    _d_z += _d_s * (1 - _th * _th);
    for (std::size_t _k1 = _tape_iters1[_k - 1]; _k1 > 0; --_k1) {
      j -= 1;
      d_W[i * n + j] += _d_z * x[j];
      d_x[j] += W[i * n + j] * _d_z;
    }
    j = _tape_j[_k - 1];
    double _t0 = _d_z;
    _d_z = 0;
    z = _tape_z[_k - 1];
    d_b[i] += _t0;
  }
  return _ret;
}

// huber: [recompute] the branch condition (r and delta are never written, so
// `fabs(r[i]) <= delta` is re-decided in the reverse sweep: no bool tape);
// [one-add] in the first branch.
double huber_grad(const double *r, int n, double delta, double *d_r) {
  double _ret{};
  int i{};
  double a{};
  double _d_s{};
  double _d_a{};
  std::size_t _iters = 0;
  double s = 0;
  i = 0;
  while (i < n) {
    ++_iters;
    a = std::fabs(r[i]);
    if (a <= delta)
      s += 0.5 * r[i] * r[i];
    else
      s += delta * (a - 0.5 * delta);
    i += 1;
  }
  _ret = s;
  _d_s += 1;
  for (std::size_t _k = _iters; _k > 0; --_k) {
    i -= 1;
    a = std::fabs(r[i]); // recomputed
    if (a <= delta) {
      double _t0 = 0.5 * r[i];
      d_r[i] += 0.5 * (_d_s * r[i]) + _t0 * _d_s;
    } else {
      _d_a += delta * _d_s;
    }
    double _t0 = _d_a;
    _d_a = 0;
    // fabs'(0) = 0, as gradgen::detail::sign.
    d_r[i] += _t0 * (r[i] > 0 ? 1.0 : r[i] < 0 ? -1.0 : 0.0);
  }
  return _ret;
}

} // namespace hand
} // namespace bench
