// What gradgen refuses, one case per run (-D selects it): an error at the
// construct, exit code 1, and no output file.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DNODERIV > %t/noderiv.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=NODERIV < %t/noderiv.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DMATHNODERIV > %t/mathnoderiv.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=MATHNODERIV < %t/mathnoderiv.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DGOTO > %t/goto.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=GOTO < %t/goto.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DASM > %t/asm.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=ASM < %t/asm.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DSTRUCTCUSTOM > %t/structcustom.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=STRUCTCUSTOM < %t/structcustom.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DCLOBBER > %t/clobber.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=CLOBBER < %t/clobber.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DTWOTYPES > %t/twotypes.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=TWOTYPES < %t/twotypes.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DRETINT > %t/retint.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=RETINT < %t/retint.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DTRY > %t/try.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=TRY < %t/try.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DTHROW > %t/throw.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=THROW < %t/throw.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DTHROWEXPR > %t/throwexpr.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=THROWEXPR < %t/throwexpr.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DFNPTR > %t/fnptr.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=FNPTR < %t/fnptr.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DVIRTUAL > %t/virtual.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=VIRTUAL < %t/virtual.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DVARCALLEE > %t/varcallee.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=VARCALLEE < %t/varcallee.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DVARIADIC > %t/variadic.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=VARIADIC < %t/variadic.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DMEMBER > %t/member.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=MEMBER < %t/member.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DTEMPLATE > %t/template.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=TEMPLATE < %t/template.txt
// RUN: test ! -e %t/out.cpp
// One refusal among good functions still fails the whole run.
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DGOOD -DGOTO > %t/mixed.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=GOTO < %t/mixed.txt
// RUN: test ! -e %t/out.cpp
// Several refusals: each is reported, in source order.
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DGOTO -DASM -DTRY > %t/all.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=ALL < %t/all.txt
// RUN: test ! -e %t/out.cpp
// The file with none of the cases is fine.
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DGOOD
// RUN: test -s %t/out.cpp

#include <gradgen/gradgen.h>
#include <cmath>
#include <cstdio>

#ifdef GOOD
GRADGEN_DIFFERENTIABLE
double good(double x) { return x * x; }
#endif

#ifdef NODERIV
double external(double x); // no body: no derivative is known
GRADGEN_DIFFERENTIABLE
double noderiv(double x) {
  // NODERIV: {{.*}}refusals.cpp:[[@LINE+1]]:10: error: call to 'external' is not supported
  return external(x) * x;
}
#endif

#ifdef MATHNODERIV
GRADGEN_DIFFERENTIABLE
double mathnoderiv(double x) {
  // MATHNODERIV: {{.*}}refusals.cpp:[[@LINE+1]]:14: error: call to '{{(std::)?}}tgamma' is not supported
  return x + std::tgamma(x);
}
#endif

#ifdef GOTO
GRADGEN_DIFFERENTIABLE
double gotos(double x) {
  double y = x;
  // GOTO: {{.*}}refusals.cpp:[[@LINE+2]]:14: error: goto
  // ALL: {{.*}}refusals.cpp:[[@LINE+1]]:14: error: goto
  if (x > 0) goto done;
  y = y * 2;
done:
  return y;
}
#endif

#ifdef ASM
GRADGEN_DIFFERENTIABLE
double assembly(double x) {
  // ASM: {{.*}}refusals.cpp:[[@LINE+2]]:3: error: inline assembly
  // ALL: {{.*}}refusals.cpp:[[@LINE+1]]:3: error: inline assembly
  asm("nop");
  return x;
}
#endif

#ifdef STRUCTCUSTOM
// A custom pullback for a function returning a struct: no convention for
// it yet.
struct V2 {
  double x, y;
};
V2 twice(const V2 &a);
void twice_pullback(const V2 &a, V2 &result, V2 *d_a, V2 *d_result);
GRADGEN_DIFFERENTIABLE
double structcustom(double a) {
  V2 v{a, a};
  // STRUCTCUSTOM: {{.*}}refusals.cpp:[[@LINE+1]]:10: error: a custom pullback for 'twice', which returns a struct, is not supported
  V2 w = twice(v);
  return w.x;
}
#endif

#ifdef CLOBBER
// The pullback of fill redoes its writes into w: in a loop the reverse
// sweep would end with the first run's values, and which elements fill
// writes is unknown here (o[m - 1 - i], not o[i] below m: see
// calls/runtime-extent.cpp for the form gradgen handles).
static void fill(const double *v, int m, double *o) {
  for (int i = 0; i < m; ++i)
    o[m - 1 - i] = v[i] * v[i];
}
GRADGEN_DIFFERENTIABLE
double clobber(const double *x, int n, double w[]) {
  for (int j = 0; j < 2; ++j)
    // CLOBBER: {{.*}}refusals.cpp:[[@LINE+1]]:5: error: gradgen cannot differentiate this call: 'fill' overwrites memory of 'w', which every run of the loop writes, and the extent of that memory is unknown here
    fill(x, n, w);
  w[0] -= x[0];
  return x[0] * x[1];
}
#endif

#ifdef TWOTYPES
GRADGEN_DIFFERENTIABLE
double twotypes(float *u, double *w, double a) {
  u[0] = u[0] * (float)a;
  // TWOTYPES: {{.*}}refusals.cpp:[[@LINE+1]]:8: error: writing the caller's memory of two different types (double and float) is not supported yet
  w[0] = w[0] * a;
  return u[0] * w[0];
}
#endif

#ifdef RETINT
GRADGEN_DIFFERENTIABLE
// RETINT: {{.*}}refusals.cpp:[[@LINE+1]]:1: error: gradgen can only differentiate functions that return {{.*}}; 'retint' returns 'int'
int retint(double x) { return (int)(x * x); }
#endif

#ifdef TRY
GRADGEN_DIFFERENTIABLE
double tries(double x) {
  // TRY: {{.*}}refusals.cpp:[[@LINE+2]]:3: error: try
  // ALL: {{.*}}refusals.cpp:[[@LINE+1]]:3: error: try
  try {
    x = x * 2;
  } catch (...) {
  }
  return x;
}
#endif

#ifdef THROW
GRADGEN_DIFFERENTIABLE
double throws(double x) {
  // THROW: {{.*}}refusals.cpp:[[@LINE+1]]:14: error: {{.*}}not supported
  if (x < 0) throw 1;
  return x;
}
#endif

#ifdef THROWEXPR
GRADGEN_DIFFERENTIABLE
double throwexpr(double x) {
  // THROWEXPR: {{.*}}refusals.cpp:[[@LINE+1]]:18: error: throw expressions are not supported
  return x < 0 ? throw 1 : x;
}
#endif

#ifdef FNPTR
double (*Pointer)(double) = nullptr;
GRADGEN_DIFFERENTIABLE
double fnptr(double x) {
  // FNPTR: {{.*}}refusals.cpp:[[@LINE+1]]:10: error: calls through function pointers
  return Pointer(x) * x;
}
#endif

#ifdef VIRTUAL
struct Base {
  virtual double v(double x) const { return x; }
  virtual ~Base() = default;
};
extern const Base Object;
GRADGEN_DIFFERENTIABLE
double virt(double x) {
  // VIRTUAL: {{.*}}refusals.cpp:[[@LINE+1]]:17: error: virtual calls are not supported
  return Object.v(x) + x;
}
#endif

#ifdef VARCALLEE
double vsum(int n, ...);
GRADGEN_DIFFERENTIABLE
double varcallee(double x) {
  // VARCALLEE: {{.*}}refusals.cpp:[[@LINE+1]]:14: error: call to variadic function 'vsum' is not supported
  return x + vsum(1, x);
}
#endif

#ifdef VARIADIC
GRADGEN_DIFFERENTIABLE
// VARIADIC: {{.*}}refusals.cpp:[[@LINE+1]]:8: error: gradgen cannot differentiate 'variadic': variadic functions
double variadic(double x, ...) { return x; }
#endif

#ifdef MEMBER
struct Holder {
  GRADGEN_DIFFERENTIABLE
  // MEMBER: {{.*}}refusals.cpp:[[@LINE+1]]:10: error: gradgen cannot differentiate 'member': member functions
  double member(double x) { return x * x; }
};
#endif

#ifdef TEMPLATE
template <class T>
GRADGEN_DIFFERENTIABLE
// TEMPLATE: {{.*}}refusals.cpp:[[@LINE+1]]:3: error: gradgen cannot differentiate 'templ': function templates
T templ(T x) { return x * x; }
template double templ<double>(double);
#endif
