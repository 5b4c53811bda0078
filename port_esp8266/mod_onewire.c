// SPDX-License-Identifier: MIT
// mod_onewire.c: onewire (and its C core _onewire) and ds18x20 over
// drivers/drv_onewire. Kept in C until frozen Python modules land; the
// API is MicroPython's onewire.py / ds18x20.py.
#include "drv_onewire.h"
#include "mod_machine.h"
#include "obj_bytearray.h"
#include "obj_bytes.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_list.h"
#include "port_modules.h"
#include "raise.h"

#include <errno.h>

typedef struct {
  const rt_type_t *type;
  drv_onewire_t bus;
} ow_obj_t;

static port_class_t *ow_class(void);

// The bus of a OneWire object or a pin (the _onewire functions' form).
static drv_onewire_t bus_of(rt_val_t v) {
  if (rt_is_obj(v, &ow_class()->type)) return ((ow_obj_t *)v)->bus;
  drv_onewire_t b;
  drv_onewire_init(&b, port_pin_id(v));
  return b;
}

static rt_val_t ow_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  if (n != 1) rt_raise_msg(&rt_exc_TypeError, "OneWire(pin)");
  ow_obj_t *o = rt_gc_alloc(sizeof *o, 0);
  o->type = t;
  if (drv_onewire_init(&o->bus, port_pin_id(args[0])) < 0) rt_raise_msg(&rt_exc_ValueError, "invalid pin");
  return rt_val(o);
}

// reset(required=False): presence as a bool; OSError(ENODEV) if required.
static rt_val_t ow_reset(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  drv_onewire_t b = bus_of(args[0]);
  int present = drv_onewire_reset(&b);
  if (!present && n > 1 && rt_obj_truthy(args[1])) port_raise_os(ENODEV);
  return rt_bool(present);
}

static rt_val_t ow_readbit(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  drv_onewire_t b = bus_of(args[0]);
  return rt_small(drv_onewire_read_bit(&b));
}

static rt_val_t ow_readbyte(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  drv_onewire_t b = bus_of(args[0]);
  return rt_small(drv_onewire_read_byte(&b));
}

static rt_val_t ow_writebit(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  drv_onewire_t b = bus_of(args[0]);
  drv_onewire_write_bit(&b, rt_obj_truthy(args[1]));
  return RT_NONE;
}

static rt_val_t ow_writebyte(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  drv_onewire_t b = bus_of(args[0]);
  drv_onewire_write_byte(&b, (uint8_t)rt_obj_get_int(args[1]));
  return RT_NONE;
}

static rt_val_t ow_write(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  drv_onewire_t b = bus_of(args[0]);
  size_t len;
  const uint8_t *buf = port_buffer(args[1], &len);
  drv_onewire_write(&b, buf, len);
  return RT_NONE;
}

static rt_val_t ow_readinto(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  drv_onewire_t b = bus_of(args[0]);
  size_t len;
  uint8_t *buf = port_buffer_rw(args[1], &len);
  drv_onewire_read(&b, buf, len);
  return RT_NONE;
}

// select_rom(rom): reset, then MATCH ROM with the 8 bytes.
static rt_val_t ow_select_rom(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  drv_onewire_t b = bus_of(args[0]);
  size_t len;
  const uint8_t *rom = port_buffer(args[1], &len);
  if (len != 8) rt_raise_msg(&rt_exc_ValueError, "a ROM is 8 bytes");
  drv_onewire_select(&b, rom);
  return RT_NONE;
}

// scan(): the ROMs found by the search algorithm, as bytearrays.
static rt_val_t ow_scan(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  drv_onewire_t b = bus_of(args[0]);
  uint8_t roms[16][8];
  int count = drv_onewire_scan(&b, roms, 16);
  rt_val_t list = rt_list_new(0);
  for (int i = 0; i < count; i++)
    rt_list_append(list, rt_bytearray_new(roms[i], 8));
  return list;
}

// crc8(data) as a function or a method (data is the last argument).
static rt_val_t ow_crc8(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  size_t len;
  const uint8_t *buf = port_buffer(args[n - 1], &len);
  return rt_small(drv_onewire_crc8(buf, len));
}

static const port_def_t ow_defs[] = {
    PORT_FN("reset", ow_reset, 1, 2),
    PORT_FN("readbit", ow_readbit, 1, 1),
    PORT_FN("readbyte", ow_readbyte, 1, 1),
    PORT_FN("writebit", ow_writebit, 2, 2),
    PORT_FN("writebyte", ow_writebyte, 2, 2),
    PORT_FN("write", ow_write, 2, 2),
    PORT_FN("readinto", ow_readinto, 2, 2),
    PORT_FN("select_rom", ow_select_rom, 2, 2),
    PORT_FN("scan", ow_scan, 1, 1),
    PORT_FN("crc8", ow_crc8, 2, 2),
    PORT_CONST("SEARCH_ROM", 0xF0),
    PORT_CONST("MATCH_ROM", 0x55),
    PORT_CONST("SKIP_ROM", 0xCC),
};
PORT_CLASS(ow_cls, ow_defs);

static port_class_t *ow_class(void) {
  return &ow_cls;
}

static rt_val_t setup_onewire(void) {
  ow_cls.type.make_new = ow_make_new;
  port_class_setup(&ow_cls, "OneWire");
  return rt_val(&ow_cls.type);
}

static const port_def_t core_defs[] = {
    PORT_FN("reset", ow_reset, 1, 2),         PORT_FN("readbit", ow_readbit, 1, 1),
    PORT_FN("readbyte", ow_readbyte, 1, 1),   PORT_FN("writebit", ow_writebit, 2, 2),
    PORT_FN("writebyte", ow_writebyte, 2, 2), PORT_FN("crc8", ow_crc8, 1, 1),
};

void port_onewire_init(void *ns) {
  port_module_fill(ns, core_defs, sizeof core_defs / sizeof core_defs[0]);
  port_ns_set(ns, "OneWire", setup_onewire());
}

// ---- ds18x20: DS18X20(onewire) ----

typedef struct {
  const rt_type_t *type;
  rt_val_t ow;
} ds_obj_t;

static drv_onewire_t ds_bus(rt_val_t self) {
  return bus_of(((ds_obj_t *)self)->ow);
}

static rt_val_t ds_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  if (n != 1 || !rt_is_obj(args[0], &ow_cls.type))
    rt_raise_msg(&rt_exc_TypeError, "DS18X20(onewire.OneWire)");
  ds_obj_t *o = rt_gc_alloc(sizeof *o, 0);
  o->type = t;
  o->ow = args[0];
  return rt_val(o);
}

// scan(): the ROMs of temperature sensors (families 0x10, 0x22, 0x28).
static rt_val_t ds_scan(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  drv_onewire_t b = ds_bus(args[0]);
  uint8_t roms[16][8];
  int count = drv_onewire_scan(&b, roms, 16);
  rt_val_t list = rt_list_new(0);
  for (int i = 0; i < count; i++)
    if (roms[i][0] == 0x10 || roms[i][0] == 0x22 || roms[i][0] == 0x28)
      rt_list_append(list, rt_bytearray_new(roms[i], 8));
  return list;
}

// convert_temp(): every sensor on the bus starts a conversion.
static rt_val_t ds_convert_temp(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  drv_onewire_t b = ds_bus(args[0]);
  if (!drv_onewire_select(&b, NULL)) port_raise_os(ENODEV);
  drv_onewire_write_byte(&b, 0x44);
  return RT_NONE;
}

static void read_scratch(rt_val_t self, rt_val_t rom_v, uint8_t out[9]) {
  drv_onewire_t b = ds_bus(self);
  size_t len;
  const uint8_t *rom = port_buffer(rom_v, &len);
  if (len != 8) rt_raise_msg(&rt_exc_ValueError, "a ROM is 8 bytes");
  if (!drv_onewire_select(&b, rom)) port_raise_os(ENODEV);
  drv_onewire_write_byte(&b, 0xBE);
  drv_onewire_read(&b, out, 9);
  if (drv_onewire_crc8(out, 9) != 0) rt_raise_msg(&rt_exc_Exception, "CRC error");
}

static rt_val_t ds_read_scratch(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  uint8_t sp[9];
  read_scratch(args[0], args[1], sp);
  return rt_bytearray_new(sp, 9);
}

static rt_val_t ds_write_scratch(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  drv_onewire_t b = ds_bus(args[0]);
  size_t len, buf_len;
  const uint8_t *rom = port_buffer(args[1], &len);
  const uint8_t *buf = port_buffer(args[2], &buf_len);
  if (len != 8) rt_raise_msg(&rt_exc_ValueError, "a ROM is 8 bytes");
  if (!drv_onewire_select(&b, rom)) port_raise_os(ENODEV);
  drv_onewire_write_byte(&b, 0x4E);
  drv_onewire_write(&b, buf, buf_len);
  return RT_NONE;
}

// read_temp(rom): degrees C as a float (DS18S20's 0.5 C steps refined by
// its count registers).
static rt_val_t ds_read_temp(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  uint8_t sp[9];
  read_scratch(args[0], args[1], sp);
  size_t len;
  const uint8_t *rom = port_buffer(args[1], &len);
  int16_t raw = (int16_t)(sp[1] << 8 | sp[0]);
  if (rom[0] == 0x10) {
    double t = (raw >> 1) - 0.25 + (double)(sp[7] - sp[6]) / sp[7];
    return rt_float_new(t);
  }
  return rt_float_new(raw / 16.0);
}

static const port_def_t ds_defs[] = {
    PORT_FN("scan", ds_scan, 1, 1),
    PORT_FN("convert_temp", ds_convert_temp, 1, 1),
    PORT_FN("read_scratch", ds_read_scratch, 2, 2),
    PORT_FN("write_scratch", ds_write_scratch, 3, 3),
    PORT_FN("read_temp", ds_read_temp, 2, 2),
};
PORT_CLASS(ds_cls, ds_defs);

void port_ds18x20_init(void *ns) {
  setup_onewire();
  ds_cls.type.make_new = ds_make_new;
  port_class_setup(&ds_cls, "DS18X20");
  port_ns_set(ns, "DS18X20", rt_val(&ds_cls.type));
}
