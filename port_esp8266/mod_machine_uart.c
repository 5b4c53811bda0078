// SPDX-License-Identifier: MIT
// mod_machine_uart.c: machine.UART as the ESP8266 has it.
//
// UART(0) is the REPL's: write() goes to the console, read()/any() take
// what the console received and the REPL has not read. UART(1) has only a
// transmitter, on GPIO2: write() sends 8N1 frames there at the baud rate
// (drivers/drv_softuart), and reading it raises. Only 8 data bits, no
// parity and 1 stop bit are offered.
#include "drv_softuart.h"
#include "hal.h"
#include "mod_machine.h"
#include "obj_bytes.h"
#include "obj_exc.h"
#include "print.h"
#include "raise.h"

#define UART1_TX_PIN 2

typedef struct {
  const rt_type_t *type;
  int id;
  uint32_t baudrate;
} uart_obj_t;

static void configure(uart_obj_t *o, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  rt_val_t baud = port_kw(kw, "baudrate", n > 0 ? args[0] : RT_NULL);
  if (baud) o->baudrate = (uint32_t)rt_obj_get_int(baud);
  if (rt_obj_get_int(port_kw(kw, "bits", rt_small(8))) != 8 || port_kw(kw, "parity", RT_NONE) != RT_NONE ||
      rt_obj_get_int(port_kw(kw, "stop", rt_small(1))) != 1)
    rt_raise_msg(&rt_exc_ValueError, "only 8N1 is supported");
  if (o->id == 1 && drv_softuart_init(UART1_TX_PIN, o->baudrate) < 0)
    rt_raise_msg(&rt_exc_ValueError, "invalid baudrate");
}

static rt_val_t uart_make_new(const rt_type_t *t, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  if (n < 1) rt_raise_msg(&rt_exc_TypeError, "UART() needs an id");
  intptr_t id = rt_obj_get_int(args[0]);
  if (id != 0 && id != 1) rt_raise_msg(&rt_exc_ValueError, "UART(0) or UART(1)");
  uart_obj_t *o = rt_gc_alloc(sizeof *o, 0);
  o->type = t;
  o->id = (int)id;
  o->baudrate = 115200;
  configure(o, n - 1, args + 1, kw);
  return rt_val(o);
}

static uart_obj_t *self(rt_val_t v) {
  return (uart_obj_t *)v;
}

static rt_val_t uart_init(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  configure(self(args[0]), n - 1, args + 1, kw);
  return RT_NONE;
}

static rt_val_t uart_write(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  size_t len;
  const uint8_t *buf = port_buffer(args[1], &len);
  if (self(args[0])->id == 0)
    hal_console_write((const char *)buf, len); // the REPL's way: UART and WebREPL
  else
    drv_softuart_write(UART1_TX_PIN, self(args[0])->baudrate, buf, len);
  return rt_small((intptr_t)len);
}

static void receiver(uart_obj_t *o) {
  if (o->id != 0) rt_raise_msg(&rt_exc_OSError, "UART(1) can't read");
}

static rt_val_t uart_any(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)kw;
  receiver(self(args[0]));
  return rt_small(hal_console_pending());
}

// read([nbytes]): what has arrived, up to nbytes; None when nothing has.
static rt_val_t uart_read(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)kw;
  receiver(self(args[0]));
  size_t want = (size_t)hal_console_pending();
  if (n > 1 && args[1] != RT_NONE) {
    intptr_t limit = rt_obj_get_int(args[1]);
    if (limit < 0) rt_raise_msg(&rt_exc_ValueError, "negative length");
    if ((size_t)limit < want) want = (size_t)limit;
  }
  if (want == 0) return RT_NONE;
  char buf[256];
  if (want > sizeof buf) want = sizeof buf;
  // hal_console_read does not wait for bytes already pending.
  for (size_t i = 0; i < want; i++)
    buf[i] = (char)hal_console_read();
  return rt_bytes_new(buf, want);
}

static rt_val_t uart_deinit(size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  (void)n, (void)args, (void)kw;
  return RT_NONE;
}

static void uart_print(rt_printer_t *p, rt_val_t v, bool repr) {
  (void)repr;
  rt_print_format(p, "UART(%d, baudrate=%u, bits=8, parity=None, stop=1)", self(v)->id,
                  (unsigned)self(v)->baudrate);
}

static const port_def_t uart_defs[] = {
    PORT_FN_KW("init", uart_init, 1, 2),  PORT_FN("write", uart_write, 2, 2),
    PORT_FN("read", uart_read, 1, 2),     PORT_FN("any", uart_any, 1, 1),
    PORT_FN("deinit", uart_deinit, 1, 1),
};
PORT_CLASS(uart_cls, uart_defs);

void port_uart_setup(void *ns) {
  uart_cls.type.make_new = uart_make_new;
  uart_cls.type.print = uart_print;
  port_class_setup(&uart_cls, "UART");
  port_ns_set(ns, "UART", rt_val(&uart_cls.type));
}
