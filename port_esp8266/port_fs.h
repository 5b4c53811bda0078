// SPDX-License-Identifier: MIT
// port_fs.h: the board's flash as the runtime's filesystem block device,
// and the filesystem part of the boot sequence (mount, boot.py, main.py).
//
// Flash layout (MicroPython's, so that esp.flash_user_start() tells the
// truth): the firmware image from offset 0; the filesystem from
// PORT_FS_START_SMALL (1 MB modules) or PORT_FS_START (bigger ones) up to
// PORT_FS_RESERVED_END bytes before the end of the chip: the saved station
// settings (mod_net.c), then the SDK's 20 KiB (RF calibration data, system
// parameters). A
// module with less than PORT_FS_MIN_FLASH of flash (the 512K ESP-01) has
// no filesystem: the image needs all of it.
#ifndef PORT_FS_H
#define PORT_FS_H

#include <stdbool.h>
#include <stdint.h>

#define PORT_FS_START 0x100000u      // flash > 1 MB: from the second megabyte
#define PORT_FS_START_SMALL 0x90000u // 1 MB flash: after a 576 KB image
#define PORT_FS_RESERVED_END 0x6000u // the last 24 KB: station settings, RF data, SDK parameters
#define PORT_FS_MIN_FLASH 0x100000u

// Hands the flash block device (or the reason there is none) to the
// runtime. Call once at boot, before the first rt_init.
void port_fs_init(void);

// After rt_init: mounts the filesystem at "/" and, when [announce], says
// on the console what it found (or why there is none).
void port_fs_mount(bool announce);

// Runs boot.py, then main.py when [run_main] (in the friendly REPL, not
// the raw one, as MicroPython does), each when present.
void port_fs_run_scripts(bool run_main);

// Publishes open files' changes before a soft reset.
void port_fs_before_soft_reset(void);

#endif
