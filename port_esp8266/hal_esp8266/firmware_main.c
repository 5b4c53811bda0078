// SPDX-License-Identifier: MIT
// firmware_main.c: the firmware as the chip's program: the board layer's
// boot sequence over a static GC heap of the chip's size.
#include "hal_esp8266.h"
#include "port.h"

// The GC heap's size: the chip's default, smaller with the SDK, whose
// WiFi and lwIP need DRAM of their own (firmware-esp8266/CMakeLists.txt).
#ifndef HAL_HEAP_BYTES
#define HAL_HEAP_BYTES PORT_HEAP_DEFAULT
#endif

// The GC heap, in .bss (zeroed on every boot). 8-byte aligned so that the
// GC may place any object at its start.
static unsigned char heap[HAL_HEAP_BYTES] __attribute__((aligned(8)));

int hal_esp8266_app(void) {
  port_boot(heap, sizeof heap);
  return 0;
}
