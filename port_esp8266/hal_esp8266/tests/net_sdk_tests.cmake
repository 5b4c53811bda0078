# SPDX-License-Identifier: MIT
# Host test of the chip's WiFi back-end (hal_esp8266/net_sdk.c) and the SDK
# task queues (sdk_tasks.c) against fake_sdk.c, an in-memory stand-in for
# the NONOS SDK: no SDK and no chip needed. Included by the host build
# (port_esp8266/CMakeLists.txt).
set(PYRITE_HAL_ESP8266_DIR ${CMAKE_CURRENT_LIST_DIR}/..)
add_executable(test_net_sdk
  ${PYRITE_HAL_ESP8266_DIR}/tests/test_net_sdk.c
  ${PYRITE_HAL_ESP8266_DIR}/tests/fake_sdk.c
  ${PYRITE_HAL_ESP8266_DIR}/net_sdk.c
  ${PYRITE_HAL_ESP8266_DIR}/sdk_tasks.c)
target_include_directories(test_net_sdk PRIVATE ${PYRITE_HAL_ESP8266_DIR} ${PYRITE_HAL_ESP8266_DIR}/..)
target_link_libraries(test_net_sdk PRIVATE PkgConfig::CHECK)
add_test(NAME esp8266_net_sdk COMMAND test_net_sdk)
set_tests_properties(esp8266_net_sdk PROPERTIES LABELS unit TIMEOUT 60)

# The -DESP8266_SDK image linked against sdk_stub.c (Espressif's libraries
# are not ours to have): the SDK's ROM script filtered, entry and vectors
# placed, our task queues used, flash images written. Negative control: a
# stand-in SDK without liblwip.a must be refused. Needs the cross compiler.
find_program(PYRITE_NET_SDK_LX106_GCC xtensa-lx106-elf-gcc)
if(PYRITE_NET_SDK_LX106_GCC AND NOT CMAKE_BUILD_TYPE STREQUAL "Sanitize")
  set(sdk_check ${PYRITE_HAL_ESP8266_DIR}/tests/sdk_link_check.sh)
  add_test(NAME esp8266_sdk_link
    COMMAND sh ${sdk_check} ${CMAKE_BINARY_DIR}/firmware-esp8266-sdkstub $<TARGET_FILE:pyfreeze>
            $<TARGET_FILE:esp_mkimage>)
  add_test(NAME esp8266_sdk_link_negative
    COMMAND sh ${sdk_check} ${CMAKE_BINARY_DIR}/firmware-esp8266-sdkstub-negative $<TARGET_FILE:pyfreeze>
            $<TARGET_FILE:esp_mkimage> --negative)
  set_tests_properties(esp8266_sdk_link PROPERTIES LABELS esp8266 TIMEOUT 900
    PASS_REGULAR_EXPRESSION "PASS" FAIL_REGULAR_EXPRESSION "FAIL")
  set_tests_properties(esp8266_sdk_link_negative PROPERTIES LABELS esp8266 TIMEOUT 120
    PASS_REGULAR_EXPRESSION "configure refused the SDK")
endif()
