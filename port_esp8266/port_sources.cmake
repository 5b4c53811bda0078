# SPDX-License-Identifier: MIT
# The board layer's portable sources (relative to port_esp8266/), shared by
# every back-end's build: vboard on the host, the QEMU image and the chip
# image. A new board module or driver is added here once.
set(PYRITE_PORT_SOURCES
  port_main.c
  port_console.c
  port_fs.c
  port_obj.c
  port_sched.c
  port_modules.c
  mod_machine.c
  mod_machine_pin.c
  mod_machine_i2c.c
  mod_machine_devices.c
  mod_machine_pwm.c
  mod_machine_spi.c
  mod_machine_uart.c
  port_pwm.c
  mod_esp.c
  mod_port_diag.c
  port_md5.c
  mod_onewire.c
  mod_neopixel.c
  drivers/drv_softi2c.c
  drivers/drv_onewire.c
  drivers/drv_bitstream.c
  drivers/drv_softspi.c
  drivers/drv_softuart.c
  mod_net.c
  mod_webrepl.c
  webrepl_server.c
  webrepl_files.c)

# The board layer's frozen Python modules (modules/*.py: network, socket,
# webrepl, mqtt, http, ...) as the C table port_frozen_modules, which
# port_modules.c registers; a build adds [output] to its sources. Compiled
# code when the pyfreeze tool is known (cmake/freeze_bytecode.cmake).
set(PYRITE_PORT_DIR ${CMAKE_CURRENT_LIST_DIR})
include(${CMAKE_CURRENT_LIST_DIR}/../cmake/freeze.cmake)
function(pyrite_freeze_port output)
  file(GLOB sources CONFIGURE_DEPENDS ${PYRITE_PORT_DIR}/modules/*.py)
  list(SORT sources)
  pyrite_freeze_prefer_bytecode(OUTPUT ${output} SYMBOL port_frozen_modules SOURCES ${sources})
endfunction()
