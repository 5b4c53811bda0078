// SPDX-License-Identifier: MIT
// sim_flash.c: the virtual board's SPI NOR flash (see sim_flash.h).
//
// The file is mapped shared, so every write is in the file the moment it is
// made: a reset, a brown-out or a killed vboard leaves what a real chip
// would hold. Invariant: the file is exactly flash.real bytes long.
#define _GNU_SOURCE // mkostemp
#include "sim_flash.h"
#include "board_hal.h"
#include "sim_board.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static struct {
  uint8_t *mem;        // the mapped file, real bytes
  uint32_t real;       // bytes the chip holds (power of two)
  uint32_t claimed;    // bytes its JEDEC ID claims
  uint32_t jedec;      // the JEDEC word
  long brownout_after; // complete writes left before one is cut short, -1: none
} flash = {.brownout_after = -1};

int sim_flash_open(const char *path, const sim_profile_t *p, char *err, size_t err_size) {
  flash.real = p->flash_real;
  flash.claimed = p->flash_size;
  flash.jedec = p->flash_jedec;
  int fd;
  char tmp[256];
  if (path) {
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  } else {
    const char *dir = getenv("TMPDIR");
    snprintf(tmp, sizeof tmp, "%s/vboard-flash-XXXXXX", dir && *dir ? dir : "/tmp");
    fd = mkostemp(tmp, O_CLOEXEC);
    if (fd >= 0) unlink(tmp); // gone at exit; the mapping keeps it alive until then
  }
  if (fd < 0) {
    snprintf(err, err_size, "cannot open flash file %s: %s", path ? path : tmp, strerror(errno));
    return -1;
  }
  struct stat st;
  if (fstat(fd, &st) < 0) st.st_size = -1;
  bool fresh = st.st_size == 0;
  if (!fresh && st.st_size != (off_t)flash.real) {
    snprintf(err, err_size, "flash file %s holds %lld bytes, but the module's flash chip holds %u", path,
             (long long)st.st_size, flash.real);
    close(fd);
    return -1;
  }
  if (fresh && ftruncate(fd, (off_t)flash.real) < 0) {
    snprintf(err, err_size, "cannot size flash file: %s", strerror(errno));
    close(fd);
    return -1;
  }
  flash.mem = mmap(NULL, flash.real, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  close(fd);
  if (flash.mem == MAP_FAILED) {
    flash.mem = NULL;
    snprintf(err, err_size, "cannot map flash file: %s", strerror(errno));
    return -1;
  }
  if (fresh) memset(flash.mem, 0xff, flash.real); // a new chip comes erased
  return 0;
}

bool sim_flash_fault(const char *spec) {
  static const char key[] = "brownout-after-writes=";
  if (strncmp(spec, key, sizeof key - 1)) return false;
  char *end;
  long n = strtol(spec + sizeof key - 1, &end, 10);
  if (end == spec + sizeof key - 1 || *end || n < 0) return false;
  flash.brownout_after = n;
  return true;
}

void sim_flash_brownout_after(long writes) {
  flash.brownout_after = writes;
}
long sim_flash_brownout_pending(void) {
  return flash.brownout_after;
}

uint32_t sim_flash_jedec(void) {
  return flash.jedec;
}
uint32_t sim_flash_claimed_size(void) {
  return flash.claimed;
}

void sim_flash_spi_read(uint32_t addr, void *buf, size_t len) {
  uint8_t *out = buf;
  for (size_t i = 0; i < len; i++)
    out[i] = flash.mem ? flash.mem[(addr + i) & (flash.real - 1)] : 0xff;
}

void sim_flash_spi_write(uint32_t addr, const void *buf, size_t len) {
  if (!flash.mem) return;
  const uint8_t *in = buf;
  size_t keep = len;
  bool cut = false;
  if (flash.brownout_after >= 0 && flash.brownout_after-- == 0) {
    keep = len / 2; // the supply sagged halfway through the page program
    cut = true;
  }
  for (size_t i = 0; i < keep; i++)
    flash.mem[(addr + i) & (flash.real - 1)] &= in[i];
  if (cut) {
    flash.brownout_after = -1;
    sim_board_brownout();
  }
}

void sim_flash_spi_erase_sector(uint32_t addr) {
  if (!flash.mem) return;
  memset(flash.mem + ((addr & (flash.real - 1)) & ~(uint32_t)(BOARD_FLASH_SECTOR - 1)), 0xff,
         BOARD_FLASH_SECTOR);
}

// ---- board_hal.h ----

static bool in_chip(uint32_t addr, size_t len) {
  return addr <= flash.claimed && len <= flash.claimed - addr;
}

uint32_t board_flash_size(void) {
  return flash.claimed;
}

uint32_t board_flash_id(void) {
  return flash.jedec;
}

int board_flash_read(uint32_t addr, void *buf, size_t len) {
  if (!in_chip(addr, len)) return -1;
  sim_flash_spi_read(addr, buf, len);
  return 0;
}

int board_flash_write(uint32_t addr, const void *buf, size_t len) {
  if (!in_chip(addr, len)) return -1;
  sim_flash_spi_write(addr, buf, len);
  return 0;
}

int board_flash_erase_sector(uint32_t sector) {
  if (sector >= flash.claimed / BOARD_FLASH_SECTOR) return -1;
  sim_flash_spi_erase_sector(sector * BOARD_FLASH_SECTOR);
  return 0;
}
