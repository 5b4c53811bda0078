// SPDX-License-Identifier: MIT
// esp8266_regs.h: the ESP8266 peripheral registers hal_esp8266 touches,
// as addresses (PROTOCOLS.md 5.1-5.5 unless a line says otherwise).
//
// Every register is a 32-bit word in the uncached I/O space; access only
// through REG(), which makes each read and write a volatile 32-bit access.
#ifndef HAL_ESP8266_REGS_H
#define HAL_ESP8266_REGS_H

#include <stdint.h>

#define REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

// ---- UART0 (5.2): TX on GPIO1, RX on GPIO3 ----
#define UART0_FIFO 0x60000000u
#define UART0_INT_ENA 0x6000000Cu
#define UART0_INT_CLR 0x60000010u
#define UART0_CLKDIV 0x60000014u
#define UART0_STATUS 0x6000001Cu
#define UART0_CONF0 0x60000020u
#define UART_STATUS_RX_COUNT(s) ((s)&0xFFu)
#define UART_STATUS_TX_COUNT(s) (((s) >> 16) & 0xFFu)
#define UART_CONF0_8N1 ((3u << 2) | (1u << 4)) // 8 data bits, 1 stop bit, no parity
#define UART_CONF0_RXFIFO_RST (1u << 17)
#define UART_CONF0_TXFIFO_RST (1u << 18)
#define UART_FIFO_SIZE 128u
#define UART_APB_HZ 80000000u // the UART clock stays at 80 MHz at either CPU speed

// ---- GPIO0..15 (5.3) ----
#define GPIO_OUT_W1TS 0x60000304u
#define GPIO_OUT_W1TC 0x60000308u
#define GPIO_ENABLE_W1TS 0x60000310u
#define GPIO_ENABLE_W1TC 0x60000314u
#define GPIO_IN 0x60000318u
#define GPIO_PIN_CONF(n) (0x60000328u + 4u * (unsigned)(n))
#define GPIO_PIN_OPEN_DRAIN (1u << 2)
#define GPIO_STATUS 0x6000031Cu
#define GPIO_STATUS_W1TC 0x60000324u
#define GPIO_PIN_INT_SHIFT 7 // [9:7]: 0 off, 1 rising, 2 falling, 3 both
#define GPIO_PIN_INT_MASK (7u << GPIO_PIN_INT_SHIFT)

// ---- GPIO16, in the RTC block (5.3) ----
#define RTC_GPIO_OUT 0x60000768u
#define RTC_GPIO_ENABLE 0x60000774u
#define RTC_GPIO_IN 0x6000078Cu
#define RTC_GPIO_CONF 0x60000790u
#define PAD_XPD_DCDC_CONF 0x600007A0u

// ---- IO_MUX (5.4) ----
#define IO_MUX_BASE 0x60000800u
#define IO_MUX_PULLUP (1u << 7)
#define IO_MUX_FUNC_MASK ((3u << 4) | (1u << 8))
// The function field is split: func[1:0] in bits 4-5, func[2] in bit 8.
#define IO_MUX_FUNC(f) (((((unsigned)(f)) & 3u) << 4) | ((((unsigned)(f)) & 4u) << 6))

// ---- Timers (5.5) ----
// FRC2: a 32-bit up-counter. COUNT at +0x24 is from PROTOCOLS.md; CTRL at
// +0x28 and its bits (7 enable, 3:2 prescaler) follow the layout of FRC1's
// CTRL and Arduino's esp8266_peri.h (UNCERTAIN: not in PROTOCOLS.md).
#define FRC2_LOAD 0x60000620u
#define FRC2_COUNT 0x60000624u
#define FRC2_CTRL 0x60000628u
#define FRC_CTRL_ENABLE (1u << 7)
#define FRC_CTRL_DIV16 (1u << 2)
#define FRC2_HZ (UART_APB_HZ / 16u) // 5 MHz: wraps after 859 s

// ---- Hardware watchdog ----
// Writing 0x73 to the feed register restarts its count (PROTOCOLS.md 5.1).
#define WDT_FEED 0x60000914u
#define WDT_FEED_MAGIC 0x73u

// ---- RTC memory ----
// 0x60001000-0x600013FF keeps its contents across every reset but a power
// loss. The NONOS SDK keeps its own words in the first 256 bytes from
// 0x60001100 and gives users the rest, from 0x60001200 (UNCERTAIN: from
// the SDK's system_rtc_mem_* convention, not from PROTOCOLS.md); the
// reset note lives there so that it survives alongside the SDK too.
#define RTC_USER_MEM 0x60001200u
#define RTC_USER_MEM_BYTES 512u

// ---- DPORT (5.1) ----
#define DPORT_CPU2X 0x3FF00014u // bit 0: CPU at 160 MHz
// The factory MAC in OTP (UNCERTAIN: the decoding of these words
// follows esptool's read_mac for the ESP8266, not PROTOCOLS.md).
#define OTP_MAC0 0x3FF00050u
#define OTP_MAC1 0x3FF00054u
#define OTP_MAC3 0x3FF0005Cu

// ---- SPI0, the flash controller (UNCERTAIN: SDK spi_register.h layout,
// not in PROTOCOLS.md): a read-ID command leaves the JEDEC word in W0. ----
#define SPI0_CMD 0x60000200u
#define SPI0_W0 0x60000240u
#define SPI_CMD_READ_ID (1u << 28)

// ---- ETS system RAM: the ROM's flash descriptor (4.2) ----
// {device_id, chip_size, block_size, sector_size, page_size, status_mask},
// 4 bytes after the ROM's `flashchip` symbol (0x3FFFC714) since SDK 1.5.2
// (UNCERTAIN: PROTOCOLS.md reports the offset, not why).
#define ROM_FLASHCHIP (0x3FFFC714u + 4u)

#endif
