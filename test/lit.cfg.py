# -*- Python -*-
# lit configuration for gradgen.
import os
import lit.formats

config.name = "gradgen"
config.test_format = lit.formats.ShTest(not lit.util.which("bash") is None)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "findings", "CMakeLists.txt", "README.md"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.gradgen_obj_root, "test")

# Keep the environment small and predictable.
config.environment["PATH"] = os.pathsep.join(
    [config.gradgen_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", "")])
for var in ["HOME", "TMPDIR", "ASAN_OPTIONS", "UBSAN_OPTIONS"]:
    if var in os.environ:
        config.environment[var] = os.environ[var]

include_dir = os.path.join(config.gradgen_src_root, "include")
inputs_dir = os.path.join(config.gradgen_src_root, "test", "Inputs")

# Flags for compiling generated code: it must be warning-free in C++17 under
# both compilers.
cxxflags = "-std=c++17 -O1 -Wall -Wextra -Werror -I%s -I%s" % (include_dir, inputs_dir)
san = ""
if config.sanitize in ("ON", "1", "TRUE", "YES", "On", "True"):
    san = " -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
    config.available_features.add("sanitize")

config.substitutions.append(("%gradgen_include", include_dir))
config.substitutions.append(("%gradgen", os.path.join(config.gradgen_tools_dir, "gradgen")))
config.substitutions.append(("%plugin", os.path.join(config.gradgen_lib_dir, "GradgenPlugin.so")))
# %cxxflags carries the sanitizer flags; a link step without %cxxflags
# adds %ldflags. %clangxx and %gxx stay single words (tools take them as
# one argument).
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%gxx", config.gxx))
config.substitutions.append(("%cxxflags", cxxflags + san))
config.substitutions.append(("%ldflags", san.strip() or "-Wl,--as-needed"))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%inputs", inputs_dir))
