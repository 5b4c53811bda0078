// SPDX-License-Identifier: MIT
// pins.c: GPIO0..16 as plain digital pins.
//
// GPIO0..15 are bits 0..15 of the GPIO block; each pad's IO_MUX register
// picks the GPIO function and the pull-up, and the pin's GPIO config word
// chooses a push-pull or open-drain driver. GPIO16 sits in the RTC block
// with its own three registers and has no pull-up, so its pull-up modes
// are refused and its open drain is emulated (drive 0, or float).
// GPIO6..11 carry the SPI flash and are refused.
//
// Pin interrupts are polled, not taken: an armed pin's GPIO config word
// selects its edges, the GPIO block latches each edge in GPIO_STATUS
// whether or not the CPU interrupt is enabled, and board_pin_irq_take
// reads and clears those bits. GPIO16 has no edge detection: it cannot
// be armed.
//
// Read and write are in IRAM: bit-banged drivers call them between CCOUNT
// readings and must not wait for a flash-cache miss.
#include "board_hal.h"
#include "esp8266_regs.h"
#include "hal_esp8266.h"

#define GPIO16 16

// IO_MUX register offset of GPIO0..15 (PROTOCOLS.md 5.4).
static const uint8_t mux_offset[16] = {0x34, 0x18, 0x38, 0x14, 0x3C, 0x40, 0x1C, 0x20,
                                       0x24, 0x28, 0x2C, 0x30, 0x04, 0x08, 0x0C, 0x10};

// GPIO16's open-drain emulation: the level last written, and whether the
// pin is in that mode (bit-banged buses use it for 1-Wire and I2C).
static struct {
  int open_drain;
  int level;
} gpio16;

static int is_flash_pin(int pin) {
  return pin >= 6 && pin <= 11;
}

// The GPIO function number of a pad: 0 for GPIO0/2/4/5, 3 for the rest.
static unsigned gpio_function(int pin) {
  return (pin == 0 || pin == 2 || pin == 4 || pin == 5) ? 0u : 3u;
}

// The XPD_DCDC pad as GPIO16 (UNCERTAIN: the mux bits follow the SDK's
// gpio16 examples, not PROTOCOLS.md): function bits cleared, bit 0 set.
static void gpio16_mode(int output) {
  REG(PAD_XPD_DCDC_CONF) = (REG(PAD_XPD_DCDC_CONF) & ~0x43u) | 1u;
  REG(RTC_GPIO_CONF) &= ~1u;
  REG(RTC_GPIO_ENABLE) = (REG(RTC_GPIO_ENABLE) & ~1u) | (output ? 1u : 0u);
}

int board_pin_mode(int pin, int mode) {
  if (pin < 0 || pin >= BOARD_PIN_COUNT || is_flash_pin(pin)) return -1;
  int pullup = mode == BOARD_PIN_INPUT_PULLUP || mode == BOARD_PIN_OPEN_DRAIN_PULLUP;
  int drives =
      mode == BOARD_PIN_OUTPUT || mode == BOARD_PIN_OPEN_DRAIN || mode == BOARD_PIN_OPEN_DRAIN_PULLUP;
  int open_drain = mode == BOARD_PIN_OPEN_DRAIN || mode == BOARD_PIN_OPEN_DRAIN_PULLUP;
  if (mode < BOARD_PIN_INPUT || mode > BOARD_PIN_OPEN_DRAIN_PULLUP) return -1;
  if (pin == GPIO16) {
    if (pullup) return -1;
    gpio16.open_drain = open_drain;
    // Output drives the latch; open drain drives only a latched 0.
    gpio16_mode(mode == BOARD_PIN_OUTPUT || (open_drain && gpio16.level == 0));
    return 0;
  }
  uint32_t mux = IO_MUX_BASE + mux_offset[pin];
  uint32_t v = REG(mux) & ~(IO_MUX_FUNC_MASK | IO_MUX_PULLUP);
  REG(mux) = v | IO_MUX_FUNC(gpio_function(pin)) | (pullup ? IO_MUX_PULLUP : 0u);
  uint32_t conf = REG(GPIO_PIN_CONF(pin)) & ~GPIO_PIN_OPEN_DRAIN;
  REG(GPIO_PIN_CONF(pin)) = conf | (open_drain ? GPIO_PIN_OPEN_DRAIN : 0u);
  REG(drives ? GPIO_ENABLE_W1TS : GPIO_ENABLE_W1TC) = 1u << pin;
  return 0;
}

HAL_IRAM void board_pin_write(int pin, int level) {
  if (pin == GPIO16) {
    gpio16.level = level != 0;
    REG(RTC_GPIO_OUT) = (REG(RTC_GPIO_OUT) & ~1u) | (level ? 1u : 0u);
    // Emulated open drain: drive the 0, float the 1.
    if (gpio16.open_drain) REG(RTC_GPIO_ENABLE) = (REG(RTC_GPIO_ENABLE) & ~1u) | (level ? 0u : 1u);
    return;
  }
  if (pin < 0 || pin > 15) return;
  REG(level ? GPIO_OUT_W1TS : GPIO_OUT_W1TC) = 1u << pin;
}

HAL_IRAM int board_pin_read(int pin) {
  if (pin == GPIO16) return (int)(REG(RTC_GPIO_IN) & 1u);
  if (pin < 0 || pin > 15) return 0;
  return (int)((REG(GPIO_IN) >> pin) & 1u);
}

void board_pin_irq(int pin, int edges) {
  if (pin < 0 || pin > 15) return;
  unsigned type = 0;
  if (edges & BOARD_IRQ_RISING) type |= 1u;
  if (edges & BOARD_IRQ_FALLING) type |= 2u;
  uint32_t conf = REG(GPIO_PIN_CONF(pin)) & ~GPIO_PIN_INT_MASK;
  REG(GPIO_PIN_CONF(pin)) = conf | (type << GPIO_PIN_INT_SHIFT);
  REG(GPIO_STATUS_W1TC) = 1u << pin; // nothing pending from before
}

uint32_t board_pin_irq_take(void) {
  uint32_t pending = REG(GPIO_STATUS) & 0xFFFFu;
  REG(GPIO_STATUS_W1TC) = pending;
  return pending;
}
