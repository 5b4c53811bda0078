// SPDX-License-Identifier: MIT
// sim_net.h: vboard's WiFi and sockets (board_hal.h's network section).
//
// The access points are virtual, read from a fixture file
// (fixtures/wifi/NAME.json: ssid, password, rssi, channel, a chance of
// failing to associate, the time association takes). Sockets are real host
// sockets on loopback: the board's address is 127.0.0.N (--ip), so several
// vboards can each serve port 8266, and a program on the host reaches a
// board's server at that address.
#ifndef SIM_NET_H
#define SIM_NET_H

#include <stddef.h>
#include <stdint.h>

// Loads the access points from [spec]: a JSON file path, a name in
// fixtures/wifi/ ("virtual"), or "none". Returns 0, or -1 with [err] set.
int sim_net_load(const char *spec, char *err, size_t errlen);

// Sets the board's IPv4 address (host order); it must be in 127.0.0.0/8.
// Returns 0, or -1 when it is not a loopback address.
int sim_net_set_ip(uint32_t ip);

// Parses a dotted quad into a host-order word; -1 when malformed.
int sim_net_parse_ip(const char *text, uint32_t *ip);

// A board reset: every socket closed, the interfaces back to their
// power-on state. The access points stay.
void sim_net_reset(void);

#endif
