// SPDX-License-Identifier: MIT
// uart0.c: the console on UART0 (TX GPIO1, RX GPIO3), 115200 baud 8N1,
// polled: no interrupt, so a byte arriving while nobody reads waits in the
// 128-byte RX FIFO (the raw-paste window keeps the rig well below that).
#include "board_hal.h"
#include "esp8266_regs.h"
#include "hal_esp8266.h"

// IO_MUX offsets of the UART0 pads; UART0 is function 0 on both.
#define IO_MUX_U0TXD (IO_MUX_BASE + 0x18u)
#define IO_MUX_U0RXD (IO_MUX_BASE + 0x14u)

// TX waits while the FIFO holds this many bytes (leaves a little slack).
#define TX_FIFO_HIGH (UART_FIFO_SIZE - 2u)

HAL_IRAM void hal_uart0_drain(void) {
  while (UART_STATUS_TX_COUNT(REG(UART0_STATUS)) != 0)
    hal_wdt_feed();
}

void hal_uart0_init(uint32_t baud) {
  hal_uart0_drain(); // the ROM's own boot lines, at its rate
  REG(IO_MUX_U0TXD) = (REG(IO_MUX_U0TXD) & ~(IO_MUX_FUNC_MASK | IO_MUX_PULLUP)) | IO_MUX_FUNC(0);
  REG(IO_MUX_U0RXD) = (REG(IO_MUX_U0RXD) & ~IO_MUX_FUNC_MASK) | IO_MUX_FUNC(0) | IO_MUX_PULLUP;
  REG(UART0_CLKDIV) = UART_APB_HZ / baud;
  REG(UART0_CONF0) = UART_CONF0_8N1 | UART_CONF0_RXFIFO_RST | UART_CONF0_TXFIFO_RST;
  REG(UART0_CONF0) = UART_CONF0_8N1;
  REG(UART0_INT_ENA) = 0;
  REG(UART0_INT_CLR) = 0x1FFu;
}

HAL_IRAM void hal_uart0_putc(char c) {
  while (UART_STATUS_TX_COUNT(REG(UART0_STATUS)) >= TX_FIFO_HIGH)
    REG(WDT_FEED) = WDT_FEED_MAGIC;
  REG(UART0_FIFO) = (uint8_t)c;
}

void board_console_tx(const char *buf, size_t len) {
  hal_wdt_feed();
  for (size_t i = 0; i < len; i++)
    hal_uart0_putc(buf[i]);
}

// Every poll point of the VM and every console wait comes through here,
// so this is where WiFi gets its turn under the SDK (HAL_SDK_POLL).
int board_console_rx(uint32_t timeout_us) {
  uint64_t start = board_ticks_us(); // feeds the watchdog too
  for (;;) {
    HAL_SDK_POLL();
    if (UART_STATUS_RX_COUNT(REG(UART0_STATUS)) > 0) return (int)(REG(UART0_FIFO) & 0xFFu);
    if (timeout_us != BOARD_WAIT_FOREVER && board_ticks_us() - start >= timeout_us) return BOARD_RX_TIMEOUT;
    hal_wdt_feed();
  }
}
