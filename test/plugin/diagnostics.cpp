// The engine's errors are real compile errors under the plugin, with the
// same text, locations and notes as under the command: the same CHECK lines
// describe both. The compilation fails with exit code 1 and writes neither
// the generated files nor the object file.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/cmd.cpp --header %t/cmd.h -- -std=c++17 > %t/cmd.txt 2>&1; test $? -eq 1
// RUN: %clangxx -std=c++17 -I%gradgen_include -fplugin=%plugin -fplugin-arg-gradgen-out=%t/plug.cpp -fplugin-arg-gradgen-header=%t/plug.h -c %s -o %t/plug.o > %t/plug.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s < %t/cmd.txt
// RUN: FileCheck %s < %t/plug.txt
// RUN: test ! -e %t/cmd.cpp && test ! -e %t/cmd.h
// RUN: test ! -e %t/plug.cpp && test ! -e %t/plug.h && test ! -e %t/plug.o
// RUN: test "$(ls -A %t | sort | tr '\n' ' ')" = "cmd.txt plug.txt "
// With -fsyntax-only, too.
// RUN: %clangxx -std=c++17 -I%gradgen_include -fplugin=%plugin -fplugin-arg-gradgen-out=%t/plug.cpp -fsyntax-only %s > %t/syntax.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s < %t/syntax.txt
// RUN: test ! -e %t/plug.cpp
// Without the errors (-DONLY_GOOD) both succeed and agree.
// RUN: mkdir -p %t/good && %gradgen %s -o %t/good/out.cpp -- -std=c++17 -DONLY_GOOD
// RUN: mkdir -p %t/goodp && %clangxx -std=c++17 -DONLY_GOOD -I%gradgen_include -fplugin=%plugin -fplugin-arg-gradgen-out=%t/goodp/out.cpp -fsyntax-only %s
// RUN: diff %t/good/out.cpp %t/goodp/out.cpp

#include <gradgen/gradgen.h>
#include <cmath>

GRADGEN_DIFFERENTIABLE
double good(double x) { return std::exp(x) * x; }

#ifndef ONLY_GOOD
// The seed, with the direct path removed.
GRADGEN_DIFFERENTIABLE
// CHECK: {{.*}}diagnostics.cpp:[[@LINE+1]]:8: error: the result of 'seedz' does not depend on any active parameter
double seedz(double x) {
  double y = 2 * x;
  // CHECK: {{.*}}diagnostics.cpp:[[@LINE+1]]:14: note: gradgen::detach() cuts the gradient path here
  double z = gradgen::detach(y);
  double w = z * z;
  return w;
}
// CHECK-NOT: note:

GRADGEN_DIFFERENTIABLE
// CHECK: {{.*}}diagnostics.cpp:[[@LINE+1]]:8: error: the result of 'guarded' does not depend on any active parameter
double guarded(double x) {
  double w = 0;
  {
    // CHECK: {{.*}}diagnostics.cpp:[[@LINE+1]]:22: note: values assigned after this gradgen::no_grad guard carry no gradient
    gradgen::no_grad guard;
    w = x * x;
  }
  return w;
}
// CHECK-NOT: note:

// A call to a function without a body: refused.
double external(double x);
GRADGEN_DIFFERENTIABLE
double calls_external(double x) {
  // CHECK: {{.*}}diagnostics.cpp:[[@LINE+1]]:10: error: call to 'external'
  return external(x) * x;
}
// CHECK-NOT: {{error|note}}:
// CHECK: 3 errors generated
#endif
