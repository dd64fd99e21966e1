//===- gradgen/runtime.h - Support for generated gradient code ---*- C++ -*-===//
//
// Included by every file gradgen writes: the markers, the tape, <cmath>, and
// the few helpers that fix the derivative at the kinks of non-smooth
// functions. C++17, header-only, standard library only.
//
// Conventions at kinks (documented in the README):
//   fabs'(0) = 0 (the subgradient PyTorch and JAX use);
//   fmin/fmax at a tie split the gradient equally between the arguments;
//     a NaN argument (which fmin/fmax ignore) gets no gradient;
//   sqrt'(0) = +inf and cbrt'(0) = +inf (the one-sided limits);
//   hypot and atan2 at (0, 0) have gradient (0, 0);
//   pow(a, b) with a <= 0 gets no gradient through the exponent b.
//
//===----------------------------------------------------------------------===//
#ifndef GRADGEN_RUNTIME_H
#define GRADGEN_RUNTIME_H

#include "gradgen/gradgen.h"
#include "gradgen/tape.h"

#include <cmath>
#include <cstddef>
#include <vector> // Records of caller memory whose length is known at a call.

namespace gradgen {
namespace detail {

/// A copy of P[0] .. P[N - 1] (none if N <= 0): the caller memory a call
/// with a run-time extent may change, kept for the reverse sweep.
template <class T, class N> std::vector<T> copy_of(const T *P, N Count) {
  if (!(Count > 0))
    return {};
  return std::vector<T>(P, P + Count);
}

/// The iterations of `while (i < bound) { ...; i += step; }` (`<=` if
/// \p Inclusive) as it starts with i = \p First, for an index that nothing
/// else changes: what a loop reserves on its tape. Compares as the loop does
/// (after the usual arithmetic conversions).
template <class I, class B>
std::size_t trips_up(I First, B Bound, unsigned long long Step,
                     bool Inclusive) {
  using C = decltype(First + Bound);
  C F = static_cast<C>(First), L = static_cast<C>(Bound);
  if (Inclusive ? !(F <= L) : !(F < L))
    return 0;
  unsigned long long Span =
      static_cast<unsigned long long>(L) - static_cast<unsigned long long>(F);
  return static_cast<std::size_t>(Inclusive ? Span / Step + 1
                                            : Span / Step + (Span % Step != 0));
}

/// The iterations of `while (i > bound) { ...; i -= step; }` (`>=` if
/// \p Inclusive); see trips_up.
template <class I, class B>
std::size_t trips_down(I First, B Bound, unsigned long long Step,
                       bool Inclusive) {
  using C = decltype(First + Bound);
  C F = static_cast<C>(First), L = static_cast<C>(Bound);
  if (Inclusive ? !(F >= L) : !(F > L))
    return 0;
  unsigned long long Span =
      static_cast<unsigned long long>(F) - static_cast<unsigned long long>(L);
  return static_cast<std::size_t>(Inclusive ? Span / Step + 1
                                            : Span / Step + (Span % Step != 0));
}

/// d|a|/da, with 0 at a = 0.
template <class T> T sign(T A) {
  return A > T(0) ? T(1) : (A < T(0) ? T(-1) : T(0));
}

/// The share of fmin(a, b)'s gradient that goes to a.
template <class T> T fmin_weight(T A, T B) {
  if (std::isnan(B))
    return T(1);
  if (std::isnan(A))
    return T(0);
  return A < B ? T(1) : (B < A ? T(0) : T(0.5));
}

/// The share of fmax(a, b)'s gradient that goes to a.
template <class T> T fmax_weight(T A, T B) {
  if (std::isnan(B))
    return T(1);
  if (std::isnan(A))
    return T(0);
  return A > B ? T(1) : (B > A ? T(0) : T(0.5));
}

/// x / (x^2 + y^2) (or y / ...) for the partials of atan2(y, x); 0 at the
/// origin, where atan2 has no derivative.
template <class T> T atan2_partial(T A, T R2) {
  return R2 == T(0) ? T(0) : A / R2;
}

/// a / hypot for the partials of hypot; 0 at the origin.
template <class T> T hypot_partial(T A, T H) { return H == T(0) ? T(0) : A / H; }

/// d pow(a, b) / db given y = pow(a, b); 0 where a <= 0.
template <class T> T pow_exponent_partial(T A, T Y) {
  return A > T(0) ? Y * std::log(A) : T(0);
}

/// One value of the caller's memory, kept to be written back after the
/// reverse sweep has restored earlier values in place.
template <class T> struct cell {
  T *Where;
  T Value;
};

/// Writes every kept value back, oldest restore last, so that the caller's
/// memory ends with the values the forward sweep left in it.
template <class T> void write_back(tape<cell<T>> &Cells) {
  while (!Cells.empty()) {
    cell<T> C = Cells.pop();
    *C.Where = C.Value;
  }
}

} // namespace detail
} // namespace gradgen

#endif // GRADGEN_RUNTIME_H
