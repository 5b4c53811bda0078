// SPDX-License-Identifier: MIT
// mod_net.c: `_net`, the small C core under the frozen `network` and
// `socket` modules (port_esp8266/modules/). One function per
// board_hal.h network call; errors become OSError(errno). Calls never
// block: "would block" comes back as None and the Python layer waits.
//
// It also keeps the station's settings in flash, as the ESP8266 SDK does,
// so that a board reconnects on boot (port_net_boot).
#include "mod_net.h"

#include "board_hal.h"
#include "obj_bytes.h"
#include "obj_exc.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_tuple.h"
#include "port_obj.h"
#include "raise.h"

#include <stdio.h>
#include <string.h>

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw
#define EAGAIN_ 11
#define EINPROGRESS_ 115

// The station settings record: the sector just below the 20 KiB at the end
// of flash that the SDK keeps for RF calibration and its parameters
// (PROTOCOLS.md 4.2), so that an image linked with the SDK never overwrites
// it. port_fs.h leaves that sector out of the filesystem.
#define NET_SETTINGS_FROM_END 0x6000
#define NET_SETTINGS_MAGIC 0x46495750u // "PWIF"

typedef struct {
  uint32_t magic;
  uint8_t ssid_len, key_len, autoconnect, pad;
  char ssid[32];
  char key[64];
  uint32_t check; // FNV-1a of everything before it
} net_settings_t;

static uint32_t settings_check(const net_settings_t *s) {
  const uint8_t *p = (const uint8_t *)s;
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < offsetof(net_settings_t, check); i++)
    h = (h ^ p[i]) * 16777619u;
  return h;
}

static uint32_t settings_addr(void) {
  return board_flash_size() - NET_SETTINGS_FROM_END;
}

int port_net_settings(char ssid[33], char key[65]) {
  net_settings_t s;
  if (board_flash_size() < 0x10000 || board_flash_read(settings_addr(), &s, sizeof s)) return 0;
  if (s.magic != NET_SETTINGS_MAGIC || s.check != settings_check(&s) || s.ssid_len > 32 || s.key_len > 64)
    return 0;
  memcpy(ssid, s.ssid, s.ssid_len);
  ssid[s.ssid_len] = '\0';
  memcpy(key, s.key, s.key_len);
  key[s.key_len] = '\0';
  return s.autoconnect ? 1 : 2;
}

static int save_settings(const char *ssid, const char *key, int autoconnect) {
  net_settings_t s;
  memset(&s, 0xFF, sizeof s);
  s.magic = NET_SETTINGS_MAGIC;
  s.ssid_len = (uint8_t)strlen(ssid);
  s.key_len = (uint8_t)strlen(key);
  s.autoconnect = (uint8_t)autoconnect;
  s.pad = 0;
  memcpy(s.ssid, ssid, s.ssid_len);
  memcpy(s.key, key, s.key_len);
  s.check = settings_check(&s);
  // Unchanged settings are not rewritten: flash sectors wear.
  net_settings_t old;
  if (!board_flash_read(settings_addr(), &old, sizeof old) && !memcmp(&old, &s, sizeof s)) return 0;
  if (board_flash_erase_sector(settings_addr() / BOARD_FLASH_SECTOR)) return -1;
  return board_flash_write(settings_addr(), &s, sizeof s);
}

void port_net_boot(void) {
  char ssid[33], key[65];
  if (board_net_present() && port_net_settings(ssid, key) == 1 && ssid[0]) board_wlan_connect(ssid, key);
}

// ---- helpers ----------------------------------------------------------------

static void check(int rc) {
  if (rc < 0) port_raise_os(-rc);
}

static rt_val_t ip_str(uint32_t ip) {
  char t[16];
  snprintf(t, sizeof t, "%u.%u.%u.%u", (unsigned)(ip >> 24), (unsigned)(ip >> 16 & 255),
           (unsigned)(ip >> 8 & 255), (unsigned)(ip & 255));
  return rt_str_new_cstr(t);
}

static uint32_t ip_of(rt_val_t v) {
  size_t len;
  const char *s = rt_str_data(v, &len);
  unsigned a[4];
  char tail;
  char text[20];
  if (len >= sizeof text) port_raise(&rt_exc_ValueError, "invalid IPv4 address");
  memcpy(text, s, len);
  text[len] = '\0';
  if (sscanf(text, "%u.%u.%u.%u%c", &a[0], &a[1], &a[2], &a[3], &tail) != 4 || a[0] > 255 || a[1] > 255 ||
      a[2] > 255 || a[3] > 255)
    port_raise(&rt_exc_ValueError, "invalid IPv4 address");
  return a[0] << 24 | a[1] << 16 | a[2] << 8 | a[3];
}

static const char *cstr_of(rt_val_t v, size_t max, const char *what) {
  size_t len;
  rt_str_check(v, what);
  const char *s = rt_str_data(v, &len);
  if (len > max || memchr(s, 0, len)) port_raise(&rt_exc_ValueError, "string too long or holds NUL");
  return s;
}

static int handle_of(rt_val_t v) {
  return (int)rt_obj_get_int(v);
}

// Handles Python code opened (bit n = handle n): a soft reset closes them,
// as lwIP sockets die with the heap that held their objects.
static uint32_t python_socks;

static void track(int h, int open) {
  if (h < 0 || h >= 32) return;
  if (open)
    python_socks |= 1u << h;
  else
    python_socks &= ~(1u << h);
}

void port_net_soft_reset(void) {
  for (int h = 0; h < 32; h++)
    if (python_socks & 1u << h) board_sock_close(h);
  python_socks = 0;
}

// ---- WLAN -----------------------------------------------------------------

static rt_val_t f_present(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_bool(board_net_present());
}

static rt_val_t f_active(ARGS) {
  (void)kw;
  int on = n > 1 ? rt_obj_truthy(args[1]) : -1;
  int r = board_wlan_active((int)rt_obj_get_int(args[0]), on);
  check(r);
  return rt_bool(r);
}

static rt_val_t f_connect(ARGS) {
  (void)kw;
  if (!board_net_present()) port_raise_os(BOARD_ENODEV);
  const char *ssid = cstr_of(args[0], 32, "ssid");
  const char *key = n > 1 ? cstr_of(args[1], 64, "password") : "";
  check(board_wlan_connect(ssid, key));
  save_settings(ssid, key, 1);
  return RT_NONE;
}

static rt_val_t f_disconnect(ARGS) {
  (void)n, (void)args, (void)kw;
  board_wlan_disconnect();
  return RT_NONE;
}

static rt_val_t f_status(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_small(board_wlan_status());
}

static rt_val_t f_scan(ARGS) {
  (void)n, (void)args, (void)kw;
  board_ap_t aps[16];
  int count = board_wlan_scan(aps, 16);
  check(count);
  rt_val_t list = rt_list_new(0);
  for (int i = 0; i < count; i++) {
    rt_val_t item[6] = {rt_bytes_new(aps[i].ssid, strlen(aps[i].ssid)),
                        rt_bytes_new((const char *)aps[i].bssid, 6),
                        rt_small(aps[i].channel),
                        rt_small(aps[i].rssi),
                        rt_small(aps[i].authmode),
                        rt_small(aps[i].hidden)};
    rt_list_append(list, rt_tuple_new(6, item));
  }
  return list;
}

static rt_val_t f_rssi(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_small(board_wlan_rssi());
}

static rt_val_t f_ssid(ARGS) {
  (void)n, (void)args, (void)kw;
  return rt_str_new_cstr(board_wlan_ssid());
}

static rt_val_t f_ifconfig(ARGS) {
  (void)kw;
  int iface = (int)rt_obj_get_int(args[0]);
  uint32_t cfg[4];
  if (n > 1) {
    if (rt_obj_len(args[1]) != 4)
      port_raise(&rt_exc_ValueError, "ifconfig needs (ip, netmask, gateway, dns)");
    for (int i = 0; i < 4; i++)
      cfg[i] = ip_of(rt_obj_subscr(args[1], rt_small(i)));
    check(board_wlan_ifconfig(iface, cfg, 1));
    return RT_NONE;
  }
  check(board_wlan_ifconfig(iface, cfg, 0));
  rt_val_t items[4];
  for (int i = 0; i < 4; i++)
    items[i] = ip_str(cfg[i]);
  return rt_tuple_new(4, items);
}

static rt_val_t f_mac(ARGS) {
  (void)n, (void)kw;
  uint8_t mac[6];
  board_mac(mac);
  if (rt_obj_get_int(args[0]) == BOARD_IF_AP)
    mac[0] |= 0x02; // the AP's address is the locally administered twin
  return rt_bytes_new((const char *)mac, 6);
}

static rt_val_t f_ap_config(ARGS) {
  (void)n, (void)kw;
  const char *ssid = args[0] == RT_NONE ? NULL : cstr_of(args[0], 32, "essid");
  const char *key = args[1] == RT_NONE ? NULL : cstr_of(args[1], 64, "password");
  check(board_wlan_ap_config(ssid, key, args[2] == RT_NONE ? 0 : (int)rt_obj_get_int(args[2])));
  return RT_NONE;
}

static rt_val_t f_settings(ARGS) {
  (void)n, (void)args, (void)kw;
  char ssid[33], key[65];
  int r = port_net_settings(ssid, key);
  if (!r) return RT_NONE;
  rt_val_t items[3] = {rt_str_new_cstr(ssid), rt_str_new_cstr(key), rt_bool(r == 1)};
  return rt_tuple_new(3, items);
}

static rt_val_t f_autoconnect(ARGS) {
  (void)n, (void)kw;
  char ssid[33], key[65];
  if (port_net_settings(ssid, key)) save_settings(ssid, key, rt_obj_truthy(args[0]));
  return RT_NONE;
}

// ---- sockets --------------------------------------------------------------

static rt_val_t f_sock(ARGS) {
  (void)n, (void)kw;
  int h = board_sock_new((int)rt_obj_get_int(args[0]));
  check(h);
  track(h, 1);
  return rt_small(h);
}

static rt_val_t f_bind(ARGS) {
  (void)n, (void)kw;
  check(board_sock_bind(handle_of(args[0]), ip_of(args[1]), (uint16_t)rt_obj_get_int(args[2])));
  return RT_NONE;
}

static rt_val_t f_listen(ARGS) {
  (void)n, (void)kw;
  check(board_sock_listen(handle_of(args[0]), (int)rt_obj_get_int(args[1])));
  return RT_NONE;
}

static rt_val_t f_accept(ARGS) {
  (void)n, (void)kw;
  uint32_t ip;
  uint16_t port;
  int h = board_sock_accept(handle_of(args[0]), &ip, &port);
  if (h == -EAGAIN_) return RT_NONE;
  check(h);
  track(h, 1);
  rt_val_t items[3] = {rt_small(h), ip_str(ip), rt_small(port)};
  return rt_tuple_new(3, items);
}

static rt_val_t f_connect_sock(ARGS) {
  (void)n, (void)kw;
  int r = board_sock_connect(handle_of(args[0]), ip_of(args[1]), (uint16_t)rt_obj_get_int(args[2]));
  if (r == -EINPROGRESS_ || r == -EAGAIN_) return RT_FALSE;
  check(r);
  return RT_TRUE;
}

static rt_val_t f_send(ARGS) {
  (void)n, (void)kw;
  size_t len;
  const uint8_t *d = port_buffer(args[1], &len);
  int r = board_sock_send(handle_of(args[0]), d, len);
  if (r == -EAGAIN_) return RT_NONE;
  check(r);
  return rt_small(r);
}

static rt_val_t f_recv(ARGS) {
  (void)n, (void)kw;
  char buf[1024];
  intptr_t want = rt_obj_get_int(args[1]);
  if (want < 0) port_raise(&rt_exc_ValueError, "negative buffer size");
  int r = board_sock_recv(handle_of(args[0]), buf, (size_t)want < sizeof buf ? (size_t)want : sizeof buf);
  if (r == -EAGAIN_) return RT_NONE;
  check(r);
  return rt_bytes_new(buf, (size_t)r);
}

static rt_val_t f_sendto(ARGS) {
  (void)n, (void)kw;
  size_t len;
  const uint8_t *d = port_buffer(args[1], &len);
  int r = board_sock_sendto(handle_of(args[0]), d, len, ip_of(args[2]), (uint16_t)rt_obj_get_int(args[3]));
  if (r == -EAGAIN_) return RT_NONE;
  check(r);
  return rt_small(r);
}

static rt_val_t f_recvfrom(ARGS) {
  (void)n, (void)kw;
  char buf[1500];
  intptr_t want = rt_obj_get_int(args[1]);
  if (want < 0) port_raise(&rt_exc_ValueError, "negative buffer size");
  uint32_t ip;
  uint16_t port;
  int r = board_sock_recvfrom(handle_of(args[0]), buf, (size_t)want < sizeof buf ? (size_t)want : sizeof buf,
                              &ip, &port);
  if (r == -EAGAIN_) return RT_NONE;
  check(r);
  rt_val_t items[3] = {rt_bytes_new(buf, (size_t)r), ip_str(ip), rt_small(port)};
  return rt_tuple_new(3, items);
}

static rt_val_t f_poll(ARGS) {
  (void)n, (void)kw;
  return rt_small(board_sock_poll(handle_of(args[0])));
}

static rt_val_t f_name(ARGS) {
  (void)n, (void)kw;
  uint32_t ip;
  uint16_t port;
  check(board_sock_name(handle_of(args[0]), &ip, &port));
  rt_val_t items[2] = {ip_str(ip), rt_small(port)};
  return rt_tuple_new(2, items);
}

static rt_val_t f_close(ARGS) {
  (void)n, (void)kw;
  int h = handle_of(args[0]);
  if (h >= 0 && h < 32 && (python_socks & 1u << h)) board_sock_close(h); // never a socket C code owns
  track(h, 0);
  return RT_NONE;
}

static rt_val_t f_resolve(ARGS) {
  (void)n, (void)kw;
  uint32_t ip;
  int r = board_net_resolve(cstr_of(args[0], 253, "host"), &ip);
  // MicroPython's getaddrinfo raises the lwIP code itself, e.g. OSError(-2).
  if (r < 0) rt_raise(rt_exc_new1(&rt_exc_OSError, rt_small(r)));
  return ip_str(ip);
}

static const port_def_t net_defs[] = {
    PORT_FN("present", f_present, 0, 0),
    PORT_FN("active", f_active, 1, 2),
    PORT_FN("connect", f_connect, 1, 2),
    PORT_FN("disconnect", f_disconnect, 0, 0),
    PORT_FN("status", f_status, 0, 0),
    PORT_FN("scan", f_scan, 0, 0),
    PORT_FN("rssi", f_rssi, 0, 0),
    PORT_FN("ssid", f_ssid, 0, 0),
    PORT_FN("ifconfig", f_ifconfig, 1, 2),
    PORT_FN("mac", f_mac, 1, 1),
    PORT_FN("ap_config", f_ap_config, 3, 3),
    PORT_FN("settings", f_settings, 0, 0),
    PORT_FN("autoconnect", f_autoconnect, 1, 1),
    PORT_FN("sock", f_sock, 1, 1),
    PORT_FN("bind", f_bind, 3, 3),
    PORT_FN("listen", f_listen, 2, 2),
    PORT_FN("accept", f_accept, 1, 1),
    PORT_FN("connect_sock", f_connect_sock, 3, 3),
    PORT_FN("send", f_send, 2, 2),
    PORT_FN("recv", f_recv, 2, 2),
    PORT_FN("sendto", f_sendto, 4, 4),
    PORT_FN("recvfrom", f_recvfrom, 2, 2),
    PORT_FN("poll", f_poll, 1, 1),
    PORT_FN("name", f_name, 1, 1),
    PORT_FN("close", f_close, 1, 1),
    PORT_FN("resolve", f_resolve, 1, 1),
};

void port_net_module_init(void *ns) {
  port_module_fill(ns, net_defs, sizeof net_defs / sizeof net_defs[0]);
}
