// SPDX-License-Identifier: MIT
// mod_machine_spi.c: machine.SoftSPI and machine.SPI over
// drivers/drv_softspi.
//
// SoftSPI(baudrate=500000, *, polarity=0, phase=0, bits=8, firstbit=MSB,
// sck, mosi, miso) on any pins. SPI(1, ...) is the ESP8266's HSPI bus on
// its fixed pins (SCK GPIO14, MOSI GPIO13, MISO GPIO12), clocked by the
// same bit-banged driver; SPI(0) holds the flash and is refused.
#include "drv_softspi.h"
#include "mod_machine.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "obj_exc.h"
#include "print.h"
#include "raise.h"

enum { FIRSTBIT_MSB = 0, FIRSTBIT_LSB = 1 };
enum { HSPI_SCK = 14, HSPI_MOSI = 13, HSPI_MISO = 12 };

typedef struct {
  const rt_type_t *type;
  drv_softspi_t bus;
  uint32_t baudrate;
  int id; // -1 soft, 1 HSPI
} spi_obj_t;

static int optional_pin(rt_val_t v) {
  return v == RT_NONE || v == RT_NULL ? -1 : port_pin_id(v);
}

// (Re)configures [o] from keyword arguments (and a positional baudrate);
// unspecified settings keep their values.
static void configure(spi_obj_t *o, size_t n, const rt_val_t *args, const rt_kw_t *kw, bool fresh) {
  rt_val_t baud = port_kw(kw, "baudrate", n > 0 ? args[0] : RT_NULL);
  if (baud) o->baudrate = (uint32_t)rt_obj_get_int(baud);
  int polarity = (int)rt_obj_get_int(port_kw(kw, "polarity", rt_small(fresh ? 0 : o->bus.polarity)));
  int phase = (int)rt_obj_get_int(port_kw(kw, "phase", rt_small(fresh ? 0 : o->bus.phase)));
  if (rt_obj_get_int(port_kw(kw, "bits", rt_small(8))) != 8)
    rt_raise_msg(&rt_exc_ValueError, "bits must be 8");
  intptr_t first = rt_obj_get_int(port_kw(kw, "firstbit", rt_small(fresh ? FIRSTBIT_MSB : o->bus.lsb_first)));
  int sck = o->bus.sck, mosi = o->bus.mosi, miso = o->bus.miso;
  if (o->id == 1) {
    sck = HSPI_SCK, mosi = HSPI_MOSI, miso = HSPI_MISO;
  } else {
    rt_val_t v;
    if ((v = port_kw(kw, "sck", RT_NULL))) sck = port_pin_id(v);
    if ((v = port_kw(kw, "mosi", RT_NULL)) || fresh) mosi = optional_pin(v);
    if ((v = port_kw(kw, "miso", RT_NULL)) || fresh) miso = optional_pin(v);
    if (fresh && !port_kw(kw, "sck", RT_NULL)) rt_raise_msg(&rt_exc_TypeError, "SoftSPI needs sck");
  }
  if (drv_softspi_init(&o->bus, sck, mosi, miso, o->baudrate, polarity, phase, first == FIRSTBIT_LSB) < 0)
    rt_raise_msg(&rt_exc_ValueError, "invalid SPI settings");
}

static rt_val_t make(const rt_type_t *t, int id, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  spi_obj_t *o = rt_gc_alloc(sizeof *o, 0);
  o->type = t;
  o->id = id;
  o->baudrate = 500000;
  o->bus.sck = o->bus.mosi = o->bus.miso = -1;
  configure(o, n, args, kw, true);
  return rt_val(o);
}

static rt_val_t softspi_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  return make(t, -1, n, args, kw);
}

// SPI(id, ...): 1 is HSPI; -1 (a soft bus on any pins) as SoftSPI.
static rt_val_t spi_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  if (n < 1) rt_raise_msg(&rt_exc_TypeError, "SPI() needs an id");
  intptr_t id = rt_obj_get_int(args[0]);
  if (id != 1 && id != -1) rt_raise_msg(&rt_exc_ValueError, "SPI(1) only (SPI(0) is the flash)");
  return make(t, (int)id, n - 1, args + 1, kw);
}

static spi_obj_t *self(rt_val_t v) {
  return (spi_obj_t *)v;
}

static rt_val_t spi_init(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  configure(self(args[0]), n - 1, args + 1, kw, false);
  return RT_NONE;
}

static rt_val_t spi_deinit(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return RT_NONE;
}

// read(nbytes, write=0x00)
static rt_val_t spi_read(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  intptr_t len = rt_obj_get_int(args[1]);
  if (len < 0) rt_raise_msg(&rt_exc_ValueError, "negative length");
  uint8_t fill = n > 2 ? (uint8_t)rt_obj_get_int(args[2]) : 0;
  rt_val_t out = rt_bytearray_new(NULL, (size_t)len);
  size_t got;
  uint8_t *buf = port_buffer_rw(out, &got);
  drv_softspi_transfer(&self(args[0])->bus, NULL, fill, buf, got);
  return rt_bytes_new((const char *)buf, got);
}

// readinto(buf, write=0x00)
static rt_val_t spi_readinto(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  size_t len;
  uint8_t *buf = port_buffer_rw(args[1], &len);
  uint8_t fill = n > 2 ? (uint8_t)rt_obj_get_int(args[2]) : 0;
  drv_softspi_transfer(&self(args[0])->bus, NULL, fill, buf, len);
  return RT_NONE;
}

static rt_val_t spi_write(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  size_t len;
  const uint8_t *buf = port_buffer(args[1], &len);
  drv_softspi_transfer(&self(args[0])->bus, buf, 0, NULL, len);
  return RT_NONE;
}

// write_readinto(write_buf, read_buf): the same length, may be one buffer.
static rt_val_t spi_write_readinto(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  size_t out_len, in_len;
  const uint8_t *out = port_buffer(args[1], &out_len);
  uint8_t *in = port_buffer_rw(args[2], &in_len);
  if (out_len != in_len) rt_raise_msg(&rt_exc_ValueError, "buffers must be the same length");
  drv_softspi_transfer(&self(args[0])->bus, out, 0, in, in_len);
  return RT_NONE;
}

static void spi_print(rt_printer_t *p, rt_val_t v, bool repr) {
  (void)repr;
  spi_obj_t *o = self(v);
  rt_print_format(p, "%s(baudrate=%u, polarity=%d, phase=%d, sck=%d, mosi=%d, miso=%d)",
                  o->id == 1 ? "HSPI" : "SoftSPI", (unsigned)o->baudrate, o->bus.polarity, o->bus.phase,
                  o->bus.sck, o->bus.mosi, o->bus.miso);
}

static const port_def_t spi_defs[] = {
    PORT_FN_KW("init", spi_init, 1, 2), PORT_FN("deinit", spi_deinit, 1, 1),
    PORT_FN("read", spi_read, 2, 3),    PORT_FN("readinto", spi_readinto, 2, 3),
    PORT_FN("write", spi_write, 2, 2),  PORT_FN("write_readinto", spi_write_readinto, 3, 3),
    PORT_CONST("MSB", FIRSTBIT_MSB),    PORT_CONST("LSB", FIRSTBIT_LSB),
};
PORT_CLASS(softspi_cls, spi_defs);
PORT_CLASS(spi_cls, spi_defs);

void port_spi_setup(void *ns) {
  softspi_cls.type.make_new = softspi_make_new;
  softspi_cls.type.print = spi_print;
  port_class_setup(&softspi_cls, "SoftSPI");
  port_ns_set(ns, "SoftSPI", rt_val(&softspi_cls.type));
  spi_cls.type.make_new = spi_make_new;
  spi_cls.type.print = spi_print;
  port_class_setup(&spi_cls, "SPI");
  port_ns_set(ns, "SPI", rt_val(&spi_cls.type));
}
