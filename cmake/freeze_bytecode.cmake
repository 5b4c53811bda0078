# SPDX-License-Identifier: MIT
# freeze_bytecode.cmake: Python modules frozen into the firmware as compiled
# code (blobs of runtime/persist.h), so that importing them needs no
# compiler heap. Include this file, then
#
#   pyrite_freeze_bytecode(OUTPUT <dir>/frozen_x.c SYMBOL <c_name> SOURCES a.py b.py)
#
# and add OUTPUT to a target's sources: the same table as pyrite_freeze
# (cmake/freeze.cmake) makes, rt_frozen_module_t <c_name>[], with blobs in
# place of source text; the runtime tells them apart by their first byte.
# The host tool pyfreeze (runtime/tools/pyfreeze.c) writes it: in the host
# tree the target `pyfreeze`; in a cross project (the lx106 images) the
# host-built executable whose path the host tree passes as PYRITE_PYFREEZE.
#
#   pyrite_freeze_prefer_bytecode(OUTPUT ... SYMBOL ... SOURCES ...)
#
# freezes compiled code when the tool is known and source text otherwise
# (a cross project configured on its own), so every build still works.

function(pyrite_freeze_bytecode_tool out_exe out_dep)
  if(TARGET pyfreeze)
    set(${out_exe} $<TARGET_FILE:pyfreeze> PARENT_SCOPE)
    set(${out_dep} pyfreeze PARENT_SCOPE)
  elseif(PYRITE_PYFREEZE)
    set(${out_exe} ${PYRITE_PYFREEZE} PARENT_SCOPE)
    set(${out_dep} ${PYRITE_PYFREEZE} PARENT_SCOPE)
  else()
    set(${out_exe} "" PARENT_SCOPE)
    set(${out_dep} "" PARENT_SCOPE)
  endif()
endfunction()

function(pyrite_freeze_bytecode)
  cmake_parse_arguments(FRZ "" "OUTPUT;SYMBOL" "SOURCES" ${ARGN})
  if(NOT FRZ_OUTPUT OR NOT FRZ_SYMBOL)
    message(FATAL_ERROR "pyrite_freeze_bytecode: OUTPUT and SYMBOL are required")
  endif()
  pyrite_freeze_bytecode_tool(tool tool_dep)
  if(NOT tool)
    message(FATAL_ERROR "pyrite_freeze_bytecode: no pyfreeze target and no PYRITE_PYFREEZE")
  endif()
  set(abs_sources "")
  foreach(src IN LISTS FRZ_SOURCES)
    get_filename_component(abs ${src} ABSOLUTE)
    list(APPEND abs_sources ${abs})
  endforeach()
  add_custom_command(OUTPUT ${FRZ_OUTPUT}
    COMMAND ${tool} ${FRZ_OUTPUT} ${FRZ_SYMBOL} ${abs_sources}
    DEPENDS ${abs_sources} ${tool_dep}
    COMMENT "Freezing compiled Python modules into ${FRZ_SYMBOL}"
    VERBATIM)
endfunction()

function(pyrite_freeze_prefer_bytecode)
  pyrite_freeze_bytecode_tool(tool tool_dep)
  if(tool)
    pyrite_freeze_bytecode(${ARGN})
  else()
    pyrite_freeze(${ARGN})
  endif()
endfunction()
