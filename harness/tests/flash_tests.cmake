# SPDX-License-Identifier: MIT
# Tests of the ROM flasher (included from harness/CMakeLists.txt).
add_executable(test_rig_slip ${CMAKE_CURRENT_LIST_DIR}/test_slip.c)
target_link_libraries(test_rig_slip PRIVATE rigflash PkgConfig::CHECK)
add_test(NAME rig_slip COMMAND test_rig_slip)
set_tests_properties(rig_slip PROPERTIES LABELS unit TIMEOUT 60)

# End to end: rig flash / rig validate against vboard (its ROM loader).
add_executable(test_rig_flash ${CMAKE_CURRENT_LIST_DIR}/test_flash.c)
target_link_libraries(test_rig_flash PRIVATE PkgConfig::CHECK PkgConfig::JANSSON)
add_test(NAME rig_flash COMMAND test_rig_flash $<TARGET_FILE:rig> $<TARGET_FILE:vboard>)
set_tests_properties(rig_flash PROPERTIES LABELS unit TIMEOUT 300)

# rig validate's firmware checks (module card items) against vboard profiles and faults.
add_executable(test_rig_validate ${CMAKE_CURRENT_LIST_DIR}/test_validate.c)
target_link_libraries(test_rig_validate PRIVATE PkgConfig::CHECK PkgConfig::JANSSON)
target_compile_definitions(test_rig_validate PRIVATE
  MODULE_CARD_SCHEMA="${PROJECT_SOURCE_DIR}/reports/module-card.schema.json")
add_test(NAME rig_validate COMMAND test_rig_validate $<TARGET_FILE:rig> $<TARGET_FILE:vboard>)
set_tests_properties(rig_validate PROPERTIES LABELS unit TIMEOUT 300)
