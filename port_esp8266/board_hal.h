// SPDX-License-Identifier: MIT
// board_hal.h: everything the board layer (port_esp8266/*.c) needs from a
// back-end, and the only header a back-end implements.
//
// Back-ends: hal_sim/ (the virtual board vboard, a host process),
// hal_qemu/ (the lx106 core under QEMU), hal_esp8266/ (the real SoC).
// Functions never raise Python exceptions; errors are return codes.
#ifndef BOARD_HAL_H
#define BOARD_HAL_H

#include <stddef.h>
#include <stdint.h>

// ---- Console (UART0 on the chip) ----

// Timeout value for board_console_rx that waits as long as it takes.
#define BOARD_WAIT_FOREVER UINT32_MAX
// board_console_rx results besides a byte 0..255.
#define BOARD_RX_TIMEOUT (-1) // nothing arrived in time
#define BOARD_RX_CLOSED (-2)  // input ended for good (host stdin at EOF)

// Returns the next received byte, waiting up to [timeout_us] for it.
int board_console_rx(uint32_t timeout_us);

// Sends [len] bytes; returns when they are handed to the line. Output with
// nobody listening (no TCP client on vboard) is dropped, as a UART's is.
void board_console_tx(const char *buf, size_t len);

// ---- Time ----

// Microseconds since this boot; never goes backwards.
uint64_t board_ticks_us(void);

// ---- Identity and resets ----

// Board name for the banner, e.g. "ESP module (1M) with ESP8266".
const char *board_name(void);

// Reset causes as machine.reset_cause() reports them (SDK rst_info.reason).
enum {
  BOARD_RESET_POWER_ON = 0,
  BOARD_RESET_WDT = 1,
  BOARD_RESET_EXCEPTION = 2,
  BOARD_RESET_SOFT_WDT = 3,
  BOARD_RESET_SOFT = 4, // machine.reset()
  BOARD_RESET_DEEPSLEEP = 5,
  BOARD_RESET_HARD = 6 // the RST pin
};

// Why the board last came out of reset.
int board_reset_cause(void);

// Resets the whole board with [cause]; execution restarts at the boot
// sequence (port_boot). Never returns.
void board_reset(int cause) __attribute__((noreturn));

// ---- Pins and cycle counter ----
//
// What the bit-banged drivers (drivers/) need: GPIO0..16 as plain digital
// pins and the CPU cycle counter to time them. Every bus timing is a
// busy-wait on board_cycles(); no back-end offers delays of its own here.

// GPIO numbers run 0..BOARD_PIN_COUNT-1 (GPIO6..11 hold the SPI flash).
#define BOARD_PIN_COUNT 17

// Pin modes for board_pin_mode.
enum {
  BOARD_PIN_INPUT = 0,            // high impedance
  BOARD_PIN_INPUT_PULLUP = 1,     // input, internal pull-up on
  BOARD_PIN_OUTPUT = 2,           // push-pull, drives both levels
  BOARD_PIN_OPEN_DRAIN = 3,       // drives 0, releases the line for 1
  BOARD_PIN_OPEN_DRAIN_PULLUP = 4 // open drain, internal pull-up on
};

// CPU cycles (CCOUNT); wraps at 2^32, so compare with unsigned differences.
uint32_t board_cycles(void);

// CPU clock in Hz as the firmware believes it to be (80 or 160 MHz).
uint32_t board_cpu_hz(void);

// Sets [pin]'s [mode]; returns 0, or -1 if the board cannot (GPIO6..11).
int board_pin_mode(int pin, int mode);

// Sets [pin]'s output latch to [level] (0 or 1); output modes drive it.
void board_pin_write(int pin, int level);

// Returns the level (0 or 1) on [pin]'s pad now, whatever its mode.
int board_pin_read(int pin);

// Masks interrupts; returns the state to hand to board_irq_restore.
uint32_t board_irq_disable(void);

// Restores the interrupt mask saved by board_irq_disable; pairs nest.
void board_irq_restore(uint32_t state);

// Sets the CPU clock to [hz] (80 or 160 MHz; machine.freq). Returns 0, or
// -1 for another value. A reset brings back the module's default.
int board_cpu_set_hz(uint32_t hz);

// Pin interrupt edges for board_pin_irq (OR them).
enum { BOARD_IRQ_RISING = 1, BOARD_IRQ_FALLING = 2 };

// Arms [pin]'s interrupt on [edges] (0 disarms). Edges seen while armed
// set the pin's bit in a pending mask, as the GPIO status register does.
void board_pin_irq(int pin, int edges);

// Returns the pins (bit n = GPIOn) whose armed edge fired since the last
// call, and clears them.
uint32_t board_pin_irq_take(void);

// ---- Analogue input, identity, sleep ----

// The ADC pin (TOUT) as a 10-bit reading, 0..1024.
int board_adc_read(void);

// The station MAC address (machine.unique_id is its last bytes' source).
void board_mac(uint8_t mac[6]);

// Deep sleep for [us] microseconds (0: until reset). The RTC then pulses
// GPIO16; only where GPIO16 is wired to RST does that reset the chip (with
// BOARD_RESET_DEEPSLEEP); otherwise the chip sleeps on. Never returns.
void board_deepsleep(uint64_t us) __attribute__((noreturn));

// The RTC's user memory: bytes that survive every reset but a power-on
// one (machine.RTC().memory()). Sets *[len] to its size.
uint8_t *board_rtc_memory(size_t *len);

// ---- Flash ----
//
// The SPI NOR flash beside the chip, in 4 KB sectors. As NOR flash, a write
// can only clear bits (1 -> 0): the result is the old contents ANDed with
// the new; only an erase sets a sector back to 0xFF. Addresses are flash
// offsets (0 = the image header), not the 0x40200000 cache window.

#define BOARD_FLASH_SECTOR 4096

// Bytes the flash chip reports (its JEDEC ID's size), e.g. 4 MB.
uint32_t board_flash_size(void);

// The JEDEC word as esp.flash_id() returns it: manufacturer in bits 0..7,
// memory type 8..15, capacity code 16..23 (PROTOCOLS.md 3.8).
uint32_t board_flash_id(void);

// Copies [len] bytes at flash offset [addr] into [buf]. Returns 0, or -1
// when the range leaves the chip.
int board_flash_read(uint32_t addr, void *buf, size_t len);

// Programs [len] bytes at [addr] (bits can only be cleared). Returns 0 or -1.
int board_flash_write(uint32_t addr, const void *buf, size_t len);

// Erases the 4 KB sector number [sector] to 0xFF. Returns 0 or -1.
int board_flash_erase_sector(uint32_t sector);

// ---- Network (WiFi and sockets) ----
//
// What network, socket and WebREPL need. Every call is non-blocking: the
// Python layer waits (and lets Ctrl-C in) between calls. Errors are
// negative errno values as MicroPython's errno module numbers them
// (EAGAIN 11, EINPROGRESS 115, ECONNREFUSED 111, ENOTCONN 107, ...). A
// board without a network stack (QEMU; the chip built without Espressif's
// SDK) links port_esp8266/net_none.c: board_net_present() is 0 and every
// other call fails with -ENODEV.

#define BOARD_ENODEV 19

// 1 when the board has WiFi and sockets.
int board_net_present(void);

enum { BOARD_IF_STA = 0, BOARD_IF_AP = 1 };

// Station status, the values network.WLAN.status() reports on the ESP8266.
enum {
  BOARD_STAT_IDLE = 0,
  BOARD_STAT_CONNECTING = 1,
  BOARD_STAT_WRONG_PASSWORD = 2,
  BOARD_STAT_NO_AP_FOUND = 3,
  BOARD_STAT_CONNECT_FAIL = 4,
  BOARD_STAT_GOT_IP = 5
};

// Switches interface [iface] on (1) or off (0); -1 only asks. Returns the
// state after the call.
int board_wlan_active(int iface, int active);

// Starts associating the station with [ssid] using [key] ("" for an open
// network). Returns 0 or a negative errno; board_wlan_status tells how it
// goes.
int board_wlan_connect(const char *ssid, const char *key);
void board_wlan_disconnect(void);
int board_wlan_status(void);

typedef struct {
  char ssid[33];
  uint8_t bssid[6];
  int channel;
  int rssi;     // dBm
  int authmode; // 0 open, 1 WEP, 2 WPA-PSK, 3 WPA2-PSK, 4 WPA/WPA2-PSK
  int hidden;
} board_ap_t;

// Scans for access points: fills up to [max] entries, returns the count
// or a negative errno.
int board_wlan_scan(board_ap_t *aps, int max);

// The signal strength of the associated access point (dBm), 0 when none.
int board_wlan_rssi(void);

// The SSID the station is associated with (or last asked for), "" if none.
const char *board_wlan_ssid(void);

// Interface addresses as host-order IPv4 words (a.b.c.d = a<<24 | ...):
// ip, netmask, gateway, DNS. [set] non-zero stores them (static setup).
int board_wlan_ifconfig(int iface, uint32_t cfg[4], int set);

// The access point's own settings (network.WLAN(AP_IF).config).
int board_wlan_ap_config(const char *ssid, const char *key, int channel);

// Sockets: a handle >= 0 per socket.
enum { BOARD_SOCK_STREAM = 1, BOARD_SOCK_DGRAM = 2 };
// Readiness bits, the values select.POLLIN/POLLOUT/POLLERR/POLLHUP have.
enum { BOARD_POLL_IN = 1, BOARD_POLL_OUT = 4, BOARD_POLL_ERR = 8, BOARD_POLL_HUP = 16 };

int board_sock_new(int type);
int board_sock_bind(int s, uint32_t ip, uint16_t port);
int board_sock_listen(int s, int backlog);
// A new handle, or -EAGAIN when nobody is waiting.
int board_sock_accept(int s, uint32_t *ip, uint16_t *port);
// 0 when connected, -EINPROGRESS while it goes on (poll for OUT).
int board_sock_connect(int s, uint32_t ip, uint16_t port);
// Bytes taken or received; recv returns 0 at end of stream; -EAGAIN when
// it would block.
int board_sock_send(int s, const void *buf, size_t len);
int board_sock_recv(int s, void *buf, size_t len);
int board_sock_sendto(int s, const void *buf, size_t len, uint32_t ip, uint16_t port);
int board_sock_recvfrom(int s, void *buf, size_t len, uint32_t *ip, uint16_t *port);
// BOARD_POLL_* bits that hold now.
int board_sock_poll(int s);
// The socket's own address.
int board_sock_name(int s, uint32_t *ip, uint16_t *port);
int board_sock_close(int s);

// Resolves [host] (a name or dotted quad) to an IPv4 word.
int board_net_resolve(const char *host, uint32_t *ip);

#endif
