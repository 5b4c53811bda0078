# SPDX-License-Identifier: MIT
# esp_mkimage, the ELF to ESP8266 flash image tool, and its test
# (included from harness/CMakeLists.txt). The writer lives in esp_image.c
# beside the reader the flasher uses (rigflash); the tool and its test
# compile just the files they need, so that the firmware images do not
# wait for the whole rig to build.
set(RIG_IMAGE_SOURCES ${CMAKE_CURRENT_LIST_DIR}/esp_image.c ${CMAKE_CURRENT_LIST_DIR}/elf32.c)
add_executable(esp_mkimage ${CMAKE_CURRENT_LIST_DIR}/mkimage_main.c ${RIG_IMAGE_SOURCES})

# rig_esp_image: writer, reader, ELF reader and the tool on a synthetic ELF.
# firmware.cmake adds esp8266_image, the same test on the real image.
add_executable(test_rig_esp_image ${CMAKE_CURRENT_LIST_DIR}/tests/test_esp_image.c ${RIG_IMAGE_SOURCES})
target_include_directories(test_rig_esp_image PRIVATE ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(test_rig_esp_image PRIVATE PkgConfig::CHECK)
add_test(NAME rig_esp_image COMMAND test_rig_esp_image $<TARGET_FILE:esp_mkimage>)
set_tests_properties(rig_esp_image PROPERTIES LABELS unit TIMEOUT 60)
