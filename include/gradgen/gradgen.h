//===- gradgen/gradgen.h - Markers for gradgen ------------------*- C++ -*-===//
//
// The only header user code needs. C++17, no dependencies, compiles under any
// compiler. Under Clang the markers become annotations that the gradgen
// engine reads; elsewhere they vanish. detach() and no_grad have no effect on
// the values a program computes: they only tell gradgen where gradients stop.
//
//===----------------------------------------------------------------------===//
#ifndef GRADGEN_GRADGEN_H
#define GRADGEN_GRADGEN_H

#if defined(__clang__)
/// Placed before a function definition: gradgen writes its gradient.
#define GRADGEN_DIFFERENTIABLE [[clang::annotate("gradgen::differentiable")]]
/// Placed before a parameter: the parameter gets no gradient
/// (PyTorch's requires_grad=False).
#define GRADGEN_CONST [[clang::annotate("gradgen::const")]]
#else
#define GRADGEN_DIFFERENTIABLE
#define GRADGEN_CONST
#endif

namespace gradgen {

/// The value of \p Value, with no gradient flowing back through it
/// (PyTorch's tensor.detach()). The identity at run time.
template <class T> T detach(const T &Value) { return Value; }

/// An RAII guard (PyTorch's torch.no_grad()): every value assigned after the
/// guard, to the end of its block, carries no gradient. No run-time effect.
struct no_grad {
  no_grad() noexcept {}
  ~no_grad() {}
  no_grad(const no_grad &) = delete;
  no_grad &operator=(const no_grad &) = delete;
};

} // namespace gradgen

#endif // GRADGEN_GRADGEN_H
