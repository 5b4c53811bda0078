# SPDX-License-Identifier: MIT
# lx106_project.cmake: what the two cross projects share, included right
# after their project() call (port_esp8266/firmware for QEMU,
# port_esp8266/firmware-esp8266 for the chip):
#   - a check that the lx106 toolchain file is in use;
#   - C11, compile_commands.json, Release by default;
#   - PYRITE_ROOT, the repository;
#   - the firmware identity the host build compiles in (the top-level build
#     passes PYRITE_VERSION/BUILD_DATE/GIT_COMMIT down; a standalone
#     configure works them out);
#   - pyrite_lx106_runtime(NAME): the interpreter with its frozen modules
#     as the static library NAME.
if(NOT CMAKE_C_COMPILER_ID STREQUAL "GNU" OR NOT CMAKE_C_COMPILER MATCHES "xtensa-lx106")
  message(FATAL_ERROR "configure with -DCMAKE_TOOLCHAIN_FILE=<repo>/cmake/toolchain-lx106.cmake")
endif()

set(CMAKE_C_STANDARD 11)
set(CMAKE_C_STANDARD_REQUIRED ON)
set(CMAKE_C_EXTENSIONS ON)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
if(NOT CMAKE_BUILD_TYPE)
  set(CMAKE_BUILD_TYPE Release)
endif()
# Release is -O2, set here after project() because CMake appends its own
# "-O3 -DNDEBUG" to the toolchain file's Release flags and the last -O
# wins. Measured on QEMU (20 nested calls in one expression; image size):
# -O3 5.1 KiB of C stack, 541 KB; -O2 4.7 KiB, 441 KB; -Os 394 KB but
# 5.9 KiB, over the parser's 5 KiB limit (RecursionError).
set(CMAKE_C_FLAGS_RELEASE "-O2 -DNDEBUG")

get_filename_component(PYRITE_ROOT ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)

if(NOT PYRITE_VERSION)
  set(PYRITE_VERSION ${PROJECT_VERSION})
endif()
if(NOT PYRITE_BUILD_DATE)
  string(TIMESTAMP PYRITE_BUILD_DATE "%Y-%m-%d" UTC)
endif()
if(NOT PYRITE_GIT_COMMIT)
  execute_process(COMMAND git rev-parse --short=10 HEAD
    WORKING_DIRECTORY ${PYRITE_ROOT}
    OUTPUT_VARIABLE PYRITE_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT PYRITE_GIT_COMMIT)
    set(PYRITE_GIT_COMMIT "unknown")
  endif()
endif()
add_compile_definitions(
  PYRITE_VERSION="${PYRITE_VERSION}"
  PYRITE_BUILD_DATE="${PYRITE_BUILD_DATE}"
  PYRITE_GIT_COMMIT="${PYRITE_GIT_COMMIT}")

include(${PYRITE_ROOT}/cmake/freeze.cmake)

function(pyrite_lx106_runtime name)
  file(GLOB sources CONFIGURE_DEPENDS ${PYRITE_ROOT}/runtime/*.c)
  pyrite_freeze_runtime(${CMAKE_CURRENT_BINARY_DIR}/frozen_runtime.c)
  add_library(${name} STATIC ${sources} ${CMAKE_CURRENT_BINARY_DIR}/frozen_runtime.c)
  target_include_directories(${name} PUBLIC ${PYRITE_ROOT}/runtime)
endfunction()
