//===- GradgenPlugin.cpp - gradgen as a Clang plugin ----------------------===//
//
//   clang++ -std=c++17 -fplugin=GradgenPlugin.so
//           -fplugin-arg-gradgen-out=OUT.cpp [-fplugin-arg-gradgen-header=H]
//           -c FILE.cpp
//
// A thin shell over the engine, like the `gradgen` command: while Clang
// compiles FILE.cpp as usual, the plugin runs the engine on the same AST and
// writes OUT.cpp (and H) atomically, with the same content the command writes
// for the same input and output paths. Errors found by the engine are
// ordinary compile errors: the compilation fails and nothing is written (an
// existing OUT.cpp survives).
//
// The action runs after the main one (AddAfterMainAction), so the object file
// is still produced; it is discarded by Clang when the engine reports an
// error, as for any other error.
//
//===----------------------------------------------------------------------===//

#include "gradgen/Engine.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace llvm;

namespace {

/// Reports a gradgen error without a source location through \p DE.
void reportError(DiagnosticsEngine &DE, const Twine &Msg) {
  unsigned ID = DE.getCustomDiagID(DiagnosticsEngine::Error, "gradgen: %0");
  DE.Report(ID) << Msg.str();
}

struct PluginOptions {
  std::string Output;
  std::string Header;
};

class GradgenConsumer : public ASTConsumer {
public:
  GradgenConsumer(PluginOptions Opts, std::string InFile)
      : Opts(std::move(Opts)), InFile(std::move(InFile)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    DiagnosticsEngine &DE = Ctx.getDiagnostics();
    // A translation unit that does not compile has no gradients; Clang has
    // already said why.
    if (DE.hasErrorOccurred())
      return;

    // The same options the command derives from FILE.cpp and -o OUT.cpp.
    gradgen::EngineOptions EO;
    EO.InputName = sys::path::filename(InFile).str();
    EO.IncludeSpelling = gradgen::includeSpellingFor(InFile, Opts.Output);
    EO.HeaderGuard =
        gradgen::headerGuardFor(Opts.Header.empty() ? Opts.Output : Opts.Header);
    gradgen::EngineOutput Out;
    if (!gradgen::generateGradients(Ctx, EO, Out))
      return; // The engine has reported the errors; the compilation fails.

    // The header first: a reader of OUT.cpp never sees a stale header.
    if (!Opts.Header.empty()) {
      std::string Msg = gradgen::writeFileAtomically(Opts.Header, Out.Header);
      if (!Msg.empty())
        return reportError(DE, Msg);
    }
    std::string Msg = gradgen::writeFileAtomically(Opts.Output, Out.Source);
    if (!Msg.empty())
      reportError(DE, Msg);
  }

private:
  PluginOptions Opts;
  std::string InFile;
};

class GradgenAction : public PluginASTAction {
public:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef InFile) override {
    // Refuse to overwrite the file being compiled. (A plugin that runs
    // beside the main action only gets this call, not BeginSourceFileAction.)
    // The error makes the consumer a no-op: it checks for earlier errors.
    for (const std::string &Path : {Opts.Output, Opts.Header})
      if (!Path.empty() && sys::fs::equivalent(InFile, Path))
        reportError(CI.getDiagnostics(),
                    "refusing to overwrite the input '" + InFile + "'");
    return std::make_unique<GradgenConsumer>(Opts, InFile.str());
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    DiagnosticsEngine &DE = CI.getDiagnostics();
    bool Ok = true, Help = false;
    for (const std::string &Arg : Args) {
      StringRef A(Arg);
      if (A.consume_front("out=")) {
        Opts.Output = A.str();
      } else if (A.consume_front("header=")) {
        Opts.Header = A.str();
      } else if (A == "help") {
        llvm::errs() << Usage;
        Help = true;
      } else {
        reportError(DE, "unknown plugin argument '" + Arg +
                            "' (expected out=FILE or header=FILE)");
        Ok = false;
      }
    }
    if (!Ok)
      return false;
    if (Opts.Output.empty()) {
      if (Help)
        return false; // Asked for help only: nothing to do, no error.
      reportError(DE, "no output file: pass -fplugin-arg-gradgen-out=OUT.cpp");
      return false;
    }
    if (Opts.Output == Opts.Header) {
      reportError(DE, "the output and the header are both '" + Opts.Output +
                          "'");
      return false;
    }
    // The input is not known yet; compare with the main file when the
    // consumer is created. Directories are checked here, like the command.
    for (const std::string &Path : {Opts.Output, Opts.Header}) {
      if (Path.empty())
        continue;
      if (sys::fs::is_directory(Path)) {
        reportError(DE, "cannot write '" + Path + "': it is a directory");
        Ok = false;
        continue;
      }
      SmallString<256> Dir(Path);
      sys::fs::make_absolute(Dir);
      sys::path::remove_filename(Dir);
      if (!sys::fs::is_directory(Dir)) {
        reportError(DE, "cannot write '" + Path + "': no directory '" + Dir +
                            "'");
        Ok = false;
      }
    }
    return Ok;
  }

  // Runs after the main action: the compilation proceeds as usual.
  ActionType getActionType() override { return AddAfterMainAction; }

private:
  static constexpr const char *Usage =
      "gradgen plugin: writes the gradients of GRADGEN_DIFFERENTIABLE "
      "functions\n"
      "  -fplugin-arg-gradgen-out=OUT.cpp     the generated source (required)\n"
      "  -fplugin-arg-gradgen-header=H        also a header declaring them\n";
  PluginOptions Opts;
};

} // namespace

static FrontendPluginRegistry::Add<GradgenAction>
    X("gradgen", "write the gradients of GRADGEN_DIFFERENTIABLE functions");
