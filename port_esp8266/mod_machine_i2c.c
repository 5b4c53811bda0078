// SPDX-License-Identifier: MIT
// mod_machine_i2c.c: machine.SoftI2C (and machine.I2C, the same class on
// the ESP8266) over drivers/drv_softi2c.
//
// SoftI2C(scl, sda, *, freq=400000, timeout=50000). Bus errors raise
// OSError: ENODEV (19) when an address is not acknowledged, ETIMEDOUT
// (110) when SCL stays low past the timeout.
#include "drv_softi2c.h"
#include "mod_machine.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "obj_exc.h"
#include "obj_list.h"
#include "print.h"
#include "raise.h"

#include <errno.h>

typedef struct {
  const rt_type_t *type;
  drv_softi2c_t bus;
  uint32_t freq;
} i2c_obj_t;

static drv_softi2c_t *bus_of(rt_val_t self) {
  return &((i2c_obj_t *)self)->bus;
}

// Raises OSError for a negative driver result; returns it otherwise.
static int check(int rc) {
  if (rc < 0) port_raise_os(-rc);
  return rc;
}

// The same for a whole transaction: a failed one still ends with a STOP,
// so the bus is free for the next.
static int check_bus(drv_softi2c_t *bus, int rc) {
  if (rc < 0 && bus->held) drv_softi2c_stop(bus);
  return check(rc);
}

static void configure(i2c_obj_t *o, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  rt_val_t scl = port_kw(kw, "scl", n > 0 ? args[0] : RT_NULL);
  rt_val_t sda = port_kw(kw, "sda", n > 1 ? args[1] : RT_NULL);
  if (!scl || !sda) rt_raise_msg(&rt_exc_TypeError, "SoftI2C needs scl and sda");
  intptr_t freq = rt_obj_get_int(port_kw(kw, "freq", n > 2 ? args[2] : rt_small(400000)));
  intptr_t timeout = rt_obj_get_int(port_kw(kw, "timeout", rt_small(50000)));
  if (freq <= 0 || freq > 1000000 || timeout <= 0)
    rt_raise_msg(&rt_exc_ValueError, "invalid freq or timeout");
  if (drv_softi2c_init(&o->bus, port_pin_id(scl), port_pin_id(sda), (uint32_t)freq, (uint32_t)timeout) < 0)
    rt_raise_msg(&rt_exc_ValueError, "invalid I2C pins");
  o->freq = (uint32_t)freq;
}

static rt_val_t i2c_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  // machine.I2C(id, scl, sda, ...) takes a bus id first; only -1 (soft)
  // exists on the ESP8266, as for MicroPython.
  if (n > 0 && rt_is_small(args[0]) && rt_small_get(args[0]) == -1) args++, n--;
  i2c_obj_t *o = rt_gc_alloc(sizeof *o, 0);
  o->type = t;
  configure(o, n, args, kw);
  return rt_val(o);
}

static rt_val_t i2c_init(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  configure((i2c_obj_t *)args[0], n - 1, args + 1, kw);
  return RT_NONE;
}

static rt_val_t i2c_scan(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  uint8_t found[112];
  int count = check(drv_softi2c_scan(bus_of(args[0]), found, (int)sizeof found));
  rt_val_t list = rt_list_new(0);
  for (int i = 0; i < count; i++)
    rt_list_append(list, rt_small(found[i]));
  return list;
}

static rt_val_t i2c_start(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  check(drv_softi2c_start(bus_of(args[0])));
  return RT_NONE;
}

static rt_val_t i2c_stop(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  check(drv_softi2c_stop(bus_of(args[0])));
  return RT_NONE;
}

// readinto(buf, nack=True): the last byte NACKed when [nack].
static rt_val_t i2c_readinto(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  size_t len;
  uint8_t *buf = port_buffer_rw(args[1], &len);
  bool nack = n > 2 ? rt_obj_truthy(args[2]) : true;
  for (size_t i = 0; i < len; i++)
    check(drv_softi2c_read_byte(bus_of(args[0]), &buf[i], !(nack && i + 1 == len)));
  return RT_NONE;
}

// write(buf): returns how many bytes were acknowledged (stops at a NACK).
static rt_val_t i2c_write(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  size_t len;
  const uint8_t *buf = port_buffer(args[1], &len);
  size_t acked = 0;
  while (acked < len && check(drv_softi2c_write_byte(bus_of(args[0]), buf[acked])) == 0)
    acked++;
  return rt_small((intptr_t)acked);
}

static bool stop_arg(size_t n, const rt_val_t *args, size_t at, const rt_kw_t *kw) {
  return rt_obj_truthy(port_kw(kw, "stop", n > at ? args[at] : RT_TRUE));
}

static rt_val_t i2c_readfrom(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  intptr_t count = rt_obj_get_int(args[2]);
  if (count < 0) rt_raise_msg(&rt_exc_ValueError, "negative length");
  rt_val_t out = rt_bytearray_new(NULL, (size_t)count);
  size_t len;
  uint8_t *buf = port_buffer_rw(out, &len);
  check_bus(bus_of(args[0]), drv_softi2c_readfrom(bus_of(args[0]), (uint8_t)rt_obj_get_int(args[1]), buf, len,
                                                  stop_arg(n, args, 3, kw)));
  return rt_bytes_new((const char *)buf, len);
}

static rt_val_t i2c_readfrom_into(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  size_t len;
  uint8_t *buf = port_buffer_rw(args[2], &len);
  check_bus(bus_of(args[0]), drv_softi2c_readfrom(bus_of(args[0]), (uint8_t)rt_obj_get_int(args[1]), buf, len,
                                                  stop_arg(n, args, 3, kw)));
  return RT_NONE;
}

static rt_val_t i2c_writeto(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  size_t len;
  const uint8_t *buf = port_buffer(args[2], &len);
  int acked =
      check_bus(bus_of(args[0]), drv_softi2c_writeto(bus_of(args[0]), (uint8_t)rt_obj_get_int(args[1]), buf,
                                                     len, stop_arg(n, args, 3, kw)));
  return rt_small(acked);
}

// The memory address bytes, most significant first: [addrsize] 8 or 16.
static size_t mem_address(rt_val_t memaddr, const rt_kw_t *kw, uint8_t out[4]) {
  intptr_t size = rt_obj_get_int(port_kw(kw, "addrsize", rt_small(8)));
  if (size != 8 && size != 16 && size != 24 && size != 32)
    rt_raise_msg(&rt_exc_ValueError, "invalid addrsize");
  uint32_t a = (uint32_t)rt_obj_get_int(memaddr);
  size_t bytes = (size_t)size / 8;
  for (size_t i = 0; i < bytes; i++)
    out[i] = (uint8_t)(a >> (8 * (bytes - 1 - i)));
  return bytes;
}

// The address phase of a memory read or write: START, address byte
// (write), memory address; no STOP. Raises ENODEV when not acknowledged.
static void address_phase(drv_softi2c_t *bus, uint8_t addr, const uint8_t *mem, size_t mem_len) {
  int acked = check_bus(bus, drv_softi2c_writeto(bus, addr, mem, mem_len, false));
  if ((size_t)acked != mem_len) {
    drv_softi2c_stop(bus);
    port_raise_os(ENODEV);
  }
}

static void read_mem(rt_val_t self, rt_val_t addr, rt_val_t memaddr, uint8_t *buf, size_t len,
                     const rt_kw_t *kw) {
  uint8_t mem[4];
  size_t mem_len = mem_address(memaddr, kw, mem);
  address_phase(bus_of(self), (uint8_t)rt_obj_get_int(addr), mem, mem_len);
  check_bus(bus_of(self), drv_softi2c_readfrom(bus_of(self), (uint8_t)rt_obj_get_int(addr), buf, len, true));
}

static rt_val_t i2c_readfrom_mem(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n;
  intptr_t count = rt_obj_get_int(args[3]);
  if (count < 0) rt_raise_msg(&rt_exc_ValueError, "negative length");
  rt_val_t out = rt_bytearray_new(NULL, (size_t)count);
  size_t len;
  uint8_t *buf = port_buffer_rw(out, &len);
  read_mem(args[0], args[1], args[2], buf, len, kw);
  return rt_bytes_new((const char *)buf, len);
}

static rt_val_t i2c_readfrom_mem_into(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n;
  size_t len;
  uint8_t *buf = port_buffer_rw(args[3], &len);
  read_mem(args[0], args[1], args[2], buf, len, kw);
  return RT_NONE;
}

// writeto_mem(addr, memaddr, buf, *, addrsize=8): one transaction, so an
// EEPROM page write stays one page write.
static rt_val_t i2c_writeto_mem(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n;
  drv_softi2c_t *bus = bus_of(args[0]);
  uint8_t mem[4];
  size_t mem_len = mem_address(args[2], kw, mem);
  size_t len;
  const uint8_t *buf = port_buffer(args[3], &len);
  address_phase(bus, (uint8_t)rt_obj_get_int(args[1]), mem, mem_len);
  for (size_t i = 0; i < len; i++)
    if (check(drv_softi2c_write_byte(bus, buf[i])) != 0) break;
  check(drv_softi2c_stop(bus));
  return RT_NONE;
}

static void i2c_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  i2c_obj_t *o = (i2c_obj_t *)self;
  rt_print_format(p, "SoftI2C(scl=%d, sda=%d, freq=%u)", o->bus.scl, o->bus.sda, (unsigned)o->freq);
}

static const port_def_t i2c_defs[] = {
    PORT_FN_KW("init", i2c_init, 1, 4),
    PORT_FN("scan", i2c_scan, 1, 1),
    PORT_FN("start", i2c_start, 1, 1),
    PORT_FN("stop", i2c_stop, 1, 1),
    PORT_FN("readinto", i2c_readinto, 2, 3),
    PORT_FN("write", i2c_write, 2, 2),
    PORT_FN_KW("readfrom", i2c_readfrom, 3, 4),
    PORT_FN_KW("readfrom_into", i2c_readfrom_into, 3, 4),
    PORT_FN_KW("writeto", i2c_writeto, 3, 4),
    PORT_FN_KW("readfrom_mem", i2c_readfrom_mem, 4, 4),
    PORT_FN_KW("readfrom_mem_into", i2c_readfrom_mem_into, 4, 4),
    PORT_FN_KW("writeto_mem", i2c_writeto_mem, 4, 4),
};
PORT_CLASS(i2c_cls, i2c_defs);

rt_val_t port_i2c_class(void) {
  i2c_cls.type.make_new = i2c_make_new;
  i2c_cls.type.print = i2c_print;
  port_class_setup(&i2c_cls, "SoftI2C");
  return rt_val(&i2c_cls.type);
}
