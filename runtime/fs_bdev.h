// SPDX-License-Identifier: MIT
// fs_bdev.h: the block device a filesystem lives on. The port hands one
// over its flash sectors to the runtime at boot (rt_vfs_set_flash in
// fs_vfs.h); os.mount wraps a Python object with readblocks/writeblocks/
// ioctl in another (fs_pybdev.c).
//
// The device behaves as NOR flash: a block is the erase unit; an erase
// sets every byte of one block to 0xFF; a program can only clear bits, so
// bytes are programmed once between erases. Functions return 0 or a
// negative errno (-5 EIO for a device fault). None of them may longjmp.
#ifndef RT_FS_BDEV_H
#define RT_FS_BDEV_H

#include <stddef.h>
#include <stdint.h>

typedef struct fs_bdev fs_bdev_t;

struct fs_bdev {
  uint32_t block_size;  // bytes per erase block: a power of two, 256..65536
  uint32_t block_count; // blocks in the device (at most 32767)
  void *ctx;            // the device's own state
  // Copies [len] bytes at [off] of [block] into [buf].
  int (*read)(const fs_bdev_t *d, uint32_t block, uint32_t off, void *buf, uint32_t len);
  // Programs [len] bytes at [off] of [block] (clears bits only).
  int (*prog)(const fs_bdev_t *d, uint32_t block, uint32_t off, const void *buf, uint32_t len);
  // Erases [block] to 0xFF.
  int (*erase)(const fs_bdev_t *d, uint32_t block);
};

#endif
