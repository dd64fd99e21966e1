// Calls gradgen refuses, one case per run (-D selects it): an error located
// at the call, exit code 1, and no output file. Virtual calls (through an
// object and a pointer, also from inside a callee), calls through function
// pointers (a table entry, a dereferenced pointer; a function-pointer
// parameter is refused as a parameter), and calls to C variadic functions
// (declared only, with a visible body, and printf).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DVREF > %t/vref.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=VREF < %t/vref.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DVPTR > %t/vptr.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=VPTR < %t/vptr.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DVNESTED > %t/vnested.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=VNESTED < %t/vnested.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DFPVAR > %t/fpvar.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=FPVAR < %t/fpvar.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DFPPARAM > %t/fpparam.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=FPPARAM < %t/fpparam.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DFPDEREF > %t/fpderef.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=FPDEREF < %t/fpderef.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DVARIADIC > %t/variadic.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=VARIADIC < %t/variadic.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DVARBODY > %t/varbody.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=VARBODY < %t/varbody.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DPRINTF > %t/printf.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=PRINTF < %t/printf.txt
// RUN: test ! -e %t/out.cpp

#include <gradgen/gradgen.h>
#include <cstdarg>
#include <cstdio>

struct Shape {
  virtual double area(double s) const { return s * s; }
  virtual ~Shape() = default;
};
// Polymorphic objects are not differentiable parameters: use globals.
extern const Shape &Sh;
extern const Shape *ShPtr;

#ifdef VREF
GRADGEN_DIFFERENTIABLE
double vref(double x) {
  // VREF: {{.*}}refusals.cpp:[[@LINE+1]]:{{14|17}}: error: virtual calls are not supported
  return x + Sh.area(x);
}
#endif

#ifdef VPTR
GRADGEN_DIFFERENTIABLE
double vptr(double x) {
  double y = x * 2;
  // VPTR: {{.*}}refusals.cpp:[[@LINE+1]]:{{10|15}}: error: virtual calls are not supported
  y += ShPtr->area(y);
  return y;
}
#endif

#ifdef VNESTED
static double helper(double x) {
  // VNESTED: {{.*}}refusals.cpp:[[@LINE+1]]:{{10|13}}: error: virtual calls are not supported
  return Sh.area(x) * 3;
}
GRADGEN_DIFFERENTIABLE
double vnested(double x) { return helper(x); }
#endif

#ifdef FPVAR
static double sq(double x) { return x * x; }
static double (*const Table[2])(double) = {sq, sq};
GRADGEN_DIFFERENTIABLE
double fpvar(double x) {
  // FPVAR: {{.*}}refusals.cpp:[[@LINE+1]]:10: error: calls through function pointers
  return Table[1](x) + x;
}
#endif

#ifdef FPPARAM
// A function-pointer parameter is refused as a parameter.
GRADGEN_DIFFERENTIABLE
// FPPARAM: {{.*}}refusals.cpp:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}'fn'{{.*}}not supported
double fpparam(double x, double (*fn)(double)) {
  return x * fn(x);
}
#endif

#ifdef FPDEREF
static double cube(double x) { return x * x * x; }
static double (*Fp)(double) = &cube;
GRADGEN_DIFFERENTIABLE
double fpderef(double x) {
  // FPDEREF: {{.*}}refusals.cpp:[[@LINE+1]]:14: error: calls through function pointers
  return x + (*Fp)(x);
}
#endif

#ifdef VARIADIC
double vsum(int n, ...);
GRADGEN_DIFFERENTIABLE
double variadic(double x) {
  // VARIADIC: {{.*}}refusals.cpp:[[@LINE+1]]:14: error: call to variadic function 'vsum' is not supported
  return x * vsum(2, x, x);
}
#endif

#ifdef VARBODY
// A variadic callee with a visible body is still refused.
static double vfirst(int n, ...) {
  va_list ap;
  va_start(ap, n);
  double v = va_arg(ap, double);
  va_end(ap);
  return v;
}
GRADGEN_DIFFERENTIABLE
double varbody(double x) {
  // VARBODY: {{.*}}refusals.cpp:[[@LINE+1]]:14: error: call to variadic function 'vfirst' is not supported
  return x + vfirst(1, x);
}
#endif

#ifdef PRINTF
GRADGEN_DIFFERENTIABLE
double print(double x) {
  // PRINTF: {{.*}}refusals.cpp:[[@LINE+1]]:3: error: call to variadic function '{{(std::)?}}printf' is not supported
  std::printf("%g\n", x);
  return x * x;
}
#endif
