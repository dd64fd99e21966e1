//===- Support.cpp - File helpers shared by the command and the plugin ----===//

#include "gradgen/Engine.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cctype>

namespace gradgen {

std::string writeFileAtomically(const std::string &Path,
                                const std::string &Contents) {
  llvm::SmallString<256> Model(Path);
  Model += ".tmp-%%%%%%%%";
  int FD = -1;
  llvm::SmallString<256> Temp;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Model, FD, Temp))
    return "cannot create a file next to '" + Path + "': " + EC.message();
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Contents;
    OS.flush();
    if (OS.has_error()) {
      std::string Msg = OS.error().message();
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return "cannot write '" + std::string(Temp) + "': " + Msg;
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    llvm::sys::fs::remove(Temp);
    return "cannot write '" + Path + "': " + EC.message();
  }
  return "";
}

std::string headerGuardFor(const std::string &Path) {
  std::string Guard = "GRADGEN_GENERATED_";
  for (char C : llvm::sys::path::filename(Path))
    Guard += std::isalnum(static_cast<unsigned char>(C))
                 ? static_cast<char>(std::toupper(static_cast<unsigned char>(C)))
                 : '_';
  return Guard;
}

std::string includeSpellingFor(const std::string &InputPath,
                               const std::string &OutputPath) {
  llvm::SmallString<256> In(InputPath), Out(OutputPath);
  llvm::sys::fs::make_absolute(In);
  llvm::sys::fs::make_absolute(Out);
  llvm::sys::path::remove_dots(In, /*remove_dot_dot=*/true);
  llvm::sys::path::remove_dots(Out, /*remove_dot_dot=*/true);
  llvm::StringRef OutDir = llvm::sys::path::parent_path(Out);
  llvm::StringRef InDir = llvm::sys::path::parent_path(In);
  if (InDir == OutDir)
    return llvm::sys::path::filename(In).str();
  // The input below the output's directory: a relative path.
  if (In.str().starts_with((OutDir + "/").str()))
    return In.str().substr(OutDir.size() + 1).str();
  return std::string(In);
}

} // namespace gradgen
