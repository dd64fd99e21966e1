//===- test/random/dual.h - Forward-mode dual numbers (test oracle) -*- C++ -*-//
//
// Header-only forward-mode automatic differentiation for the random tester:
// gg_test::dual<T> carries a value and one tangent. Everything the generated
// programs use is overloaded (arithmetic, compound assignment, ++/--,
// comparisons on the value, the <cmath> functions of gradgen's subset) so that
// the SAME function body compiles with `double` replaced by `dual<double>`.
//
// The forward-mode run of a function with tangent v on its inputs yields the
// directional derivative <grad f, v> exactly up to rounding; comparing it with
// gradgen's reverse-mode gradient is the random tester's main oracle.
//
// Conventions at kinks follow include/gradgen/runtime.h so that both sides
// agree even exactly at a kink:
//   fabs'(0) = 0; fmin/fmax split the tangent equally at a tie;
//   hypot at (0, 0) has derivative (0, 0); pow(a, b) with a <= 0 gets no
//   derivative through the exponent.
//
// Also: gg_test::detach_like(e) (value only: the forward image of
// gradgen::detach) and gg_test::value(e).
//
// C++17, standard library only.
//
//===----------------------------------------------------------------------===//
#ifndef GG_TEST_DUAL_H
#define GG_TEST_DUAL_H

#include <cmath>
#include <type_traits>

namespace gg_test {

template <class T> struct dual;

template <class X> struct is_dual : std::false_type {};
template <class T> struct is_dual<dual<T>> : std::true_type {};

template <class T> struct dual {
  T v; ///< value
  T d; ///< tangent

  constexpr dual() : v(0), d(0) {}
  // Implicit from any arithmetic type: constants have zero tangent. There is
  // deliberately no conversion back to arithmetic types.
  template <class U,
            std::enable_if_t<std::is_arithmetic<U>::value, int> = 0>
  constexpr dual(U Value) : v(static_cast<T>(Value)), d(0) {}
  constexpr dual(T Value, T Tangent) : v(Value), d(Tangent) {}

  dual &operator+=(const dual &B) {
    v += B.v;
    d += B.d;
    return *this;
  }
  dual &operator-=(const dual &B) {
    v -= B.v;
    d -= B.d;
    return *this;
  }
  dual &operator*=(const dual &B) {
    d = d * B.v + v * B.d;
    v *= B.v;
    return *this;
  }
  dual &operator/=(const dual &B) {
    T Q = v / B.v;
    d = (d - Q * B.d) / B.v;
    v = Q;
    return *this;
  }
  dual &operator++() {
    v += 1;
    return *this;
  }
  dual &operator--() {
    v -= 1;
    return *this;
  }
  dual operator++(int) {
    dual Old = *this;
    v += 1;
    return Old;
  }
  dual operator--(int) {
    dual Old = *this;
    v -= 1;
    return Old;
  }

  // Hidden friends: found by ADL, and since they are not templates the
  // arithmetic operand converts implicitly (dual * 2, 0.5 + dual, ...).
  friend dual operator+(const dual &A) { return A; }
  friend dual operator-(const dual &A) { return dual(-A.v, -A.d); }
  friend dual operator+(const dual &A, const dual &B) {
    return dual(A.v + B.v, A.d + B.d);
  }
  friend dual operator-(const dual &A, const dual &B) {
    return dual(A.v - B.v, A.d - B.d);
  }
  friend dual operator*(const dual &A, const dual &B) {
    return dual(A.v * B.v, A.d * B.v + A.v * B.d);
  }
  friend dual operator/(const dual &A, const dual &B) {
    T Q = A.v / B.v;
    return dual(Q, (A.d - Q * B.d) / B.v);
  }
  friend bool operator<(const dual &A, const dual &B) { return A.v < B.v; }
  friend bool operator<=(const dual &A, const dual &B) { return A.v <= B.v; }
  friend bool operator>(const dual &A, const dual &B) { return A.v > B.v; }
  friend bool operator>=(const dual &A, const dual &B) { return A.v >= B.v; }
  friend bool operator==(const dual &A, const dual &B) { return A.v == B.v; }
  friend bool operator!=(const dual &A, const dual &B) { return A.v != B.v; }
};

// ---- value / detach / casts ---------------------------------------------

template <class T> constexpr T value(const dual<T> &A) { return A.v; }
template <class X, std::enable_if_t<std::is_arithmetic<X>::value, int> = 0>
constexpr X value(X A) {
  return A;
}
template <class T> constexpr T tangent(const dual<T> &A) { return A.d; }
template <class X, std::enable_if_t<std::is_arithmetic<X>::value, int> = 0>
constexpr X tangent(X) {
  return X(0);
}

/// The forward image of gradgen::detach: the value, tangent zero.
template <class T> constexpr dual<T> detach_like(const dual<T> &A) {
  return dual<T>(A.v, T(0));
}
template <class X, std::enable_if_t<std::is_arithmetic<X>::value, int> = 0>
constexpr X detach_like(X A) {
  return A;
}

/// cast<To>(e): static_cast<To>(e) for arithmetic e; the identity for duals
/// (the oracle computes in its own precision).
template <class To, class T> constexpr dual<T> cast(const dual<T> &A) {
  return A;
}
template <class To, class X,
          std::enable_if_t<std::is_arithmetic<X>::value, int> = 0>
constexpr To cast(X A) {
  return static_cast<To>(A);
}

// ---- helpers for mixed arguments ----------------------------------------

namespace detail {
template <class A, class B> struct dual_of2 {};
template <class T> struct dual_of2<dual<T>, dual<T>> {
  using type = dual<T>;
};
template <class T, class X> struct dual_of2<dual<T>, X> {
  using type = std::enable_if_t<std::is_arithmetic<X>::value, dual<T>>;
};
template <class X, class T> struct dual_of2<X, dual<T>> {
  using type = std::enable_if_t<std::is_arithmetic<X>::value, dual<T>>;
};
template <class A, class B>
using dual_of2_t = typename dual_of2<std::decay_t<A>, std::decay_t<B>>::type;

template <class A, class B, class C> struct dual_of3 {
  using type = void;
};
template <class A, class B, class C>
using any_dual3 = std::integral_constant<bool, is_dual<A>::value ||
                                                   is_dual<B>::value ||
                                                   is_dual<C>::value>;
template <class A> struct base_of {
  using type = double;
};
template <class T> struct base_of<dual<T>> {
  using type = T;
};
} // namespace detail

// ---- one-argument functions ---------------------------------------------

// For arithmetic arguments each function forwards to std:: so that the
// templated bodies also instantiate with T = double.
#define GG_TEST_FWD1(NAME)                                                     \
  template <class X, std::enable_if_t<std::is_arithmetic<X>::value, int> = 0>  \
  auto NAME(X A) {                                                             \
    return std::NAME(A);                                                       \
  }

#define GG_TEST_DUAL1(NAME, DERIV)                                             \
  GG_TEST_FWD1(NAME)                                                           \
  template <class T> dual<T> NAME(const dual<T> &A) {                          \
    using std::sin, std::cos, std::tan, std::sqrt, std::exp, std::log,         \
        std::cosh, std::sinh, std::tanh, std::cbrt, std::expm1, std::exp2;     \
    const T x = A.v;                                                           \
    const T y = std::NAME(x);                                                  \
    (void)y;                                                                   \
    return dual<T>(y, (DERIV)*A.d);                                            \
  }

GG_TEST_DUAL1(sin, cos(x))
GG_TEST_DUAL1(cos, -sin(x))
GG_TEST_DUAL1(tan, T(1) + y * y)
GG_TEST_DUAL1(asin, T(1) / sqrt((T(1) - x) * (T(1) + x)))
GG_TEST_DUAL1(acos, -T(1) / sqrt((T(1) - x) * (T(1) + x)))
GG_TEST_DUAL1(atan, T(1) / (T(1) + x * x))
GG_TEST_DUAL1(sinh, cosh(x))
GG_TEST_DUAL1(cosh, sinh(x))
GG_TEST_DUAL1(tanh, T(1) - y * y)
GG_TEST_DUAL1(asinh, T(1) / sqrt(x * x + T(1)))
GG_TEST_DUAL1(acosh, T(1) / (sqrt(x - T(1)) * sqrt(x + T(1))))
GG_TEST_DUAL1(atanh, T(1) / ((T(1) - x) * (T(1) + x)))
GG_TEST_DUAL1(exp, y)
GG_TEST_DUAL1(exp2, y * T(0.693147180559945309417232121458176568L))
GG_TEST_DUAL1(expm1, exp(x))
GG_TEST_DUAL1(log, T(1) / x)
GG_TEST_DUAL1(log2, T(1) / (x * T(0.693147180559945309417232121458176568L)))
GG_TEST_DUAL1(log10, T(1) / (x * T(2.30258509299404568401799145468436421L)))
GG_TEST_DUAL1(log1p, T(1) / (T(1) + x))
GG_TEST_DUAL1(sqrt, T(1) / (T(2) * y))
GG_TEST_DUAL1(cbrt, T(1) / (T(3) * y * y))
GG_TEST_DUAL1(fabs, (x > T(0) ? T(1) : (x < T(0) ? T(-1) : T(0))))
GG_TEST_DUAL1(erf, T(1.12837916709551257389615890312154517L) * exp(-x * x))
GG_TEST_DUAL1(erfc, -T(1.12837916709551257389615890312154517L) * exp(-x * x))

#undef GG_TEST_DUAL1

// ---- two-argument functions ---------------------------------------------

#define GG_TEST_FWD2(NAME)                                                     \
  template <class X, class Y,                                                  \
            std::enable_if_t<std::is_arithmetic<X>::value &&                   \
                                 std::is_arithmetic<Y>::value,                 \
                             int> = 0>                                         \
  auto NAME(X A, Y B) {                                                        \
    return std::NAME(A, B);                                                    \
  }

GG_TEST_FWD2(atan2)
GG_TEST_FWD2(pow)
GG_TEST_FWD2(hypot)
GG_TEST_FWD2(fmin)
GG_TEST_FWD2(fmax)

template <class A, class B, class D = detail::dual_of2_t<A, B>>
D atan2(const A &YIn, const B &XIn) {
  D Y(YIn), X(XIn);
  auto R2 = X.v * X.v + Y.v * Y.v;
  // gradgen's convention: no derivative at the origin, taken as 0.
  return D(std::atan2(Y.v, X.v),
           R2 == 0 ? decltype(R2)(0) : (X.v * Y.d - Y.v * X.d) / R2);
}

template <class A, class B, class D = detail::dual_of2_t<A, B>>
D pow(const A &BaseIn, const B &ExpIn) {
  D Base(BaseIn), Ex(ExpIn);
  using T = decltype(Base.v);
  T Y = std::pow(Base.v, Ex.v);
  T Der = T(0);
  if (Base.d != T(0)) {
    // d/da a^b = b a^(b-1); written so that b = 0, 1, 2 stay exact at a = 0.
    if (Ex.v == T(0))
      Der += T(0);
    else if (Ex.v == T(1))
      Der += Base.d;
    else
      Der += Ex.v * std::pow(Base.v, Ex.v - T(1)) * Base.d;
  }
  if (Ex.d != T(0) && Base.v > T(0))
    Der += Y * std::log(Base.v) * Ex.d;
  return D(Y, Der);
}

template <class A, class B, class D = detail::dual_of2_t<A, B>>
D hypot(const A &XIn, const B &YIn) {
  D X(XIn), Y(YIn);
  using T = decltype(X.v);
  T H = std::hypot(X.v, Y.v);
  if (H == T(0))
    return D(H, T(0));
  return D(H, (X.v * X.d + Y.v * Y.d) / H);
}

template <class A, class B, class D = detail::dual_of2_t<A, B>>
D fmin(const A &XIn, const B &YIn) {
  D X(XIn), Y(YIn);
  using T = decltype(X.v);
  if (std::isnan(Y.v))
    return X;
  if (std::isnan(X.v))
    return Y;
  if (X.v < Y.v)
    return X;
  if (Y.v < X.v)
    return Y;
  return D(X.v, T(0.5) * (X.d + Y.d));
}

template <class A, class B, class D = detail::dual_of2_t<A, B>>
D fmax(const A &XIn, const B &YIn) {
  D X(XIn), Y(YIn);
  using T = decltype(X.v);
  if (std::isnan(Y.v))
    return X;
  if (std::isnan(X.v))
    return Y;
  if (X.v > Y.v)
    return X;
  if (Y.v > X.v)
    return Y;
  return D(X.v, T(0.5) * (X.d + Y.d));
}

#undef GG_TEST_FWD1
#undef GG_TEST_FWD2

// ---- fma ------------------------------------------------------------------

template <class X, class Y, class Z,
          std::enable_if_t<std::is_arithmetic<X>::value &&
                               std::is_arithmetic<Y>::value &&
                               std::is_arithmetic<Z>::value,
                           int> = 0>
auto fma(X A, Y B, Z C) {
  return std::fma(A, B, C);
}

template <class X, class Y, class Z,
          std::enable_if_t<detail::any_dual3<X, Y, Z>::value, int> = 0,
          class T = typename detail::base_of<std::conditional_t<
              is_dual<X>::value, X,
              std::conditional_t<is_dual<Y>::value, Y, Z>>>::type>
dual<T> fma(const X &AIn, const Y &BIn, const Z &CIn) {
  dual<T> A(AIn), B(BIn), C(CIn);
  return dual<T>(std::fma(A.v, B.v, C.v), A.d * B.v + A.v * B.d + C.d);
}

} // namespace gg_test

#endif // GG_TEST_DUAL_H
