# Gradgen.cmake - generate the gradients of a target's sources at build time.
#
#   include(Gradgen)          # or include(<prefix>/lib/cmake/gradgen/Gradgen.cmake)
#
#   gradgen_generate(TARGET <target>
#                    SOURCES <source.cpp>...
#                    [OUTPUT_DIRECTORY <dir>]
#                    [EXTRA_ARGS <compiler-arg>...]
#                    [GENERATED_SOURCES <var>] [GENERATED_HEADERS <var>])
#
# For every <stem>.cpp in SOURCES, adds a build rule that runs
#
#   gradgen <source.cpp> -o <dir>/<stem>_grad.cpp --header <dir>/<stem>_grad.h
#           -- -std=c++<N> -I<include dirs of target> -D<definitions of target>
#              <EXTRA_ARGS>
#
# and, because <stem>_grad.cpp #includes <stem>.cpp, replaces <stem>.cpp in
# the target's SOURCES by <stem>_grad.cpp (a source not listed in the target
# is added as <stem>_grad.cpp). <dir> (default
# ${CMAKE_CURRENT_BINARY_DIR}/gradgen) becomes a PUBLIC include directory of
# the target, so its code and its users can `#include "<stem>_grad.h"`.
#
#  * The include directories and compile definitions are the target's own,
#    including those it inherits from linked targets, read with generator
#    expressions at generation time; <N> is the target's CXX_STANDARD, else
#    17. Flags in EXTRA_ARGS come last (a -std there wins).
#  * The rule depends on the source and on the gradgen executable; with a GNU
#    or Clang compiler it also writes a depfile (the compiler's -M output), so
#    editing a header the source includes regenerates too. Other compilers
#    fall back to IMPLICIT_DEPENDS CXX (honoured by the Makefile generators).
#  * Call it in the directory that created <target>; not for INTERFACE
#    libraries. GENERATED_SOURCES/GENERATED_HEADERS receive the generated
#    file paths.
#
# Finding gradgen (first match wins):
#   GRADGEN_EXECUTABLE   the gradgen program (cache variable);
#   a target named `gradgen` (this build tree, or an IMPORTED executable);
#   find_program(gradgen), looking next to this file's install location first.
# GRADGEN_INCLUDE_DIR, the directory holding gradgen/gradgen.h, is added to
# the target's include directories; by default it is found next to this
# file (source tree or install prefix).

if(CMAKE_VERSION VERSION_LESS 3.20)
  message(FATAL_ERROR "Gradgen.cmake needs CMake 3.20 or later")
endif()
# include() gave this file its own policy scope; the function keeps these.
cmake_policy(VERSION 3.20)
include_guard(GLOBAL)

# Global: the function may be called from directories that did not include
# this file themselves.
set_property(GLOBAL PROPERTY GRADGEN_MODULE_DIR "${CMAKE_CURRENT_LIST_DIR}")

if(NOT GRADGEN_INCLUDE_DIR)
  # The source tree (cmake/../include) or an install (lib/cmake/gradgen/../../../include).
  foreach(_gradgen_dir "${CMAKE_CURRENT_LIST_DIR}/../include"
                       "${CMAKE_CURRENT_LIST_DIR}/../../../include")
    get_filename_component(_gradgen_dir "${_gradgen_dir}" ABSOLUTE)
    if(EXISTS "${_gradgen_dir}/gradgen/gradgen.h")
      set(GRADGEN_INCLUDE_DIR "${_gradgen_dir}" CACHE PATH
        "Directory holding gradgen/gradgen.h")
      break()
    endif()
  endforeach()
  unset(_gradgen_dir)
endif()

# Sets <out_var> to the gradgen command (a path or a $<TARGET_FILE:...>
# expression) and <dep_var> to what the rule depends on.
function(_gradgen_find_executable out_var dep_var)
  if(GRADGEN_EXECUTABLE)
    set(${out_var} "${GRADGEN_EXECUTABLE}" PARENT_SCOPE)
    set(${dep_var} "${GRADGEN_EXECUTABLE}" PARENT_SCOPE)
    return()
  endif()
  if(TARGET gradgen)
    set(${out_var} "$<TARGET_FILE:gradgen>" PARENT_SCOPE)
    set(${dep_var} gradgen PARENT_SCOPE)
    return()
  endif()
  get_property(module_dir GLOBAL PROPERTY GRADGEN_MODULE_DIR)
  find_program(GRADGEN_EXECUTABLE gradgen
    HINTS "${module_dir}/../../../bin"
    DOC "The gradgen program")
  if(NOT GRADGEN_EXECUTABLE)
    message(FATAL_ERROR "gradgen_generate: gradgen not found; set "
      "GRADGEN_EXECUTABLE to its path")
  endif()
  set(${out_var} "${GRADGEN_EXECUTABLE}" PARENT_SCOPE)
  set(${dep_var} "${GRADGEN_EXECUTABLE}" PARENT_SCOPE)
endfunction()

function(gradgen_generate)
  cmake_parse_arguments(PARSE_ARGV 0 GG ""
    "TARGET;OUTPUT_DIRECTORY;GENERATED_SOURCES;GENERATED_HEADERS"
    "SOURCES;EXTRA_ARGS")
  if(GG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "gradgen_generate: unexpected arguments: "
      "${GG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT GG_TARGET)
    message(FATAL_ERROR "gradgen_generate: TARGET is required")
  endif()
  if(NOT TARGET "${GG_TARGET}")
    message(FATAL_ERROR "gradgen_generate: no target '${GG_TARGET}'")
  endif()
  if(NOT GG_SOURCES)
    message(FATAL_ERROR "gradgen_generate: SOURCES is required")
  endif()
  set(tgt "${GG_TARGET}")
  get_target_property(type ${tgt} TYPE)
  get_target_property(imported ${tgt} IMPORTED)
  if(type STREQUAL "INTERFACE_LIBRARY" OR imported)
    message(FATAL_ERROR "gradgen_generate: '${tgt}' has no sources to "
      "compile (an ${type}${imported})")
  endif()
  get_target_property(tgt_source_dir ${tgt} SOURCE_DIR)
  if(NOT tgt_source_dir STREQUAL CMAKE_CURRENT_SOURCE_DIR)
    message(FATAL_ERROR "gradgen_generate: call it in the directory that "
      "created '${tgt}' (${tgt_source_dir})")
  endif()

  if(GG_OUTPUT_DIRECTORY)
    get_filename_component(outdir "${GG_OUTPUT_DIRECTORY}" ABSOLUTE
      BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  else()
    set(outdir "${CMAKE_CURRENT_BINARY_DIR}/gradgen")
  endif()
  file(MAKE_DIRECTORY "${outdir}")

  _gradgen_find_executable(gradgen gradgen_dep)

  # The compiler arguments: the target's own, expanded at generation time.
  # Empty lists give no argument at all (not a bare -I or -D).
  set(incs "$<TARGET_PROPERTY:${tgt},INCLUDE_DIRECTORIES>")
  set(defs "$<TARGET_PROPERTY:${tgt},COMPILE_DEFINITIONS>")
  set(std "$<TARGET_PROPERTY:${tgt},CXX_STANDARD>")
  set(args
    "-std=c++$<IF:$<BOOL:${std}>,${std},17>"
    "$<$<BOOL:${incs}>:-I$<JOIN:${incs},$<SEMICOLON>-I>>"
    "$<$<BOOL:${defs}>:-D$<JOIN:${defs},$<SEMICOLON>-D>>")
  # (GRADGEN_INCLUDE_DIR and the output directory are among the target's
  # include directories: added below.)
  list(APPEND args ${GG_EXTRA_ARGS})

  get_target_property(tgt_sources ${tgt} SOURCES)
  set(gen_sources)
  set(gen_headers)
  set(seen_stems)
  foreach(src IN LISTS GG_SOURCES)
    get_filename_component(abs "${src}" ABSOLUTE
      BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    get_filename_component(stem "${abs}" NAME_WE)
    if(stem IN_LIST seen_stems)
      message(FATAL_ERROR "gradgen_generate: two sources named '${stem}' "
        "would write the same ${stem}_grad.cpp; call gradgen_generate once "
        "per OUTPUT_DIRECTORY")
    endif()
    list(APPEND seen_stems "${stem}")
    set(out "${outdir}/${stem}_grad.cpp")
    set(hdr "${outdir}/${stem}_grad.h")

    set(deps_args)
    set(deps_cmd)
    if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
      # The headers the source includes, as a depfile for Ninja and Make.
      set(depfile "${outdir}/${stem}_grad.d")
      set(deps_cmd COMMAND "${CMAKE_CXX_COMPILER}" ${args}
        -M -MT "${out}" -MF "${depfile}" "${abs}")
      set(deps_args DEPFILE "${depfile}")
    else()
      set(deps_args IMPLICIT_DEPENDS CXX "${abs}")
    endif()

    cmake_policy(PUSH)
    if(POLICY CMP0116)
      cmake_policy(SET CMP0116 NEW)
    endif()
    add_custom_command(
      OUTPUT "${out}" "${hdr}"
      COMMAND "${gradgen}" "${abs}" -o "${out}" --header "${hdr}" -- ${args}
      ${deps_cmd}
      DEPENDS "${abs}" ${gradgen_dep}
      ${deps_args}
      COMMENT "gradgen: differentiating ${src}"
      COMMAND_EXPAND_LISTS
      VERBATIM)
    cmake_policy(POP)

    # Replace the source by the generated file, which #includes it.
    set(found FALSE)
    set(new_sources)
    foreach(s IN LISTS tgt_sources)
      if(NOT s MATCHES "\\$<")
        get_filename_component(s_abs "${s}" ABSOLUTE
          BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
        if(s_abs STREQUAL abs)
          if(NOT found)
            list(APPEND new_sources "${out}")
          endif()
          set(found TRUE)
          continue()
        endif()
      endif()
      list(APPEND new_sources "${s}")
    endforeach()
    if(NOT found)
      list(APPEND new_sources "${out}")
    endif()
    set(tgt_sources ${new_sources})
    list(APPEND gen_sources "${out}")
    list(APPEND gen_headers "${hdr}")
  endforeach()

  set_property(TARGET ${tgt} PROPERTY SOURCES ${tgt_sources})
  target_sources(${tgt} PRIVATE ${gen_headers})
  target_include_directories(${tgt} PUBLIC "$<BUILD_INTERFACE:${outdir}>")
  if(GRADGEN_INCLUDE_DIR)
    target_include_directories(${tgt} PUBLIC
      "$<BUILD_INTERFACE:${GRADGEN_INCLUDE_DIR}>")
  endif()
  if(GG_GENERATED_SOURCES)
    set(${GG_GENERATED_SOURCES} ${gen_sources} PARENT_SCOPE)
  endif()
  if(GG_GENERATED_HEADERS)
    set(${GG_GENERATED_HEADERS} ${gen_headers} PARENT_SCOPE)
  endif()
endfunction()
