# SPDX-License-Identifier: MIT
# firmware.cmake: the lx106 images inside the host build. Included from the
# top-level CMakeLists.txt after enable_testing():
#   include(cmake/firmware.cmake)
#
# When xtensa-lx106-elf-gcc is installed, the firmware project
# (port_esp8266/firmware) is configured with cmake/toolchain-lx106.cmake and
# built into ${CMAKE_BINARY_DIR}/firmware-qemu as part of the host build:
#   firmware-qemu/pyrite-qemu.elf          the firmware for QEMU
#   firmware-qemu/pyrite-qemu-standin.elf  the back-end with a test program
# When qemu-system-xtensa is installed too, ctest gets (label "qemu"):
#   qemu_standin  start-up, console, timeouts, resets, faults, helpers
#   qemu_smoke    boots the firmware and runs print(6*7) over the raw REPL
# The arithmetic helpers are also checked on the host (label "unit"):
#   qemu_helpers  int_helpers.c and float_helpers.c against the host's
#                 own division and floating point
#
# Options: PYRITE_FIRMWARE_QEMU (default ON) builds the images at all;
# PYRITE_FIRMWARE_QEMU_RUNTIME (default ON) includes the interpreter, so
# OFF builds only the stand-in while the runtime does not build for lx106.
option(PYRITE_FIRMWARE_QEMU "Build the lx106 QEMU images when the cross compiler is found" ON)
option(PYRITE_FIRMWARE_QEMU_RUNTIME "Build pyrite-qemu.elf (the interpreter) as well as the stand-in" ON)

# Paths from this file's place, so that the snippet works wherever the
# including project sits.
get_filename_component(PYRITE_FW_ROOT ${CMAKE_CURRENT_LIST_DIR}/.. ABSOLUTE)
set(PYRITE_HAL_QEMU_DIR ${PYRITE_FW_ROOT}/port_esp8266/hal_qemu)

# Host check of the helpers: needs no cross tools.
add_executable(test_qemu_helpers ${PYRITE_HAL_QEMU_DIR}/tests/test_helpers_host.c)
target_link_libraries(test_qemu_helpers PRIVATE m)
add_test(NAME qemu_helpers COMMAND test_qemu_helpers)
set_tests_properties(qemu_helpers PROPERTIES LABELS unit TIMEOUT 120)

find_program(PYRITE_LX106_GCC xtensa-lx106-elf-gcc)
find_program(PYRITE_QEMU_XTENSA qemu-system-xtensa)

if(PYRITE_FIRMWARE_QEMU AND PYRITE_LX106_GCC)
  include(ExternalProject)
  set(PYRITE_FIRMWARE_QEMU_DIR ${CMAKE_BINARY_DIR}/firmware-qemu)
  ExternalProject_Add(firmware_qemu
    SOURCE_DIR ${PYRITE_FW_ROOT}/port_esp8266/firmware
    BINARY_DIR ${PYRITE_FIRMWARE_QEMU_DIR}
    CMAKE_ARGS
      -DCMAKE_TOOLCHAIN_FILE=${PYRITE_FW_ROOT}/cmake/toolchain-lx106.cmake
      -DCMAKE_BUILD_TYPE=Release
      -DPYRITE_QEMU_FIRMWARE=${PYRITE_FIRMWARE_QEMU_RUNTIME}
      -DPYRITE_VERSION=${PROJECT_VERSION}
      -DPYRITE_BUILD_DATE=${PYRITE_BUILD_DATE}
      -DPYRITE_GIT_COMMIT=${PYRITE_GIT_COMMIT}
    INSTALL_COMMAND ""
    # Its sources are outside this build's view: always ask its own build
    # tool, which does nothing when nothing changed.
    BUILD_ALWAYS ON)

  if(PYRITE_QEMU_XTENSA)
    add_test(NAME qemu_standin
      COMMAND sh ${PYRITE_HAL_QEMU_DIR}/tests/standin_check.sh
              ${PYRITE_FIRMWARE_QEMU_DIR}/pyrite-qemu-standin.elf)
    set_tests_properties(qemu_standin PROPERTIES LABELS qemu TIMEOUT 60)
    if(PYRITE_FIRMWARE_QEMU_RUNTIME)
      add_test(NAME qemu_smoke
        COMMAND sh ${PYRITE_HAL_QEMU_DIR}/tests/qemu_smoke.sh
                ${PYRITE_FIRMWARE_QEMU_DIR}/pyrite-qemu.elf)
      set_tests_properties(qemu_smoke PROPERTIES LABELS qemu TIMEOUT 60)
    endif()
  endif()
elseif(PYRITE_FIRMWARE_QEMU)
  message(STATUS "xtensa-lx106-elf-gcc not found: no QEMU firmware, no qemu tests")
endif()
