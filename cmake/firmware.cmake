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
#   qemu_board    pins, flash, RTC memory and reset causes (deep sleep, soft)
#   qemu_crash    an exception mid-test is reported by the rig as `crash`
# The arithmetic helpers are also checked on the host (label "unit"):
#   qemu_helpers  int_helpers.c and float_helpers.c against the host's
#                 own division and floating point
#
#
# The chip image (port_esp8266/firmware-esp8266) is built the same way into
# ${CMAKE_BINARY_DIR}/firmware-esp8266, with its flash files written by the
# host tool esp_mkimage (harness/mkimage.cmake):
#   firmware-esp8266/pyrite-esp8266.elf, -0x00000.bin, -0x0b000.bin, .bin
# ctest gets (label "esp8266"):
#   esp8266_image          the v1 image parsed back by the rig's reader
#   esp8266_loadstore_handler  start.S's byte-load emulation (on QEMU)
#   esp8266_flash          flash.c against a contract-checking fake ROM (QEMU)
#   esp8266_size_budget    IRAM <= 32 KiB, flash image <= 512 KiB
#   esp8266_heap_budget    free heap after boot >= 33 KiB (on QEMU)
#   ..._negative           the same checks with impossible budgets: must fail
# and the build gets a target `size` (make size): the whole report.
#
# Options: PYRITE_FIRMWARE_QEMU (default ON) builds the images at all;
# PYRITE_FIRMWARE_QEMU_RUNTIME (default ON) includes the interpreter, so
# OFF builds only the stand-in while the runtime does not build for lx106.
# PYRITE_FIRMWARE_ESP8266 (default ON) builds the chip image; ESP8266_SDK
# (a path) links Espressif's WiFi libraries into it.
# Both lx106 projects get PYRITE_PYFREEZE, the host-built pyfreeze, and
# depend on it: their frozen modules are compiled code (freeze_bytecode.cmake).
option(PYRITE_FIRMWARE_QEMU "Build the lx106 QEMU images when the cross compiler is found" ON)
option(PYRITE_FIRMWARE_QEMU_RUNTIME "Build pyrite-qemu.elf (the interpreter) as well as the stand-in" ON)
option(PYRITE_FIRMWARE_ESP8266 "Build the ESP8266 chip image when the cross compiler is found" ON)
set(ESP8266_SDK "" CACHE PATH "Espressif NONOS SDK for WiFi in the chip image (empty: no network)")

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
      # The host tool that freezes modules as compiled code (freeze_bytecode.cmake).
      -DPYRITE_PYFREEZE=$<TARGET_FILE:pyfreeze>
      -DPYRITE_VERSION=${PROJECT_VERSION}
      -DPYRITE_BUILD_DATE=${PYRITE_BUILD_DATE}
      -DPYRITE_GIT_COMMIT=${PYRITE_GIT_COMMIT}
    INSTALL_COMMAND ""
    # Its sources are outside this build's view: always ask its own build
    # tool, which does nothing when nothing changed.
    BUILD_ALWAYS ON)
  add_dependencies(firmware_qemu pyfreeze)

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
      # hal_qemu's board models: pins, flash, RTC memory, reset causes.
      add_test(NAME qemu_board
        COMMAND sh ${PYRITE_HAL_QEMU_DIR}/tests/qemu_board.sh
                ${PYRITE_FIRMWARE_QEMU_DIR}/pyrite-qemu.elf)
      set_tests_properties(qemu_board PROPERTIES LABELS qemu TIMEOUT 120)
      # A CPU exception mid-test (fault_inject.c) is a `crash` with cause
      # and address in the rig's report; the same test passes unarmed.
      add_test(NAME qemu_crash
        COMMAND sh ${PYRITE_HAL_QEMU_DIR}/tests/qemu_crash.sh $<TARGET_FILE:rig>
                ${PYRITE_FIRMWARE_QEMU_DIR}/pyrite-qemu.elf)
      set_tests_properties(qemu_crash PROPERTIES LABELS qemu TIMEOUT 120)
    endif()
  endif()
elseif(PYRITE_FIRMWARE_QEMU)
  message(STATUS "xtensa-lx106-elf-gcc not found: no QEMU firmware, no qemu tests")
endif()

if(PYRITE_FIRMWARE_ESP8266 AND PYRITE_LX106_GCC)
  include(ExternalProject)
  set(PYRITE_FIRMWARE_ESP8266_DIR ${CMAKE_BINARY_DIR}/firmware-esp8266)
  set(PYRITE_ESP8266_SIZE_SCRIPT ${PYRITE_FW_ROOT}/port_esp8266/firmware-esp8266/size_report.sh)
  ExternalProject_Add(firmware_esp8266
    SOURCE_DIR ${PYRITE_FW_ROOT}/port_esp8266/firmware-esp8266
    BINARY_DIR ${PYRITE_FIRMWARE_ESP8266_DIR}
    CMAKE_ARGS
      -DCMAKE_TOOLCHAIN_FILE=${PYRITE_FW_ROOT}/cmake/toolchain-lx106.cmake
      -DCMAKE_BUILD_TYPE=Release
      -DPYRITE_MKIMAGE=$<TARGET_FILE:esp_mkimage>
      -DPYRITE_PYFREEZE=$<TARGET_FILE:pyfreeze>
      -DESP8266_SDK=${ESP8266_SDK}
      -DPYRITE_VERSION=${PROJECT_VERSION}
      -DPYRITE_BUILD_DATE=${PYRITE_BUILD_DATE}
      -DPYRITE_GIT_COMMIT=${PYRITE_GIT_COMMIT}
    INSTALL_COMMAND ""
    BUILD_ALWAYS ON)
  # esp_mkimage is defined later (harness/); a target-level dependency may
  # name it before it exists, ExternalProject's DEPENDS may not.
  add_dependencies(firmware_esp8266 esp_mkimage pyfreeze)

  get_filename_component(PYRITE_LX106_BIN ${PYRITE_LX106_GCC} DIRECTORY)
  set(PYRITE_SIZE_ENV LX106_SIZE=${PYRITE_LX106_BIN}/xtensa-lx106-elf-size)
  set(PYRITE_SIZE_ARGS
    ${PYRITE_FIRMWARE_ESP8266_DIR}/pyrite-esp8266.elf
    ${PYRITE_FIRMWARE_ESP8266_DIR}/pyrite-esp8266.bin
    ${CMAKE_BINARY_DIR}/firmware-qemu/pyrite-qemu.elf
    $<TARGET_FILE:repl_exec>
    ${PYRITE_HAL_QEMU_DIR}/run-qemu.sh)

  add_test(NAME esp8266_image
    COMMAND test_rig_esp_image $<TARGET_FILE:esp_mkimage> ${PYRITE_FIRMWARE_ESP8266_DIR}/pyrite-esp8266-0x00000.bin)
  add_test(NAME esp8266_size_budget
    COMMAND ${CMAKE_COMMAND} -E env ${PYRITE_SIZE_ENV} CHECK=static sh ${PYRITE_ESP8266_SIZE_SCRIPT} ${PYRITE_SIZE_ARGS})
  # Negative control: budgets no image meets must fail, both of them.
  add_test(NAME esp8266_size_budget_negative
    COMMAND ${CMAKE_COMMAND} -E env ${PYRITE_SIZE_ENV} CHECK=static IRAM_BUDGET=1000 IMAGE_BUDGET=1000
            sh ${PYRITE_ESP8266_SIZE_SCRIPT} ${PYRITE_SIZE_ARGS})
  set_tests_properties(esp8266_image esp8266_size_budget PROPERTIES LABELS esp8266 TIMEOUT 60)
  set_tests_properties(esp8266_size_budget_negative PROPERTIES LABELS esp8266 TIMEOUT 60
    PASS_REGULAR_EXPRESSION "budgets: 2 over")

  # start.S's emulation of byte loads from irom0, run on QEMU's lx106.
  if(PYRITE_QEMU_XTENSA)
    add_test(NAME esp8266_loadstore_handler
      COMMAND sh ${PYRITE_HAL_QEMU_DIR}/run-qemu.sh ${PYRITE_FIRMWARE_ESP8266_DIR}/pyrite-esp8266-lse-test.elf)
    set_tests_properties(esp8266_loadstore_handler PROPERTIES LABELS "esp8266;qemu" TIMEOUT 30
      PASS_REGULAR_EXPRESSION "PASS" FAIL_REGULAR_EXPRESSION "FAIL|mismatch")
    # flash.c over a fake ROM that checks every call's contract.
    add_test(NAME esp8266_flash
      COMMAND sh ${PYRITE_HAL_QEMU_DIR}/run-qemu.sh ${PYRITE_FIRMWARE_ESP8266_DIR}/pyrite-esp8266-flash-test.elf)
    set_tests_properties(esp8266_flash PROPERTIES LABELS "esp8266;qemu" TIMEOUT 60
      PASS_REGULAR_EXPRESSION "PASS" FAIL_REGULAR_EXPRESSION "FAIL|problem")
  endif()

  if(PYRITE_QEMU_XTENSA AND PYRITE_FIRMWARE_QEMU AND PYRITE_FIRMWARE_QEMU_RUNTIME)
    add_test(NAME esp8266_heap_budget
      COMMAND ${CMAKE_COMMAND} -E env ${PYRITE_SIZE_ENV} CHECK=heap sh ${PYRITE_ESP8266_SIZE_SCRIPT} ${PYRITE_SIZE_ARGS})
    # Negative control: more free heap than the heap holds; and the figure
    # must still have been read.
    add_test(NAME esp8266_heap_budget_negative
      COMMAND ${CMAKE_COMMAND} -E env ${PYRITE_SIZE_ENV} CHECK=heap HEAP_MIN=40000
              sh ${PYRITE_ESP8266_SIZE_SCRIPT} ${PYRITE_SIZE_ARGS})
    set_tests_properties(esp8266_heap_budget PROPERTIES LABELS "esp8266;qemu" TIMEOUT 60)
    set_tests_properties(esp8266_heap_budget_negative PROPERTIES LABELS "esp8266;qemu" TIMEOUT 60
      PASS_REGULAR_EXPRESSION "budgets: 1 over" FAIL_REGULAR_EXPRESSION "could not read")
    # make size: the whole report, budgets included.
    add_custom_target(size
      COMMAND ${CMAKE_COMMAND} -E env ${PYRITE_SIZE_ENV} sh ${PYRITE_ESP8266_SIZE_SCRIPT} ${PYRITE_SIZE_ARGS}
      DEPENDS firmware_esp8266 firmware_qemu repl_exec
      USES_TERMINAL VERBATIM)
  else()
    add_custom_target(size
      COMMAND ${CMAKE_COMMAND} -E env ${PYRITE_SIZE_ENV} CHECK=static sh ${PYRITE_ESP8266_SIZE_SCRIPT}
              ${PYRITE_SIZE_ARGS}
      DEPENDS firmware_esp8266 repl_exec
      USES_TERMINAL VERBATIM)
  endif()
elseif(PYRITE_FIRMWARE_ESP8266)
  message(STATUS "xtensa-lx106-elf-gcc not found: no ESP8266 image, no esp8266 tests")
endif()
