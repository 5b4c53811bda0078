// SPDX-License-Identifier: MIT
// port_fs.c: flash sectors as the runtime's block device (fs_bdev.h) and
// the filesystem steps of the boot sequence (see port_fs.h).
#include "port_fs.h"
#include "board_hal.h"
#include "fs_bdev.h"
#include "fs_vfs.h"

#include <stdio.h>
#include <string.h>

static uint32_t fs_base; // flash offset of the filesystem's block 0
static fs_bdev_t flash_dev;
static char why_none[96];

static uint32_t addr_of(uint32_t block, uint32_t off) {
  return fs_base + block * BOARD_FLASH_SECTOR + off;
}

static int flash_read(const fs_bdev_t *d, uint32_t block, uint32_t off, void *buf, uint32_t len) {
  (void)d;
  return board_flash_read(addr_of(block, off), buf, len) < 0 ? -5 : 0;
}

static int flash_prog(const fs_bdev_t *d, uint32_t block, uint32_t off, const void *buf, uint32_t len) {
  (void)d;
  return board_flash_write(addr_of(block, off), buf, len) < 0 ? -5 : 0;
}

static int flash_erase(const fs_bdev_t *d, uint32_t block) {
  (void)d;
  return board_flash_erase_sector(fs_base / BOARD_FLASH_SECTOR + block) < 0 ? -5 : 0;
}

void port_fs_init(void) {
  uint32_t size = board_flash_size();
  if (size < PORT_FS_MIN_FLASH) {
    snprintf(why_none, sizeof why_none, "the %u KB flash holds only the firmware", (unsigned)(size / 1024));
    rt_vfs_set_flash(NULL, why_none);
    return;
  }
  fs_base = size > PORT_FS_MIN_FLASH ? PORT_FS_START : PORT_FS_START_SMALL;
  uint32_t blocks = (size - PORT_FS_RESERVED_END - fs_base) / BOARD_FLASH_SECTOR;
  if (blocks > FS_MAX_BLOCKS) blocks = FS_MAX_BLOCKS;
  flash_dev = (fs_bdev_t){BOARD_FLASH_SECTOR, blocks, NULL, flash_read, flash_prog, flash_erase};
  rt_vfs_set_flash(&flash_dev, NULL);
}

static void say(const char *text) {
  board_console_tx(text, strlen(text));
}

void port_fs_mount(bool announce) {
  char msg[128];
  rt_vfs_mount_flash(msg, sizeof msg);
  if (announce) {
    say(msg);
    say("\r\n");
  }
}

void port_fs_run_scripts(bool run_main) {
  rt_vfs_exec_file("boot.py", NULL);
  if (run_main) rt_vfs_exec_file("main.py", NULL);
}

void port_fs_before_soft_reset(void) {
  rt_vfs_sync_all();
}
