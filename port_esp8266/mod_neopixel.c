// SPDX-License-Identifier: MIT
// mod_neopixel.c: neopixel.NeoPixel(pin, n, bpp=3, timing=1) over
// machine.bitstream's driver, as MicroPython's neopixel.py: the buffer
// holds the pixels in wire order (G R B [W]); np[i] = (r, g, b[, w]);
// write() sends it at 800 kHz (timing=1) or 400 kHz (timing=0) with the
// WS2812 timings of PROTOCOLS.md 7. The caller leaves the latch gap.
#include "drv_bitstream.h"
#include "mod_machine.h"
#include "obj_bytearray.h"
#include "obj_exc.h"
#include "obj_tuple.h"
#include "port_modules.h"
#include "qstr.h"
#include "raise.h"

#include <string.h>

typedef struct {
  const rt_type_t *type;
  int pin;
  size_t n;
  int bpp;
  uint32_t timing[4];
  rt_val_t buf; // bytearray, n * bpp
} np_obj_t;

// User order (R, G, B, W) to buffer order (G, R, B, W).
static const uint8_t order[4] = {1, 0, 2, 3};

static rt_val_t np_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  if (n < 2) rt_raise_msg(&rt_exc_TypeError, "NeoPixel(pin, n, bpp=3, timing=1)");
  np_obj_t *o = rt_gc_alloc(sizeof *o, 0);
  o->type = t;
  o->pin = port_pin_id(args[0]);
  intptr_t count = rt_obj_get_int(args[1]);
  intptr_t bpp = rt_obj_get_int(port_kw(kw, "bpp", n > 2 ? args[2] : rt_small(3)));
  rt_val_t timing = port_kw(kw, "timing", n > 3 ? args[3] : rt_small(1));
  if (count < 0 || (bpp != 3 && bpp != 4)) rt_raise_msg(&rt_exc_ValueError, "invalid n or bpp");
  o->n = (size_t)count;
  o->bpp = (int)bpp;
  if (rt_is_small(timing)) {
    static const uint32_t fast[4] = DRV_BITSTREAM_WS2812_800K_NS, slow[4] = DRV_BITSTREAM_WS2812_400K_NS;
    const uint32_t *src = rt_small_get(timing) ? fast : slow;
    for (int i = 0; i < 4; i++)
      o->timing[i] = src[i];
  } else {
    rt_val_t *items;
    if (rt_obj_get_items(timing, &items) != 4) rt_raise_msg(&rt_exc_ValueError, "timing must have 4 items");
    for (int i = 0; i < 4; i++)
      o->timing[i] = (uint32_t)rt_obj_get_int(items[i]);
  }
  o->buf = rt_bytearray_new(NULL, o->n * (size_t)o->bpp);
  return rt_val(o);
}

static uint8_t *pixels(np_obj_t *o) {
  size_t len;
  return port_buffer_rw(o->buf, &len);
}

static void set_pixel(np_obj_t *o, size_t i, rt_val_t colour) {
  rt_val_t *c;
  if (rt_obj_get_items(colour, &c) != (size_t)o->bpp)
    rt_raise_msg(&rt_exc_ValueError, "wrong number of colours");
  uint8_t *px = pixels(o) + i * (size_t)o->bpp;
  for (int k = 0; k < o->bpp; k++)
    px[order[k]] = (uint8_t)rt_obj_get_int(c[k]);
}

static rt_val_t np_subscr(rt_val_t self, rt_val_t index, rt_val_t value) {
  np_obj_t *o = (np_obj_t *)self;
  if (value == RT_DELETE) return RT_NULL;
  size_t i = rt_obj_index(index, o->n, "NeoPixel");
  if (value) {
    set_pixel(o, i, value);
    return RT_NONE;
  }
  rt_val_t c[4];
  const uint8_t *px = pixels(o) + i * (size_t)o->bpp;
  for (int k = 0; k < o->bpp; k++)
    c[k] = rt_small(px[order[k]]);
  return rt_tuple_new((size_t)o->bpp, c);
}

static rt_val_t np_unary(rt_unary_op_t op, rt_val_t self) {
  if (op == RT_UNARY_LEN) return rt_small((intptr_t)((np_obj_t *)self)->n);
  if (op == RT_UNARY_BOOL) return RT_TRUE;
  return RT_NULL;
}

static rt_val_t np_fill(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  np_obj_t *o = (np_obj_t *)args[0];
  for (size_t i = 0; i < o->n; i++)
    set_pixel(o, i, args[1]);
  return RT_NONE;
}

static rt_val_t np_write(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  np_obj_t *o = (np_obj_t *)args[0];
  drv_bitstream_ns(o->pin, o->timing, pixels(o), o->n * (size_t)o->bpp);
  return RT_NONE;
}

static rt_val_t np_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  np_obj_t *o = (np_obj_t *)self;
  if (store) return RT_NULL;
  size_t len;
  const char *text = rt_qstr_str(name, &len);
  if (len == 1 && text[0] == 'n') return rt_small((intptr_t)o->n);
  if (len == 3 && !memcmp(text, "bpp", 3)) return rt_small(o->bpp);
  if (len == 3 && !memcmp(text, "buf", 3)) return o->buf;
  return RT_NULL;
}

static const port_def_t np_defs[] = {
    PORT_FN("fill", np_fill, 2, 2),
    PORT_FN("write", np_write, 1, 1),
};
PORT_CLASS(np_cls, np_defs);

void port_neopixel_init(void *ns) {
  np_cls.type.make_new = np_make_new;
  np_cls.type.subscr = np_subscr;
  np_cls.type.unary = np_unary;
  np_cls.type.attr = np_attr;
  port_class_setup(&np_cls, "NeoPixel");
  port_ns_set(ns, "NeoPixel", rt_val(&np_cls.type));
}
