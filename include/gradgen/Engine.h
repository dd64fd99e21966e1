//===- gradgen/Engine.h - The gradgen engine as a library --------*- C++ -*-===//
//
// The entry points shared by the `gradgen` command and the Clang plugin. The
// engine reads a parsed translation unit and returns the generated text; it
// never touches files. Diagnostics go through the ASTContext's
// DiagnosticsEngine, so they print like Clang's own (file:line:col, carets,
// notes).
//
//===----------------------------------------------------------------------===//
#ifndef GRADGEN_ENGINE_H
#define GRADGEN_ENGINE_H

#include <memory>
#include <string>

namespace clang {
class ASTConsumer;
class ASTContext;
} // namespace clang

namespace gradgen {

struct EngineOptions {
  /// How the generated source includes the input file, e.g. "model.cpp".
  std::string IncludeSpelling;
  /// The input's name as shown in the do-not-edit comment.
  std::string InputName;
  /// The header's include guard; derived from its name by the caller.
  std::string HeaderGuard;
};

struct EngineOutput {
  std::string Source; ///< The whole generated .cpp.
  std::string Header; ///< The whole generated header.
  unsigned NumFunctions = 0; ///< Annotated functions differentiated.
};

/// Differentiates every GRADGEN_DIFFERENTIABLE function defined in the main
/// file of \p Ctx. Reports problems through Ctx's DiagnosticsEngine and
/// returns false if any of them is an error; \p Out is then left empty.
bool generateGradients(clang::ASTContext &Ctx, const EngineOptions &Opts,
                       EngineOutput &Out);

/// Writes \p Contents to \p Path atomically: a temporary file in the same
/// directory, renamed over \p Path. Returns an empty string on success,
/// otherwise a one-line description of the failure.
std::string writeFileAtomically(const std::string &Path,
                                const std::string &Contents);

/// The include guard for a header written to \p Path.
std::string headerGuardFor(const std::string &Path);

/// How a file at \p OutputPath should #include \p InputPath: relative to the
/// output's directory where possible, else absolute.
std::string includeSpellingFor(const std::string &InputPath,
                               const std::string &OutputPath);

} // namespace gradgen

#endif // GRADGEN_ENGINE_H
