// One fix at a time (`gradgen-bench --ablation`): the code gradgen emits for
// a kernel (build/bench/kernels_grad.cpp) with exactly ONE of the changes
// that handwritten.cpp combines, to tell how much each is worth. The tags
// ([block], [assign], [recompute], [dead-tape]) are explained at the top of
// handwritten.cpp.
#include "ablation.h"

#include <gradgen/runtime.h>
#include <gradgen/tape.h>

#include <cmath>
#include <cstddef>
#include <memory>

namespace bench {
namespace ablation {
namespace {
template <class T> class block_tape {
public:
  explicit block_tape(std::size_t N) : P(new T[N > 0 ? N : 1]) {}
  T &operator[](std::size_t I) { return P[I]; }

private:
  std::unique_ptr<T[]> P;
};
} // namespace

// horner, [block] only: the zero-then-increment of _d_p is kept.
double horner_block(const double *c, int n, double x, double *d_c,
                    double *d_x) {
  double _ret{};
  int k{};
  double _d_x{};
  double _d_p{};
  std::size_t _iters = 0;
  block_tape<double> _tape(n > 1 ? std::size_t(n - 1) : 0);
  double p = c[n - 1];
  k = n - 2;
  while (k >= 0) {
    _tape[_iters++] = p;
    p = p * x + c[k];
    k -= 1;
  }
  _ret = p;
  _d_p += 1;
  for (std::size_t _k = _iters; _k > 0; --_k) {
    k += 1;
    double _t0 = _d_p;
    _d_p = 0;
    p = _tape[_k - 1];
    _d_p += _t0 * x;
    _d_x += p * _t0;
    d_c[k] += _t0;
  }
  d_c[n - 1] += _d_p;
  *d_x += _d_x;
  return _ret;
}

// horner, [assign] only: gradgen::tape kept.
double horner_assign(const double *c, int n, double x, double *d_c,
                     double *d_x) {
  double _ret{};
  int k{};
  double _d_x{};
  double _d_p{};
  std::size_t _iters = 0;
  gradgen::tape<double> _tape_double;
  double p = c[n - 1];
  k = n - 2;
  while (k >= 0) {
    ++_iters;
    _tape_double.push(p);
    p = p * x + c[k];
    k -= 1;
  }
  _ret = p;
  _d_p += 1;
  for (std::size_t _k = _iters; _k > 0; --_k) {
    k += 1;
    double _t0 = _d_p;
    p = _tape_double.pop();
    _d_p = _t0 * x;
    _d_x += p * _t0;
    d_c[k] += _t0;
  }
  d_c[n - 1] += _d_p;
  *d_x += _d_x;
  return _ret;
}

// seed_loop, [block] only: y is still taped, in a block.
double seed_block(const double *x, int n, double *d_x) {
  double _ret{};
  int i{};
  double y{};
  double w{};
  double _d_s{};
  double _d_y{};
  double _d_w{};
  std::size_t _iters = 0;
  block_tape<double> _tape(n > 0 ? std::size_t(n) : 0);
  double s = 0;
  i = 0;
  while (i < n) {
    _tape[_iters++] = y;
    y = 2 * x[i];
    w = y * y;
    s += w;
    i += 1;
  }
  _ret = s;
  _d_s += 1;
  for (std::size_t _k = _iters; _k > 0; --_k) {
    i -= 1;
    _d_w += _d_s;
    {
      double _t0 = _d_w;
      _d_w = 0;
      _d_y += _t0 * y;
      _d_y += y * _t0;
    }
    {
      double _t0 = _d_y;
      _d_y = 0;
      y = _tape[_k - 1];
      d_x[i] += 2 * _t0;
    }
  }
  (void)w;
  return _ret;
}

// seed_loop, [recompute] only: y recomputed, nothing taped.
double seed_recompute(const double *x, int n, double *d_x) {
  double _ret{};
  int i{};
  double y{};
  double w{};
  double _d_s{};
  double _d_y{};
  double _d_w{};
  std::size_t _iters = 0;
  double s = 0;
  i = 0;
  while (i < n) {
    ++_iters;
    y = 2 * x[i];
    w = y * y;
    s += w;
    i += 1;
  }
  _ret = s;
  _d_s += 1;
  for (std::size_t _k = _iters; _k > 0; --_k) {
    i -= 1;
    y = 2 * x[i];
    _d_w += _d_s;
    {
      double _t0 = _d_w;
      _d_w = 0;
      _d_y += _t0 * y;
      _d_y += y * _t0;
    }
    {
      double _t0 = _d_y;
      _d_y = 0;
      d_x[i] += 2 * _t0;
    }
  }
  (void)w;
  return _ret;
}

// dense_tanh, [dead-tape] only: gradgen::tape kept for the per-row values.
double dense_dead_tape(const double *W, const double *b, const double *x,
                       int m, int n, double *d_W, double *d_b, double *d_x) {
  double _ret{};
  int i{};
  double z{};
  int j{};
  double _d_s{};
  double _d_z{};
  std::size_t _iters = 0;
  gradgen::tape<double> _tape_double;
  gradgen::tape<int> _tape_int;
  gradgen::tape<std::size_t> _tape_std_size_t;
  double s = 0;
  i = 0;
  while (i < m) {
    ++_iters;
    _tape_double.push(z);
    z = b[i];
    _tape_int.push(j);
    j = 0;
    std::size_t _iters1 = 0;
    while (j < n) {
      ++_iters1;
      z += W[i * n + j] * x[j];
      j += 1;
    }
    _tape_std_size_t.push(_iters1);
    s += tanh(z);
    i += 1;
  }
  _ret = s;
  _d_s += 1;
  for (std::size_t _k = _iters; _k > 0; --_k) {
    i -= 1;
    _d_z += _d_s * (1 - tanh(z) * tanh(z));
    for (std::size_t _k1 = _tape_std_size_t.pop(); _k1 > 0; --_k1) {
      j -= 1;
      d_W[i * n + j] += _d_z * x[j];
      d_x[j] += W[i * n + j] * _d_z;
    }
    j = _tape_int.pop();
    double _t0 = _d_z;
    _d_z = 0;
    z = _tape_double.pop();
    d_b[i] += _t0;
  }
  return _ret;
}

// huber, [block] only: the branch decisions still taped, in a block.
double huber_block(const double *r, int n, double delta, double *d_r) {
  double _ret{};
  int i{};
  double a{};
  double _d_s{};
  double _d_a{};
  std::size_t _iters = 0;
  block_tape<bool> _tape(n > 0 ? std::size_t(n) : 0);
  double s = 0;
  i = 0;
  while (i < n) {
    a = fabs(r[i]);
    if (a <= delta) {
      s += 0.5 * r[i] * r[i];
      _tape[_iters] = true;
    } else {
      s += delta * (a - 0.5 * delta);
      _tape[_iters] = false;
    }
    ++_iters;
    i += 1;
  }
  _ret = s;
  _d_s += 1;
  for (std::size_t _k = _iters; _k > 0; --_k) {
    i -= 1;
    if (_tape[_k - 1]) {
      d_r[i] += 0.5 * (_d_s * r[i]);
      double _t0 = 0.5 * r[i];
      d_r[i] += _t0 * _d_s;
    } else {
      _d_a += delta * _d_s;
    }
    double _t0 = _d_a;
    _d_a = 0;
    d_r[i] += _t0 * gradgen::detail::sign(r[i]);
  }
  return _ret;
}

// huber, [recompute] only: the condition re-decided from r, no tape.
double huber_recompute(const double *r, int n, double delta, double *d_r) {
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
    a = fabs(r[i]);
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
    a = fabs(r[i]);
    if (a <= delta) {
      d_r[i] += 0.5 * (_d_s * r[i]);
      double _t0 = 0.5 * r[i];
      d_r[i] += _t0 * _d_s;
    } else {
      _d_a += delta * _d_s;
    }
    double _t0 = _d_a;
    _d_a = 0;
    d_r[i] += _t0 * gradgen::detail::sign(r[i]);
  }
  return _ret;
}

} // namespace ablation
} // namespace bench
