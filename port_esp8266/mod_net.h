// SPDX-License-Identifier: MIT
// mod_net.h: the `_net` module (WiFi and sockets over board_hal.h) and the
// station settings kept in flash.
#ifndef PORT_MOD_NET_H
#define PORT_MOD_NET_H

// Fills the `_net` module's namespace.
void port_net_module_init(void *ns);

// Fills the `_webrepl` module's namespace (mod_webrepl.c).
void port_webrepl_module_init(void *ns);

// At boot: reconnects the station with the settings saved in flash, as the
// ESP8266 SDK does, when they say so.
void port_net_boot(void);

// At a soft reset: closes the sockets Python code left open.
void port_net_soft_reset(void);

// The saved station settings: 0 none, 1 saved with auto-connect on, 2 saved
// with it off.
int port_net_settings(char ssid[33], char key[65]);

#endif
