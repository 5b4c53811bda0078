# SPDX-License-Identifier: MIT
# Tests of the loopback checks: capture readers, analysers with their
# negative controls, pictures and the check group (included from
# harness/CMakeLists.txt).
add_library(rig_synth STATIC ${CMAKE_CURRENT_LIST_DIR}/synth.c)
target_link_libraries(rig_synth PUBLIC rigcore)
target_include_directories(rig_synth PUBLIC ${CMAKE_CURRENT_LIST_DIR})
foreach(name capture decode loopback)
  add_executable(test_rig_${name} ${CMAKE_CURRENT_LIST_DIR}/test_${name}.c)
  target_link_libraries(test_rig_${name} PRIVATE rig_synth PkgConfig::CHECK m)
  target_compile_definitions(test_rig_${name} PRIVATE RIG_WIRING_DIR="${PROJECT_SOURCE_DIR}/fixtures/wiring"
    RIG_TEST_SCHEMA="${PROJECT_SOURCE_DIR}/reports/report.schema.json")
  add_test(NAME rig_${name} COMMAND test_rig_${name})
  set_tests_properties(rig_${name} PROPERTIES LABELS unit TIMEOUT 60)
endforeach()

# End to end on real vboards, with vboard's faults as negative controls.
if(TARGET vboard)
  add_executable(test_rig_loopback_vboard ${CMAKE_CURRENT_LIST_DIR}/test_loopback_vboard.c)
  target_link_libraries(test_rig_loopback_vboard PRIVATE rigcore PkgConfig::CHECK PkgConfig::JANSSON)
  add_test(NAME rig_loopback_vboard
    COMMAND test_rig_loopback_vboard $<TARGET_FILE:rig> $<TARGET_FILE:vboard>
            ${PROJECT_SOURCE_DIR}/conformance/loopback ${PROJECT_SOURCE_DIR}/fixtures/wiring
            ${CMAKE_CURRENT_LIST_DIR}/loopback_faults)
  set_tests_properties(rig_loopback_vboard PROPERTIES LABELS unit TIMEOUT 300)
endif()
