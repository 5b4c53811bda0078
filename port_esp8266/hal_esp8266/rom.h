// SPDX-License-Identifier: MIT
// rom.h: the ESP8266 boot ROM functions hal_esp8266 calls. Their addresses
// are in rom.ld (PROTOCOLS.md 5.6); the prototypes are as commonly used.
// Every call goes through a long call (-mlongcalls): the ROM at 0x4000xxxx
// is beyond call0's reach from IRAM and irom0.
#ifndef HAL_ESP8266_ROM_H
#define HAL_ESP8266_ROM_H

#include <stdint.h>

// SPI flash through the ROM: 0 = done, 1 = error, 2 = timeout. Addresses,
// sizes and RAM buffers must be 4-byte aligned, the buffers in DRAM, and
// the flash cache off while they run (flash.c does all three).
enum { ROM_SPI_OK = 0 };
int SPIRead(uint32_t flash_addr, void *dst, uint32_t size);
int SPIWrite(uint32_t flash_addr, const void *src, uint32_t size);
int SPIEraseSector(uint32_t sector);

// The flash cache that maps flash at 0x40200000 (irom0). (0, 0, 1) maps the
// first MiB (UNCERTAIN: the arguments' meaning is reverse-engineered).
void Cache_Read_Enable(uint32_t odd_even, uint32_t mb_count, uint32_t unknown);
void Cache_Read_Disable(void);

// The analog block's internal I2C bus; block 103 host 4 holds the PLL.
uint8_t rom_i2c_readReg(uint32_t block, uint32_t host, uint32_t reg);
void rom_i2c_writeReg(uint32_t block, uint32_t host, uint32_t reg, uint32_t value);

// The ROM's own cause of the last reset, as its boot line prints it
// ("rst cause:N"): 1 power-on, 2 the RST pin, 4 watchdog (PROTOCOLS.md 3.9).
uint32_t rtc_get_reset_reason(void);

// Tells the ROM's delay loop the CPU clock in MHz.
void ets_update_cpu_frequency(uint32_t mhz);

// The ROM's reset vector: the boot ROM runs again and reloads the image.
void rom_software_reboot(void) __attribute__((noreturn));

#endif
