# SPDX-License-Identifier: MIT
# toolchain-lx106.cmake: cross builds for the ESP8266's Xtensa lx106 core
# (the QEMU image and the real board) with Debian's xtensa-lx106-elf-gcc and
# picolibc.
#
# Use: cmake -S port_esp8266/firmware -B build-qemu \
#        -DCMAKE_TOOLCHAIN_FILE=$PWD/cmake/toolchain-lx106.cmake
# (port_esp8266/firmware picks this file by default; CMake resolves a
# relative CMAKE_TOOLCHAIN_FILE against the build and source directories,
# not the current one.)
#
# picolibc for this target comes as a GCC specs file, picolibc.specs in
# <prefix>/lib/xtensa-lx106-elf/ (Debian: /usr/lib/...). GCC does not find it
# by bare name there, so it is passed with its full path. It adds picolibc's
# include directory, its library directory, "-lc" and libgcc in one group at
# link time, picolibc.ld unless the link has its own -T, and crt0 unless it
# says -nostartfiles. Our firmware brings its own start-up code and linker
# script, so the firmware project links with -nostartfiles and -T.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR xtensa)

set(LX106_PREFIX xtensa-lx106-elf- CACHE STRING "Prefix of the lx106 cross tools")
find_program(LX106_GCC ${LX106_PREFIX}gcc REQUIRED)
get_filename_component(LX106_BIN_DIR ${LX106_GCC} DIRECTORY)
find_file(LX106_PICOLIBC_SPECS picolibc.specs
  PATHS ${LX106_BIN_DIR}/../lib/xtensa-lx106-elf
  NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH REQUIRED)

set(CMAKE_C_COMPILER ${LX106_GCC})
set(CMAKE_ASM_COMPILER ${LX106_GCC})
set(CMAKE_AR ${LX106_BIN_DIR}/${LX106_PREFIX}ar CACHE FILEPATH "")
set(CMAKE_RANLIB ${LX106_BIN_DIR}/${LX106_PREFIX}ranlib CACHE FILEPATH "")
set(CMAKE_OBJCOPY ${LX106_BIN_DIR}/${LX106_PREFIX}objcopy CACHE FILEPATH "")
set(CMAKE_OBJDUMP ${LX106_BIN_DIR}/${LX106_PREFIX}objdump CACHE FILEPATH "")
set(CMAKE_SIZE ${LX106_BIN_DIR}/${LX106_PREFIX}size CACHE FILEPATH "")

# A bare-metal compiler cannot link a test program without our linker
# script and start-up code, so CMake's compiler check builds a library.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

# -mlongcalls: calls may span IRAM (0x401xxxxx), irom0 (0x402xxxxx) and the
#   ROM (0x4000xxxx), beyond call0's +-512 KiB reach.
# -mtext-section-literals: each function's literal pool sits in its own
#   text section, so --gc-sections can drop it with the function.
# Not -mforce-l32 (every byte and half-word load made an aligned 32-bit
#   load, as the chip needs for data in irom0, PROTOCOLS.md 5.1): it made
#   the image about 50 KB larger, past the 512 KB budget. The chip's
#   back-end instead serves byte loads from irom0 in its LoadStoreError
#   handler (port_esp8266/hal_esp8266/start.S, test esp8266_loadstore_handler),
#   as MicroPython's ESP8266 port does; hot data (interned names) sits in DRAM.
set(LX106_ARCH_FLAGS "-mlongcalls -mtext-section-literals")
set(CMAKE_C_FLAGS_INIT
    "${LX106_ARCH_FLAGS} --specs=${LX106_PICOLIBC_SPECS} -ffunction-sections -fdata-sections -Wall -Wextra -Werror")
set(CMAKE_ASM_FLAGS_INIT "${LX106_ARCH_FLAGS}")
set(CMAKE_C_FLAGS_RELEASE_INIT "-O2") # see lx106_project.cmake
set(CMAKE_C_FLAGS_MINSIZEREL_INIT "-Os")
set(CMAKE_C_FLAGS_DEBUG_INIT "-Og -g")
set(CMAKE_C_FLAGS_RELWITHDEBINFO_INIT "-Os -g")
# The specs file is in the C flags, which CMake also passes when linking.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-nostartfiles -Wl,--gc-sections")

# Look for libraries and headers only in the target's world.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
