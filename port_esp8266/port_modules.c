// SPDX-License-Identifier: MIT
// port_modules.c: the table of the board layer's modules.
#include "port_modules.h"
#include "mod_machine.h"
#include "mod_net.h"
#include "webrepl_files.h"
#include "port_sched.h"
#include "runtime.h"

static const rt_port_module_t modules[] = {
    {"machine", port_machine_init},         {"esp", port_esp_init},
    {"_onewire", port_onewire_init},        {"onewire", port_onewire_init},
    {"ds18x20", port_ds18x20_init},         {"neopixel", port_neopixel_init},
    {"port_diag", port_diag_init},          {"_net", port_net_module_init},
    {"_webrepl", port_webrepl_module_init}, {NULL, NULL},
};

// modules/*.py, frozen by the build (pyrite_freeze_port in port_sources.cmake).
extern const rt_frozen_module_t port_frozen_modules[];

void port_modules_register(void) {
  rt_register_modules(modules);
  rt_register_frozen(port_frozen_modules);
  webrepl_files_install();
}

void port_modules_reset(void) {
  port_sched_reset();
  port_net_soft_reset();
}
