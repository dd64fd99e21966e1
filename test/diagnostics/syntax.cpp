// A syntax or type error in the input: Clang's own diagnostic at its
// location, exit code 1, no output, even when the error is outside any
// annotated function.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 2> %t/err.txt; test $? -eq 1
// RUN: FileCheck %s < %t/err.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DTYPE_ERROR 2> %t/err.txt; test $? -eq 1
// RUN: FileCheck %s --check-prefix=TYPE < %t/err.txt
// RUN: test ! -e %t/out.cpp
// A missing header is an error in the input too.
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DMISSING_HEADER 2> %t/err.txt; test $? -eq 1
// RUN: FileCheck %s --check-prefix=HDR < %t/err.txt
// RUN: test ! -e %t/out.cpp

#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE
double good(double x) { return x * x; }

#if !defined(TYPE_ERROR) && !defined(MISSING_HEADER)
// CHECK: {{.*}}syntax.cpp:[[@LINE+1]]:35: error: expected ';'
double helper(double x) { return x }
#endif

#ifdef TYPE_ERROR
GRADGEN_DIFFERENTIABLE
// TYPE: {{.*}}syntax.cpp:[[@LINE+1]]:37: error: use of undeclared identifier 'y'
double typed(double x) { return x * y; }
#endif

#ifdef MISSING_HEADER
// HDR: {{.*}}syntax.cpp:[[@LINE+1]]:10: fatal error: 'no_such_header.h' file not found
#include "no_such_header.h"
#endif
