// A helper that changes the size of a std::vector parameter is refused, one
// case per run (-D selects it): an error located at the push_back / resize
// inside the helper, a note at the helper, exit code 1, and no output file.
// containers-helpers.cpp covers the supported forms (push_back on the local
// vector in the annotated function; a helper writing the elements of a local
// vector passed by reference).
// RUN: rm -rf %t && mkdir -p %t
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DPUSH > %t/push.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=PUSH < %t/push.txt
// RUN: test ! -e %t/out.cpp
// RUN: %gradgen %s -o %t/out.cpp -- -std=c++17 -DRESIZE > %t/resize.txt 2>&1; test $? -eq 1
// RUN: FileCheck %s --check-prefix=RESIZE < %t/resize.txt
// RUN: test ! -e %t/out.cpp

#include <gradgen/gradgen.h>
#include <cmath>
#include <vector>

#if defined(PUSH)
// PUSH: {{.*}}containers-helpers-refusals.cpp:[[@LINE+4]]:7: error: 'push_back' is supported on local std::vector variables only
// PUSH: {{.*}}containers-helpers-refusals.cpp:[[@LINE+1]]:13: note: while differentiating 'append_logs', called from a differentiated function
static void append_logs(std::vector<double> &v, const std::vector<double> &src) {
  for (double e : src)
    v.push_back(std::log(1 + e * e));
}
#elif defined(RESIZE)
// RESIZE: {{.*}}containers-helpers-refusals.cpp:[[@LINE+4]]:5: error: 'resize' is supported on local std::vector variables only
// RESIZE: {{.*}}containers-helpers-refusals.cpp:[[@LINE+1]]:13: note: while differentiating 'grow', called from a differentiated function
static void grow(std::vector<double> &v, double s) {
  std::size_t n = v.size();
  v.resize(n + 1);
  v[n] = s * s;
}
#endif

GRADGEN_DIFFERENTIABLE
double f(const std::vector<double> &w, double s) {
  std::vector<double> v(w.size());
  for (std::size_t i = 0; i < w.size(); ++i)
    v[i] = w[i] + s;
#if defined(PUSH)
  append_logs(v, w);
#elif defined(RESIZE)
  grow(v, s);
#endif
  return v.back() * (double)v.size();
}
