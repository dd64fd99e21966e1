// Local references and pointers gradgen refuses: ones whose binding would
// name other memory by the time they are used (an index or a pointer that
// changes, also through another alias), pointers that move, and bindings
// to a call's result. Each error is at the declaration, with a note where
// the change happens; the command and the plugin say the same.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 > %t/cmd.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s < %t/cmd.txt
// RUN: test ! -e %t/out.cpp
// RUN: %clangxx -std=c++17 -I%gradgen_include -fplugin=%plugin -fplugin-arg-gradgen-out=%t/plug.cpp -fsyntax-only %s > %t/plug.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s < %t/plug.txt
// RUN: test ! -e %t/plug.cpp

#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE
double moved(const double *x, int n) {
  double s = 0;
  int i = 0;
  // CHECK: alias-refusals.cpp:[[@LINE+1]]:17: error: local reference 'r' is used after 'i', which decides what it names, may change
  const double &r = x[i];
  // CHECK: alias-refusals.cpp:[[@LINE+1]]:19: note: 'i' may change here
  for (; i < n; ++i)
    s += r * x[i];
  return s;
}

GRADGEN_DIFFERENTIABLE
double reseat(const double *x, int n) {
  double s = 0;
  // CHECK: alias-refusals.cpp:[[@LINE+1]]:17: error: local pointer 'p' is changed after its declaration
  const double *p = x;
  for (int i = 0; i < n; ++i) {
    s += *p * *p;
    // CHECK: alias-refusals.cpp:[[@LINE+1]]:7: note: 'p' may change here
    ++p;
  }
  return s;
}

GRADGEN_DIFFERENTIABLE
double through(const double *x, int *idx) {
  // CHECK: alias-refusals.cpp:[[@LINE+1]]:17: error: local reference 'r' is used after 'idx', which decides what it names, may change
  const double &r = x[idx[0]];
  int *q = idx;
  // CHECK: alias-refusals.cpp:[[@LINE+1]]:3: note: 'idx' may change here (through 'q')
  q[0] = 1;
  return r;
}

GRADGEN_DIFFERENTIABLE
double byref(const double *x, int n) {
  int i = 0;
  // CHECK: alias-refusals.cpp:[[@LINE+1]]:17: error: local reference 'r' is used after 'i', which decides what it names, may change
  const double &r = x[i];
  int &j = i;
  // CHECK: alias-refusals.cpp:[[@LINE+1]]:3: note: 'i' may change here (through 'j')
  j = n - 1;
  return r;
}

static double &pick(double *x, int k) { return x[k]; }
GRADGEN_DIFFERENTIABLE
double fromcall(double *x) {
  // CHECK: alias-refusals.cpp:[[@LINE+1]]:15: error: a local reference bound to a call's result is not supported; use a copy
  double &r = pick(x, 1);
  return r * r;
}

static int gk = 1;
static void advance() { ++gk; }
GRADGEN_DIFFERENTIABLE
double global(double *x) {
  // CHECK: alias-refusals.cpp:[[@LINE+1]]:11: error: local reference 'r' bound with the global 'gk' is not supported: a call could change it
  double &r = x[gk];
  advance();
  return r * r;
}
