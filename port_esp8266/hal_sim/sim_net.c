// SPDX-License-Identifier: MIT
// sim_net.c: virtual access points and host sockets behind board_hal.h's
// network section (see sim_net.h).
#define _GNU_SOURCE // accept4
#include "sim_net.h"

#include "board_hal.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#ifndef PYRITE_FIXTURES_DIR
#define PYRITE_FIXTURES_DIR "fixtures"
#endif

#define MAX_APS 16
#define MAX_SOCKS 16
#define FAIL_MS 1500 // how long a failed association takes to be reported

typedef struct {
  board_ap_t ap;
  char key[65];
  double fail_rate; // chance of CONNECT_FAIL on an attempt
  int assoc_ms;     // time from connect() to GOT_IP
} sim_ap_t;

static sim_ap_t aps[MAX_APS];
static int ap_count;
static uint32_t board_ip = 0x7F000002; // 127.0.0.2
static uint32_t rng = 12345;

static struct {
  int active[2];
  int status;         // BOARD_STAT_*
  int outcome;        // the status the attempt ends in
  uint64_t due_us;    // when it does
  char ssid[33];      // last asked for
  int rssi;           // of the associated AP
  uint32_t cfg[2][4]; // ifconfig per interface
  int static_cfg;     // the station's addresses were set by hand
  char ap_ssid[33];
} wl;

static int socks[MAX_SOCKS]; // host fd + 1; 0 = free

static uint32_t next_random(void) {
  rng = rng * 1103515245u + 12345u;
  return rng >> 8;
}

int sim_net_parse_ip(const char *text, uint32_t *ip) {
  struct in_addr a;
  if (inet_pton(AF_INET, text, &a) != 1) return -1;
  *ip = ntohl(a.s_addr);
  return 0;
}

int sim_net_set_ip(uint32_t ip) {
  if ((ip >> 24) != 127) return -1;
  board_ip = ip;
  return 0;
}

static void defaults(void) {
  memset(&wl, 0, sizeof wl);
  wl.active[BOARD_IF_STA] = 1;         // as a fresh ESP8266: station on
  wl.cfg[BOARD_IF_AP][0] = 0xC0A80401; // 192.168.4.1
  wl.cfg[BOARD_IF_AP][1] = 0xFFFFFF00;
  wl.cfg[BOARD_IF_AP][2] = 0xC0A80401;
  wl.cfg[BOARD_IF_AP][3] = 0xC0A80401;
  snprintf(wl.ap_ssid, sizeof wl.ap_ssid, "Pyrite-vboard");
}

void sim_net_reset(void) {
  for (int i = 0; i < MAX_SOCKS; i++)
    if (socks[i]) {
      close(socks[i] - 1);
      socks[i] = 0;
    }
  defaults();
}

int sim_net_load(const char *spec, char *err, size_t errlen) {
  defaults();
  ap_count = 0;
  if (!strcmp(spec, "none")) return 0;
  char path[1024];
  if (strchr(spec, '/') || strstr(spec, ".json"))
    snprintf(path, sizeof path, "%s", spec);
  else
    snprintf(path, sizeof path, "%s/wifi/%s.json", PYRITE_FIXTURES_DIR, spec);
  json_error_t je;
  json_t *root = json_load_file(path, 0, &je);
  if (!root) {
    snprintf(err, errlen, "wifi fixture %s: %s (line %d)", path, je.text, je.line);
    return -1;
  }
  json_t *list = json_object_get(root, "access_points");
  if (!json_is_array(list)) {
    snprintf(err, errlen, "wifi fixture %s: no \"access_points\" array", path);
    json_decref(root);
    return -1;
  }
  size_t i;
  json_t *a;
  json_array_foreach(list, i, a) {
    if (ap_count == MAX_APS) break;
    const char *ssid = json_string_value(json_object_get(a, "ssid"));
    const char *key = json_string_value(json_object_get(a, "password"));
    if (!ssid || strlen(ssid) > 32 || (key && strlen(key) > 64)) {
      snprintf(err, errlen, "wifi fixture %s: access point %zu needs an ssid of 1-32 bytes (password <= 64)",
               path, i);
      json_decref(root);
      return -1;
    }
    sim_ap_t *s = &aps[ap_count++];
    memset(s, 0, sizeof *s);
    snprintf(s->ap.ssid, sizeof s->ap.ssid, "%s", ssid);
    snprintf(s->key, sizeof s->key, "%s", key ? key : "");
    json_t *v;
    s->ap.rssi = (v = json_object_get(a, "rssi")) ? (int)json_integer_value(v) : -60;
    s->ap.channel = (v = json_object_get(a, "channel")) ? (int)json_integer_value(v) : 1;
    s->ap.hidden = json_is_true(json_object_get(a, "hidden"));
    s->ap.authmode = s->key[0] ? 3 : 0;
    s->fail_rate = (v = json_object_get(a, "associate_fail")) ? json_number_value(v) : 0.0;
    s->assoc_ms = (v = json_object_get(a, "associate_ms")) ? (int)json_integer_value(v) : 300;
    // A made-up but stable BSSID: locally administered, from the SSID.
    uint32_t h = 2166136261u;
    for (const char *p = ssid; *p; p++)
      h = (h ^ (uint8_t)*p) * 16777619u;
    uint8_t bssid[6] = {0x02, 0x50, (uint8_t)(h >> 24), (uint8_t)(h >> 16), (uint8_t)(h >> 8), (uint8_t)h};
    memcpy(s->ap.bssid, bssid, 6);
  }
  json_decref(root);
  return 0;
}

// Moves a pending association to its outcome once its time has come.
static void settle(void) {
  if (wl.status == BOARD_STAT_CONNECTING && board_ticks_us() >= wl.due_us) {
    wl.status = wl.outcome;
    if (wl.status == BOARD_STAT_GOT_IP && !wl.static_cfg) {
      wl.cfg[BOARD_IF_STA][0] = board_ip;
      wl.cfg[BOARD_IF_STA][1] = 0xFF000000;
      wl.cfg[BOARD_IF_STA][2] = 0x7F000001; // the host is the gateway
      wl.cfg[BOARD_IF_STA][3] = 0x7F000001;
    }
  }
}

int board_net_present(void) {
  return 1;
}

int board_wlan_active(int iface, int active) {
  if (iface != BOARD_IF_STA && iface != BOARD_IF_AP) return -EINVAL;
  if (active >= 0) {
    wl.active[iface] = active != 0;
    if (iface == BOARD_IF_STA && !active) board_wlan_disconnect();
  }
  return wl.active[iface];
}

int board_wlan_connect(const char *ssid, const char *key) {
  if (!wl.active[BOARD_IF_STA]) return -EPERM; // "STA must be active"
  snprintf(wl.ssid, sizeof wl.ssid, "%s", ssid);
  const sim_ap_t *found = NULL;
  for (int i = 0; i < ap_count; i++)
    if (!strcmp(aps[i].ap.ssid, ssid)) found = &aps[i];
  uint64_t now = board_ticks_us();
  wl.status = BOARD_STAT_CONNECTING;
  if (!found) {
    wl.outcome = BOARD_STAT_NO_AP_FOUND;
    wl.due_us = now + FAIL_MS * 1000ull;
  } else if (strcmp(found->key, key ? key : "")) {
    wl.outcome = BOARD_STAT_WRONG_PASSWORD;
    wl.due_us = now + FAIL_MS * 1000ull;
  } else if ((double)(next_random() % 10000) < found->fail_rate * 10000.0) {
    wl.outcome = BOARD_STAT_CONNECT_FAIL;
    wl.due_us = now + FAIL_MS * 1000ull;
  } else {
    wl.outcome = BOARD_STAT_GOT_IP;
    wl.due_us = now + (uint64_t)found->assoc_ms * 1000ull;
    wl.rssi = found->ap.rssi;
  }
  return 0;
}

void board_wlan_disconnect(void) {
  wl.status = BOARD_STAT_IDLE;
  wl.rssi = 0;
  if (!wl.static_cfg) memset(wl.cfg[BOARD_IF_STA], 0, sizeof wl.cfg[BOARD_IF_STA]);
}

int board_wlan_status(void) {
  settle();
  return wl.status;
}

int board_wlan_scan(board_ap_t *out, int max) {
  if (!wl.active[BOARD_IF_STA]) return -EPERM;
  int n = 0;
  for (int i = 0; i < ap_count && n < max; i++)
    if (!aps[i].ap.hidden) out[n++] = aps[i].ap;
  return n;
}

int board_wlan_rssi(void) {
  settle();
  return wl.status == BOARD_STAT_GOT_IP ? wl.rssi : 0;
}

const char *board_wlan_ssid(void) {
  return wl.ssid;
}

int board_wlan_ifconfig(int iface, uint32_t cfg[4], int set) {
  if (iface != BOARD_IF_STA && iface != BOARD_IF_AP) return -EINVAL;
  settle();
  if (set) {
    memcpy(wl.cfg[iface], cfg, sizeof wl.cfg[iface]);
    if (iface == BOARD_IF_STA) wl.static_cfg = 1;
  } else {
    memcpy(cfg, wl.cfg[iface], sizeof wl.cfg[iface]);
  }
  return 0;
}

int board_wlan_ap_config(const char *ssid, const char *key, int channel) {
  (void)key, (void)channel;
  if (ssid) snprintf(wl.ap_ssid, sizeof wl.ap_ssid, "%s", ssid);
  return 0;
}

// ---- sockets ---------------------------------------------------------------

static int neg_errno(void) {
  return errno == EWOULDBLOCK ? -EAGAIN : -errno;
}

static int fd_of(int s) {
  return s >= 0 && s < MAX_SOCKS && socks[s] ? socks[s] - 1 : -1;
}

// The board can reach the network only with an address.
static int online(void) {
  settle();
  return wl.status == BOARD_STAT_GOT_IP || wl.active[BOARD_IF_AP];
}

static struct sockaddr_in addr_of(uint32_t ip, uint16_t port) {
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(ip)};
  return a;
}

static int add_fd(int fd) {
  for (int i = 0; i < MAX_SOCKS; i++)
    if (!socks[i]) {
      socks[i] = fd + 1;
      return i;
    }
  close(fd);
  return -ENOMEM; // lwIP's pool of PCBs is small too
}

int board_sock_new(int type) {
  int st = type == BOARD_SOCK_DGRAM ? SOCK_DGRAM : SOCK_STREAM;
  int fd = socket(AF_INET, st | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return neg_errno();
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (st == SOCK_STREAM) setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return add_fd(fd);
}

int board_sock_bind(int s, uint32_t ip, uint16_t port) {
  int fd = fd_of(s);
  if (fd < 0) return -EBADF;
  // 0.0.0.0 on the board means its own interfaces: its loopback address.
  struct sockaddr_in a = addr_of(ip ? ip : board_ip, port);
  return bind(fd, (struct sockaddr *)&a, sizeof a) ? neg_errno() : 0;
}

int board_sock_listen(int s, int backlog) {
  int fd = fd_of(s);
  if (fd < 0) return -EBADF;
  return listen(fd, backlog > 0 ? backlog : 1) ? neg_errno() : 0;
}

int board_sock_accept(int s, uint32_t *ip, uint16_t *port) {
  int fd = fd_of(s);
  if (fd < 0) return -EBADF;
  struct sockaddr_in a;
  socklen_t al = sizeof a;
  int c = accept4(fd, (struct sockaddr *)&a, &al, SOCK_NONBLOCK | SOCK_CLOEXEC);
  if (c < 0) return neg_errno();
  int one = 1;
  setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  *ip = ntohl(a.sin_addr.s_addr);
  *port = ntohs(a.sin_port);
  return add_fd(c);
}

int board_sock_connect(int s, uint32_t ip, uint16_t port) {
  int fd = fd_of(s);
  if (fd < 0) return -EBADF;
  if (!online()) return -EHOSTUNREACH;
  // Leave from the board's own address, so the peer sees 127.0.0.N.
  struct sockaddr_in self = addr_of(board_ip, 0), cur;
  socklen_t cl = sizeof cur;
  if (!getsockname(fd, (struct sockaddr *)&cur, &cl) && cur.sin_port == 0)
    bind(fd, (struct sockaddr *)&self, sizeof self);
  struct sockaddr_in a = addr_of(ip, port);
  if (connect(fd, (struct sockaddr *)&a, sizeof a)) {
    if (errno == EISCONN) return 0;
    if (errno == EALREADY) return -EINPROGRESS;
    return neg_errno();
  }
  return 0;
}

int board_sock_send(int s, const void *buf, size_t len) {
  int fd = fd_of(s);
  if (fd < 0) return -EBADF;
  ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);
  return n < 0 ? neg_errno() : (int)n;
}

int board_sock_recv(int s, void *buf, size_t len) {
  int fd = fd_of(s);
  if (fd < 0) return -EBADF;
  ssize_t n = recv(fd, buf, len, 0);
  return n < 0 ? neg_errno() : (int)n;
}

int board_sock_sendto(int s, const void *buf, size_t len, uint32_t ip, uint16_t port) {
  int fd = fd_of(s);
  if (fd < 0) return -EBADF;
  if (!online()) return -EHOSTUNREACH;
  struct sockaddr_in a = addr_of(ip, port);
  ssize_t n = sendto(fd, buf, len, MSG_NOSIGNAL, (struct sockaddr *)&a, sizeof a);
  return n < 0 ? neg_errno() : (int)n;
}

int board_sock_recvfrom(int s, void *buf, size_t len, uint32_t *ip, uint16_t *port) {
  int fd = fd_of(s);
  if (fd < 0) return -EBADF;
  struct sockaddr_in a;
  socklen_t al = sizeof a;
  ssize_t n = recvfrom(fd, buf, len, 0, (struct sockaddr *)&a, &al);
  if (n < 0) return neg_errno();
  *ip = ntohl(a.sin_addr.s_addr);
  *port = ntohs(a.sin_port);
  return (int)n;
}

int board_sock_poll(int s) {
  int fd = fd_of(s);
  if (fd < 0) return BOARD_POLL_ERR;
  struct pollfd p = {.fd = fd, .events = POLLIN | POLLOUT};
  if (poll(&p, 1, 0) < 0) return BOARD_POLL_ERR;
  int r = 0;
  if (p.revents & POLLIN) r |= BOARD_POLL_IN;
  if (p.revents & POLLOUT) r |= BOARD_POLL_OUT;
  if (p.revents & (POLLERR | POLLNVAL)) r |= BOARD_POLL_ERR;
  if (p.revents & POLLHUP) r |= BOARD_POLL_HUP;
  return r;
}

int board_sock_name(int s, uint32_t *ip, uint16_t *port) {
  int fd = fd_of(s);
  if (fd < 0) return -EBADF;
  struct sockaddr_in a;
  socklen_t al = sizeof a;
  if (getsockname(fd, (struct sockaddr *)&a, &al)) return neg_errno();
  *ip = ntohl(a.sin_addr.s_addr);
  *port = ntohs(a.sin_port);
  return 0;
}

int board_sock_close(int s) {
  int fd = fd_of(s);
  if (fd < 0) return -EBADF;
  close(fd);
  socks[s] = 0;
  return 0;
}

int board_net_resolve(const char *host, uint32_t *ip) {
  if (!sim_net_parse_ip(host, ip)) return 0;
  if (!online()) return -EHOSTUNREACH;
  struct addrinfo hints = {.ai_family = AF_INET}, *res = NULL;
  if (getaddrinfo(host, NULL, &hints, &res) || !res) return -ENOENT;
  *ip = ntohl(((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr);
  freeaddrinfo(res);
  return 0;
}
