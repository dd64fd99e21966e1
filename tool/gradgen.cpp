//===- gradgen.cpp - The gradgen command ----------------------------------===//
//
// gradgen FILE.cpp -o OUT.cpp [--header H] [-p BUILD_DIR] [-- ARGS]
//
// A thin shell over the engine: parses FILE.cpp with Clang (LibTooling
// conventions for -p and --), runs the engine, and writes OUT.cpp (and H)
// atomically. Exit codes: 0 success; 1 an error in the input (parse or
// differentiation), nothing written; 2 usage or I/O error.
//
//===----------------------------------------------------------------------===//

#include "gradgen/Engine.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace llvm;

namespace {

cl::OptionCategory Category("gradgen options");
cl::opt<std::string> Input(cl::Positional, cl::desc("<input.cpp>"),
                           cl::cat(Category));
cl::opt<std::string> Output("o", cl::desc("Write the generated source here"),
                            cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> Header("header",
                            cl::desc("Also write a header declaring the "
                                     "generated functions"),
                            cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> BuildPath("p",
                               cl::desc("Build directory holding "
                                        "compile_commands.json"),
                               cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> ResourceDir(
    "resource-dir",
    cl::desc("Clang's resource directory (builtin headers); default: the "
             "one gradgen was built with"),
    cl::value_desc("dir"), cl::init(GRADGEN_RESOURCE_DIR), cl::cat(Category));

int usageError(const Twine &Msg) {
  errs() << "gradgen: error: " << Msg << "\n";
  return 2;
}

struct Result {
  bool Ok = false;
  bool Ran = false;
  gradgen::EngineOutput Out;
};

class Consumer : public ASTConsumer {
public:
  Consumer(const gradgen::EngineOptions &Opts, Result &R) : Opts(Opts), R(R) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    R.Ran = true;
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    R.Ok = gradgen::generateGradients(Ctx, Opts, R.Out);
  }

private:
  const gradgen::EngineOptions &Opts;
  Result &R;
};

class Action : public ASTFrontendAction {
public:
  Action(const gradgen::EngineOptions &Opts, Result &R) : Opts(Opts), R(R) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    return std::make_unique<Consumer>(Opts, R);
  }

private:
  const gradgen::EngineOptions &Opts;
  Result &R;
};

class Factory : public tooling::FrontendActionFactory {
public:
  Factory(const gradgen::EngineOptions &Opts, Result &R) : Opts(Opts), R(R) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(Opts, R);
  }

private:
  const gradgen::EngineOptions &Opts;
  Result &R;
};

/// The directory holding gradgen/gradgen.h: the source tree for a build-tree
/// binary, else <prefix>/include next to an installed one.
std::string gradgenIncludeDir(const char *Argv0) {
  std::string Exe = sys::fs::getMainExecutable(Argv0, (void *)&usageError);
  SmallString<256> Installed(sys::path::parent_path(sys::path::parent_path(Exe)));
  sys::path::append(Installed, "include");
  SmallString<256> Probe(Installed);
  sys::path::append(Probe, "gradgen", "gradgen.h");
  if (sys::fs::exists(Probe))
    return std::string(Installed);
  return GRADGEN_INCLUDE_DIR;
}

} // namespace

int main(int argc, const char **argv) {
  // Arguments after "--" go to the compiler, as with other LibTooling tools.
  std::vector<const char *> Own;
  std::vector<std::string> Extra;
  bool DashDash = false;
  for (int I = 0; I < argc; ++I) {
    if (!DashDash && I > 0 && StringRef(argv[I]) == "--") {
      DashDash = true;
      continue;
    }
    if (DashDash)
      Extra.push_back(argv[I]);
    else
      Own.push_back(argv[I]);
  }
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "gradgen " << GRADGEN_VERSION << "\n";
  });
  std::string Parse;
  raw_string_ostream ParseErrs(Parse);
  if (!cl::ParseCommandLineOptions(
          static_cast<int>(Own.size()), Own.data(),
          "gradgen: writes the gradients of GRADGEN_DIFFERENTIABLE functions\n\n"
          "  gradgen FILE.cpp -o OUT.cpp [--header H] [-p BUILD_DIR] [-- ARGS]\n",
          &ParseErrs)) {
    StringRef First = StringRef(ParseErrs.str()).split('\n').first.trim();
    First.consume_front("gradgen:");
    First = First.trim();
    First.consume_front("error:");
    First = First.trim();
    if (First.contains("--help"))
      return usageError(First);
    return usageError(First + " (see gradgen --help)");
  }
  if (Input.empty())
    return usageError("no input file (usage: gradgen FILE.cpp -o OUT.cpp)");
  if (Output.empty())
    return usageError("no output file: give -o OUT.cpp");
  if (!sys::fs::is_regular_file(Input))
    return usageError("cannot read '" + Input + "': no such file");
  for (const std::string &Out : {Output.getValue(), Header.getValue()}) {
    if (Out.empty())
      continue;
    if (sys::fs::equivalent(Input, Out))
      return usageError("refusing to overwrite the input '" + Input + "'");
    if (sys::fs::is_directory(Out))
      return usageError("cannot write '" + Out + "': it is a directory");
    SmallString<256> Dir(Out);
    sys::fs::make_absolute(Dir);
    sys::path::remove_filename(Dir);
    if (!sys::fs::is_directory(Dir))
      return usageError("cannot write '" + Out + "': no directory '" + Dir +
                        "'");
  }

  std::string Err;
  std::unique_ptr<tooling::CompilationDatabase> DB;
  if (!BuildPath.empty()) {
    DB = tooling::CompilationDatabase::autoDetectFromDirectory(BuildPath, Err);
    if (!DB)
      return usageError("no compilation database in '" + BuildPath +
                        "': " + Err);
  } else if (DashDash) {
    DB = std::make_unique<tooling::FixedCompilationDatabase>(".", Extra);
  } else {
    DB = tooling::CompilationDatabase::autoDetectFromSource(Input, Err);
    if (!DB)
      DB = std::make_unique<tooling::FixedCompilationDatabase>(
          ".", std::vector<std::string>{"-std=c++17"});
  }

  SmallString<256> AbsInput(Input);
  sys::fs::make_absolute(AbsInput);
  tooling::ClangTool Tool(*DB, {std::string(AbsInput)});
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      {"-resource-dir", ResourceDir.getValue()},
      tooling::ArgumentInsertPosition::BEGIN));
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      {"-isystem", gradgenIncludeDir(argv[0])},
      tooling::ArgumentInsertPosition::END));

  gradgen::EngineOptions Opts;
  Opts.InputName = sys::path::filename(Input).str();
  Opts.IncludeSpelling = gradgen::includeSpellingFor(Input, Output);
  Opts.HeaderGuard = gradgen::headerGuardFor(Header.empty() ? Output : Header);
  Result R;
  Factory F(Opts, R);
  int Status = Tool.run(&F);
  if (Status != 0 || !R.Ran || !R.Ok)
    return 1;

  // Write the header first: a reader of OUT.cpp never sees a stale header.
  if (!Header.empty()) {
    std::string Msg = gradgen::writeFileAtomically(Header, R.Out.Header);
    if (!Msg.empty())
      return usageError(Msg);
  }
  std::string Msg = gradgen::writeFileAtomically(Output, R.Out.Source);
  if (!Msg.empty())
    return usageError(Msg);
  return 0;
}
