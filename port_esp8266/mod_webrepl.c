// SPDX-License-Identifier: MIT
// mod_webrepl.c: `_webrepl`, Python's handle on the board's WebREPL server
// (webrepl_server.c); the frozen `webrepl` module is the user's side.
#include "mod_net.h"

#include "obj_exc.h"
#include "obj_str.h"
#include "port_obj.h"
#include "webrepl_server.h"

#include <string.h>

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

static rt_val_t f_start(ARGS) {
  (void)n, (void)kw;
  intptr_t port = rt_obj_get_int(args[0]);
  size_t len;
  rt_str_check(args[1], "password");
  const char *pw = rt_str_data(args[1], &len);
  if (len < 4 || len > WEBREPL_PASSWORD_MAX || memchr(pw, 0, len))
    port_raise(&rt_exc_ValueError, "password must be 4-9 characters");
  if (port < 1 || port > 65535) port_raise(&rt_exc_ValueError, "port out of range");
  char copy[WEBREPL_PASSWORD_MAX + 1];
  memcpy(copy, pw, len);
  copy[len] = '\0';
  int rc = webrepl_start((uint16_t)port, copy);
  memset(copy, 0, sizeof copy);
  if (rc < 0) port_raise_os(-rc);
  return RT_NONE;
}

static rt_val_t f_stop(ARGS) {
  (void)n, (void)args, (void)kw;
  webrepl_stop();
  return RT_NONE;
}

static rt_val_t f_running(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_bool(webrepl_running());
}

static const port_def_t webrepl_defs[] = {
    PORT_FN("start", f_start, 2, 2),
    PORT_FN("stop", f_stop, 0, 0),
    PORT_FN("running", f_running, 0, 0),
};

void port_webrepl_module_init(void *ns) {
  port_module_fill(ns, webrepl_defs, sizeof webrepl_defs / sizeof webrepl_defs[0]);
}
