# SPDX-License-Identifier: MIT
# The board layer's portable sources (relative to port_esp8266/), shared by
# every back-end's build: vboard on the host, the QEMU image and the chip
# image. A new board module or driver is added here once.
set(PYRITE_PORT_SOURCES
  port_main.c
  port_console.c)
