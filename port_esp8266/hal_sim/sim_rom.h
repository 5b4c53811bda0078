// SPDX-License-Identifier: MIT
// sim_rom.h: the ESP8266 ROM serial bootloader ("UART download mode",
// boot mode (1,7)), emulated over the virtual board's console so that
// esptool-style flashers work against vboard (PROTOCOLS.md 3).
//
// What it implements, as the ESP8266 ROM answers (2 status bytes closing
// every response: status 0/1, then the ROM error code):
//   SYNC (8 identical answers), READ_REG, WRITE_REG (with the SPI0 user
//   command engine behind 0x60000200, enough for RDID 0x9F, READ 0x03 and
//   RDSR 0x05), FLASH_BEGIN (erasing as the ROM does, with its erase-size
//   bug), FLASH_DATA (checksum and sequence checked), FLASH_END,
//   MEM_BEGIN/DATA/END (data checked and kept nowhere: vboard cannot run
//   Xtensa code, so MEM_END answers and stays in the loader),
//   SPI_SET_PARAMS and SPI_ATTACH (accepted; see sim_rom.c).
// Anything else (CHANGE_BAUDRATE, the stub's commands) gets status 1,
// error 0x05, as the ROM answers commands it lacks.
#ifndef SIM_ROM_H
#define SIM_ROM_H

// Serves the loader until a command reboots the board (never returning)
// or the console input ends for good (then it returns).
void sim_rom_run(void);

#endif
