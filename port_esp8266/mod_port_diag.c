// SPDX-License-Identifier: MIT
// mod_port_diag.c: `import port_diag` prints the board's diagnostics, in
// the order of MicroPython's ESP8266 port_diag (PROTOCOLS.md 6): the
// flash chip's ID, the boot image header's flash mode and size/frequency
// byte, the firmware checksum (esp.check_fw), then the network
// interfaces. Parts a board lacks (the SDK's WiFi buffers and lwIP on a
// board without them) are said to be missing rather than made up.
#include "board_hal.h"
#include "mod_esp.h"
#include "port_modules.h"
#include "print.h"

// Byte 3 of the image header: size in the high nibble, SPI clock in the
// low one (PROTOCOLS.md 3.10).
static const char *size_name(int code) {
  static const char *const names[] = {"512KB",  "256KB",  "1MB", "2MB", "4MB",
                                      "2MB-c1", "4MB-c1", "?",   "8MB", "16MB"};
  return code < (int)(sizeof names / sizeof names[0]) ? names[code] : "?";
}

static const char *freq_name(int code) {
  switch (code) {
  case 0x0: return "40MHZ";
  case 0x1: return "26MHZ";
  case 0x2: return "20MHz";
  case 0xF: return "80MHz";
  default: return "?";
  }
}

static void print_ip(rt_printer_t *p, uint32_t ip) {
  rt_print_format(p, "'%d.%d.%d.%d'", (int)(ip >> 24), (int)(ip >> 16 & 255), (int)(ip >> 8 & 255),
                  (int)(ip & 255));
}

static void print_ifconfig(rt_printer_t *p, const char *label, int iface) {
  uint32_t cfg[4];
  rt_print_format(p, "%s ifconfig: ", label);
  if (board_wlan_ifconfig(iface, cfg, 0) < 0) {
    rt_print_cstr(p, "(no network interface)\n");
    return;
  }
  rt_print_cstr(p, "(");
  for (int i = 0; i < 4; i++) {
    if (i) rt_print_cstr(p, ", ");
    print_ip(p, cfg[i]);
  }
  rt_print_cstr(p, ")\n");
}

void port_diag_init(void *ns) {
  (void)ns;
  rt_printer_t *p = &rt_print_console;
  uint32_t id = board_flash_id();
  rt_print_cstr(p, "FlashROM:\nFlash ID: ");
  port_print_unsigned(p, id, 16, 1);
  rt_print_cstr(p, " (Vendor: ");
  port_print_unsigned(p, id & 0xFF, 16, 1);
  rt_print_cstr(p, " Device: ");
  port_print_unsigned(p, id >> 8, 16, 1);
  rt_print_cstr(p, ")\n");
  uint8_t head[4] = {0xFF, 0xFF, 0xFF, 0xFF};
  board_flash_read(0, head, sizeof head);
  rt_print_cstr(p, "Flash bootloader data:\nByte @2: ");
  port_print_unsigned(p, head[2], 16, 2);
  rt_print_cstr(p, "\nByte @3: ");
  port_print_unsigned(p, head[3], 16, 2);
  rt_print_format(p, " (Flash size: %s Flash freq: %s)\n", size_name(head[3] >> 4), freq_name(head[3] & 15));
  rt_print_cstr(p, "Firmware checksum:\n");
  rt_print_cstr(p, port_esp_check_fw(p) ? "True\n" : "False\n");
  rt_print_cstr(p, "\nNetworking:\n");
  print_ifconfig(p, "STA", BOARD_IF_STA);
  print_ifconfig(p, "AP", BOARD_IF_AP);
  rt_print_cstr(p, "Free WiFi driver buffers of type:\n");
  rt_print_cstr(p, board_net_present() ? "(not reported by this WiFi stack)\n" : "(no WiFi driver)\n");
  rt_print_cstr(p, "lwIP PCBs:\n");
  rt_print_cstr(p, board_net_present() ? "(not reported by this network stack)\n" : "(no lwIP)\n");
}
