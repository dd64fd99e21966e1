// Usage and I/O errors: exit code 2, a one-line "gradgen: error: ..." message,
// nothing written. gradgen never writes its input: -o (or --header) naming
// the input, however spelled, is refused with exit code 2 and the input is
// unchanged.
// RUN: rm -rf %t && mkdir -p %t/sub
// RUN: cp %s %t/in.cpp && cp %s %t/orig.cpp
//
// No arguments at all.
// RUN: cd %t/sub && %gradgen > %t/stdout.txt 2> %t/err.txt; test $? -eq 2
// RUN: FileCheck %s --check-prefix=NOARGS < %t/err.txt
// RUN: test $(wc -l < %t/err.txt) -eq 1
// RUN: test ! -s %t/stdout.txt && test -z "$(ls -A %t/sub)"
// NOARGS: gradgen: error: {{.*}}input
//
// A missing input file.
// RUN: %gradgen %t/missing.cpp -o %t/out.cpp -- -std=c++17 2> %t/err.txt; test $? -eq 2
// RUN: FileCheck %s --check-prefix=MISSING < %t/err.txt
// RUN: test $(wc -l < %t/err.txt) -eq 1
// RUN: test ! -e %t/out.cpp
// MISSING: gradgen: error: {{.*}}missing.cpp
//
// No -o.
// RUN: cd %t/sub && %gradgen %t/in.cpp -- -std=c++17 2> %t/err.txt; test $? -eq 2
// RUN: FileCheck %s --check-prefix=NOOUT < %t/err.txt
// RUN: test $(wc -l < %t/err.txt) -eq 1
// RUN: test -z "$(ls -A %t/sub)"
// NOOUT: gradgen: error: {{.*}}-o
//
// -o in a directory that does not exist.
// RUN: %gradgen %t/in.cpp -o %t/nodir/out.cpp -- -std=c++17 2> %t/err.txt; test $? -eq 2
// RUN: FileCheck %s --check-prefix=NODIR < %t/err.txt
// RUN: test $(wc -l < %t/err.txt) -eq 1
// RUN: test ! -e %t/nodir
// NODIR: gradgen: error: {{.*}}nodir
//
// -o under a regular file.
// RUN: touch %t/file
// RUN: %gradgen %t/in.cpp -o %t/file/out.cpp -- -std=c++17 2> %t/err.txt; test $? -eq 2
// RUN: FileCheck %s --check-prefix=UNDERFILE < %t/err.txt
// RUN: test $(wc -l < %t/err.txt) -eq 1
// RUN: test ! -s %t/file
// UNDERFILE: gradgen: error: {{.*}}file
//
// -o naming a directory.
// RUN: %gradgen %t/in.cpp -o %t/sub -- -std=c++17 2> %t/err.txt; test $? -eq 2
// RUN: FileCheck %s --check-prefix=ISDIR < %t/err.txt
// RUN: test $(wc -l < %t/err.txt) -eq 1
// RUN: test -z "$(ls -A %t/sub)"
// ISDIR: gradgen: error: {{.*}}sub
//
// --header in a directory that does not exist: nothing is written, not even
// the source.
// RUN: %gradgen %t/in.cpp -o %t/out.cpp --header %t/nodir/out.h -- -std=c++17 2> %t/err.txt; test $? -eq 2
// RUN: test $(wc -l < %t/err.txt) -eq 1
// RUN: test ! -e %t/out.cpp
//
// An unknown option.
// RUN: %gradgen %t/in.cpp -o %t/out.cpp --no-such-option -- -std=c++17 2> %t/err.txt; test $? -eq 2
// RUN: FileCheck %s --check-prefix=UNKNOWN < %t/err.txt
// RUN: test $(wc -l < %t/err.txt) -eq 1
// RUN: test ! -e %t/out.cpp
// UNKNOWN: gradgen: error: {{.*}}no-such-option
//
// -o equal to the input: refused, the input untouched.
// RUN: %gradgen %t/in.cpp -o %t/in.cpp -- -std=c++17 2> %t/err.txt; test $? -eq 2
// RUN: FileCheck %s --check-prefix=SELF < %t/err.txt
// RUN: test $(wc -l < %t/err.txt) -eq 1
// RUN: cmp %t/in.cpp %t/orig.cpp
// SELF: gradgen: error: {{.*}}in.cpp
// ... spelled differently.
// RUN: cd %t/sub && %gradgen ../in.cpp -o %t/./sub/../in.cpp -- -std=c++17 2> %t/err.txt; test $? -eq 2
// RUN: cmp %t/in.cpp %t/orig.cpp
// ... through a symbolic link.
// RUN: ln -s %t/in.cpp %t/link.cpp
// RUN: %gradgen %t/in.cpp -o %t/link.cpp -- -std=c++17 2> %t/err.txt; test $? -eq 2
// RUN: cmp %t/in.cpp %t/orig.cpp
// ... through a hard link.
// RUN: ln %t/in.cpp %t/hard.cpp
// RUN: %gradgen %t/in.cpp -o %t/hard.cpp -- -std=c++17 2> %t/err.txt; test $? -eq 2
// RUN: cmp %t/in.cpp %t/orig.cpp
// ... as the header.
// RUN: %gradgen %t/in.cpp -o %t/out.cpp --header %t/in.cpp -- -std=c++17 2> %t/err.txt; test $? -eq 2
// RUN: cmp %t/in.cpp %t/orig.cpp
// RUN: test ! -e %t/out.cpp
//
// A successful run does not touch its input either, and writes only what it
// was asked to.
// RUN: rm -f %t/link.cpp %t/hard.cpp
// RUN: %gradgen %t/in.cpp -o %t/sub/out.cpp -- -std=c++17
// RUN: cmp %t/in.cpp %t/orig.cpp
// RUN: test "$(ls -A %t/sub)" = out.cpp

#include <gradgen/gradgen.h>

GRADGEN_DIFFERENTIABLE
double f(double x) { return x * x; }
