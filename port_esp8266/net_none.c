// SPDX-License-Identifier: MIT
// net_none.c: board_hal.h's network section for a board without a network
// stack (QEMU; the chip built without Espressif's SDK). network.WLAN and
// socket then raise OSError(ENODEV), as on a port built without WiFi.
#include "board_hal.h"

int board_net_present(void) {
  return 0;
}

int board_wlan_active(int iface, int active) {
  (void)iface, (void)active;
  return 0;
}
int board_wlan_connect(const char *ssid, const char *key) {
  (void)ssid, (void)key;
  return -BOARD_ENODEV;
}
void board_wlan_disconnect(void) {}
int board_wlan_status(void) {
  return BOARD_STAT_IDLE;
}
int board_wlan_scan(board_ap_t *aps, int max) {
  (void)aps, (void)max;
  return -BOARD_ENODEV;
}
int board_wlan_rssi(void) {
  return 0;
}
const char *board_wlan_ssid(void) {
  return "";
}
int board_wlan_ifconfig(int iface, uint32_t cfg[4], int set) {
  (void)iface, (void)cfg, (void)set;
  return -BOARD_ENODEV;
}
int board_wlan_ap_config(const char *ssid, const char *key, int channel) {
  (void)ssid, (void)key, (void)channel;
  return -BOARD_ENODEV;
}
int board_sock_new(int type) {
  (void)type;
  return -BOARD_ENODEV;
}
int board_sock_bind(int s, uint32_t ip, uint16_t port) {
  (void)s, (void)ip, (void)port;
  return -BOARD_ENODEV;
}
int board_sock_listen(int s, int backlog) {
  (void)s, (void)backlog;
  return -BOARD_ENODEV;
}
int board_sock_accept(int s, uint32_t *ip, uint16_t *port) {
  (void)s, (void)ip, (void)port;
  return -BOARD_ENODEV;
}
int board_sock_connect(int s, uint32_t ip, uint16_t port) {
  (void)s, (void)ip, (void)port;
  return -BOARD_ENODEV;
}
int board_sock_send(int s, const void *buf, size_t len) {
  (void)s, (void)buf, (void)len;
  return -BOARD_ENODEV;
}
int board_sock_recv(int s, void *buf, size_t len) {
  (void)s, (void)buf, (void)len;
  return -BOARD_ENODEV;
}
int board_sock_sendto(int s, const void *buf, size_t len, uint32_t ip, uint16_t port) {
  (void)s, (void)buf, (void)len, (void)ip, (void)port;
  return -BOARD_ENODEV;
}
int board_sock_recvfrom(int s, void *buf, size_t len, uint32_t *ip, uint16_t *port) {
  (void)s, (void)buf, (void)len, (void)ip, (void)port;
  return -BOARD_ENODEV;
}
int board_sock_poll(int s) {
  (void)s;
  return BOARD_POLL_ERR;
}
int board_sock_name(int s, uint32_t *ip, uint16_t *port) {
  (void)s, (void)ip, (void)port;
  return -BOARD_ENODEV;
}
int board_sock_close(int s) {
  (void)s;
  return -BOARD_ENODEV;
}
int board_net_resolve(const char *host, uint32_t *ip) {
  (void)host, (void)ip;
  return -BOARD_ENODEV;
}
