// SPDX-License-Identifier: MIT
// fake_sdk.c: the SDK stand-in of fake_sdk.h, in memory. Also provides
// what net_sdk.c and sdk_tasks.c need from the rest of the back-end:
// a virtual clock (board_ticks_us advances 100 us per call, so every wait
// ends) and interrupt masking (nothing to mask on the host).
#include "fake_sdk.h"

#include "board_hal.h"
#include "sdk_api.h"

#include <stdlib.h>
#include <string.h>

#define FAKE_PRIO 20
#define MAX_APS 8
#define MAX_NAMES 8
#define MAX_LINKS 16
#define MAX_EVENTS 256
#define SEGMENT 1460
#define STREAM_MAX 65536
#define BOARD_IP 0xC0A80164u // 192.168.1.100

enum {
  EV_ASSOC,   // the association attempt ends
  EV_GOT_IP,  // DHCP answers
  EV_SCAN,    // the scan ends
  EV_DNS,     // the name server answers
  EV_CONNECT, // the board's connect attempt ends
  EV_ACCEPT,  // a peer reached a listener
  EV_RECV,    // the next segment of a link's inbound stream
  EV_SENT,    // the board's send left
  EV_DISCON,  // the connection closed (by either side)
  EV_RESET,   // the peer reset the connection
  EV_UDP      // a datagram arrives
};

typedef struct {
  int kind, link;
  struct espconn *conn;
  char name[64];
  uint8_t data[SEGMENT];
  size_t len;
  uint32_t ip;
  uint16_t port, to_port;
} event_t;

typedef struct {
  struct espconn *conn; // the board's side
  int accepted;         // the fake made conn (and frees it)
  int open, closed_by_board, held;
  uint8_t in[STREAM_MAX]; // peer -> board, not yet delivered
  size_t in_len;
  uint8_t out[STREAM_MAX]; // board -> peer
  size_t out_len;
  const uint8_t *flight; // the board's buffer of the send in flight
  size_t flight_len;
} link_t;

static struct {
  uint8_t opmode;
  int status;
  struct station_config sta;
  struct {
    char ssid[33], key[65];
    int channel, rssi;
  } aps[MAX_APS];
  int ap_count;
  struct ip_info ip[2];
  ip_addr_t dns;
  struct softap_config softap;
  struct {
    char name[64];
    uint32_t ip;
  } names[MAX_NAMES];
  int name_count;
  scan_done_cb_t scan_cb;
  dns_found_callback dns_cb;
  ip_addr_t *dns_out;
  struct {
    uint32_t ip;
    uint16_t port;
  } servers[8];
  int server_count;
  struct espconn *listeners[8];
  int listener_count;
  struct espconn *udp[8];
  int udp_count;
  remot_info last_from;
  uint8_t udp_last[SEGMENT];
  int udp_last_len;
  uint32_t udp_last_ip;
  uint16_t udp_last_port;
  int drop_sent, violations;
  uint32_t next_port;
  uint64_t now;
} fk;

static link_t links[MAX_LINKS];
static int link_count;
static event_t events[MAX_EVENTS];
static int ev_head, ev_count;
static ETSEvent ring[255];

// ---- what the rest of the back-end would give --------------------------------

uint64_t board_ticks_us(void) {
  return fk.now += 100;
}
uint32_t board_irq_disable(void) {
  return 0;
}
void board_irq_restore(uint32_t state) {
  (void)state;
}
void system_soft_wdt_feed(void) {}

// ---- events ------------------------------------------------------------------

static void run_event(ETSEvent *e);

static event_t *post(int kind) {
  if (ev_count == MAX_EVENTS) abort(); // a test that floods the fake is broken
  event_t *ev = &events[(ev_head + ev_count++) % MAX_EVENTS];
  memset(ev, 0, offsetof(event_t, data));
  ev->kind = kind;
  ev->link = -1;
  ets_post(FAKE_PRIO, (uint32_t)kind, 0);
  return ev;
}

static uint32_t ip_of(const uint8_t b[4]) {
  return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}
static void put_ip(uint32_t ip, uint8_t b[4]) {
  b[0] = (uint8_t)(ip >> 24), b[1] = (uint8_t)(ip >> 16), b[2] = (uint8_t)(ip >> 8), b[3] = (uint8_t)ip;
}
static ip_addr_t lwip(uint32_t ip) {
  ip_addr_t a;
  uint8_t b[4];
  put_ip(ip, b);
  memcpy(&a.addr, b, 4);
  return a;
}

void fake_sdk_reset(void) {
  for (int i = 0; i < link_count; i++)
    if (links[i].accepted && links[i].conn) {
      free(links[i].conn->proto.tcp);
      free(links[i].conn);
    }
  memset(&fk, 0, sizeof fk);
  memset(links, 0, sizeof links);
  link_count = 0;
  ev_head = ev_count = 0;
  fk.opmode = STATION_MODE;
  fk.next_port = 50000;
  fk.udp_last_len = -1;
  fk.ip[SOFTAP_IF].ip = lwip(0xC0A80401);
  fk.ip[SOFTAP_IF].netmask = lwip(0xFFFFFF00);
  fk.ip[SOFTAP_IF].gw = lwip(0xC0A80401);
  memcpy(fk.softap.ssid, "ESP_FAKE", 8);
  fk.softap.ssid_len = 8;
  fk.softap.channel = 1;
  ets_task(run_event, FAKE_PRIO, ring, (uint8_t)(sizeof ring / sizeof ring[0]));
}

void fake_sdk_add_ap(const char *ssid, const char *key, int channel, int rssi) {
  int i = fk.ap_count++;
  strcpy(fk.aps[i].ssid, ssid);
  strcpy(fk.aps[i].key, key);
  fk.aps[i].channel = channel;
  fk.aps[i].rssi = rssi;
}

void fake_sdk_add_name(const char *name, uint32_t ip) {
  int i = fk.name_count++;
  strcpy(fk.names[i].name, name);
  fk.names[i].ip = ip;
}

void fake_sdk_drop_sent(int on) {
  fk.drop_sent = on;
}
int fake_sdk_send_violations(void) {
  return fk.violations;
}

static void finish_send(link_t *l) {
  // The data leaves now, read from the board's buffer only now.
  memcpy(l->out + l->out_len, l->flight, l->flight_len);
  l->out_len += l->flight_len;
  l->flight = NULL;
  l->flight_len = 0;
  if (l->conn->sent_callback) l->conn->sent_callback(l->conn);
}

void fake_sdk_release_sent(void) {
  fk.drop_sent = 0;
  for (int i = 0; i < link_count; i++)
    if (links[i].flight) post(EV_SENT)->link = i;
}

static int link_of(struct espconn *c) {
  for (int i = 0; i < link_count; i++)
    if (links[i].conn == c && links[i].open) return i;
  return -1;
}

static void deliver(int i) {
  link_t *l = &links[i];
  if (!l->open || l->held || !l->in_len) return;
  size_t n = l->in_len < SEGMENT ? l->in_len : SEGMENT;
  uint8_t seg[SEGMENT];
  memcpy(seg, l->in, n);
  memmove(l->in, l->in + n, l->in_len - n);
  l->in_len -= n;
  if (l->conn->recv_callback) l->conn->recv_callback(l->conn, (char *)seg, (unsigned short)n);
  if (l->in_len) post(EV_RECV)->link = i;
}

static void run_event(ETSEvent *e) {
  (void)e;
  if (!ev_count) return;
  event_t *ev = &events[ev_head];
  ev_head = (ev_head + 1) % MAX_EVENTS;
  ev_count--;
  link_t *l = ev->link >= 0 ? &links[ev->link] : NULL;
  switch (ev->kind) {
  case EV_ASSOC: {
    int found = -1;
    for (int i = 0; i < fk.ap_count; i++)
      if (!strncmp((const char *)fk.sta.ssid, fk.aps[i].ssid, 32)) found = i;
    if (found < 0)
      fk.status = STATION_NO_AP_FOUND;
    else if (strncmp((const char *)fk.sta.password, fk.aps[found].key, 64))
      fk.status = STATION_WRONG_PASSWORD;
    else
      post(EV_GOT_IP);
    break;
  }
  case EV_GOT_IP:
    if (fk.status != STATION_CONNECTING) break;
    fk.status = STATION_GOT_IP;
    fk.ip[STATION_IF].ip = lwip(BOARD_IP);
    fk.ip[STATION_IF].netmask = lwip(0xFFFFFF00);
    fk.ip[STATION_IF].gw = lwip(0xC0A80101);
    fk.dns = lwip(0xC0A80101);
    break;
  case EV_SCAN: {
    struct bss_info *list = calloc((size_t)fk.ap_count + 1, sizeof *list);
    for (int i = 0; i < fk.ap_count; i++) {
      struct bss_info *b = &list[i];
      size_t n = strlen(fk.aps[i].ssid);
      memcpy(b->ssid, fk.aps[i].ssid, n);
      b->ssid_len = (uint8_t)n;
      uint8_t bssid[6] = {0x02, 0x11, 0x22, 0x33, 0x44, (uint8_t)i};
      memcpy(b->bssid, bssid, 6);
      b->channel = (uint8_t)fk.aps[i].channel;
      b->rssi = (int8_t)fk.aps[i].rssi;
      b->authmode = fk.aps[i].key[0] ? AUTH_WPA2_PSK : AUTH_OPEN;
      b->next = i + 1 < fk.ap_count ? &list[i + 1] : NULL;
    }
    scan_done_cb_t cb = fk.scan_cb;
    fk.scan_cb = NULL;
    cb(fk.ap_count ? list : NULL, SDK_OK);
    // The SDK frees its list after the callback: poison it first.
    memset(list, 0x5A, ((size_t)fk.ap_count + 1) * sizeof *list);
    free(list);
    break;
  }
  case EV_DNS: {
    ip_addr_t a;
    int i;
    for (i = 0; i < fk.name_count; i++)
      if (!strcmp(fk.names[i].name, ev->name)) break;
    if (i < fk.name_count && fk.names[i].ip == UINT32_MAX) break; // the server never answers
    if (i < fk.name_count && fk.names[i].ip) {
      a = lwip(fk.names[i].ip);
      fk.dns_cb(ev->name, &a, ev->conn);
    } else {
      fk.dns_cb(ev->name, NULL, ev->conn);
    }
    break;
  }
  case EV_CONNECT: {
    struct espconn *c = ev->conn;
    uint32_t ip = ip_of(c->proto.tcp->remote_ip);
    int ok = 0;
    for (int i = 0; i < fk.server_count; i++)
      if (fk.servers[i].ip == ip && fk.servers[i].port == c->proto.tcp->remote_port) ok = 1;
    if (!ok) {
      if (c->proto.tcp->reconnect_callback) c->proto.tcp->reconnect_callback(c, ESPCONN_RST);
      break;
    }
    link_t *n = &links[link_count++];
    n->conn = c;
    n->open = 1;
    c->state = ESPCONN_CONNECT;
    if (c->proto.tcp->connect_callback) c->proto.tcp->connect_callback(c);
    break;
  }
  case EV_ACCEPT:
    if (l->conn->proto.tcp->connect_callback) l->conn->proto.tcp->connect_callback(l->conn);
    break;
  case EV_RECV: deliver(ev->link); break;
  case EV_SENT:
    if (l->flight && !fk.drop_sent) finish_send(l);
    break;
  case EV_DISCON:
    if (!l->open) break;
    l->open = 0;
    if (l->conn->proto.tcp->disconnect_callback) l->conn->proto.tcp->disconnect_callback(l->conn);
    break;
  case EV_RESET:
    if (!l->open) break;
    l->open = 0;
    if (l->conn->proto.tcp->reconnect_callback) l->conn->proto.tcp->reconnect_callback(l->conn, ESPCONN_RST);
    break;
  case EV_UDP:
    for (int i = 0; i < fk.udp_count; i++)
      if (fk.udp[i]->proto.udp->local_port == ev->to_port) {
        put_ip(ev->ip, fk.last_from.remote_ip);
        fk.last_from.remote_port = ev->port;
        if (fk.udp[i]->recv_callback)
          fk.udp[i]->recv_callback(fk.udp[i], (char *)ev->data, (unsigned short)ev->len);
      }
    break;
  }
}

// ---- the network's side --------------------------------------------------------

void fake_remote_listen(uint32_t ip, uint16_t port) {
  fk.servers[fk.server_count].ip = ip;
  fk.servers[fk.server_count++].port = port;
}

int fake_remote_connect(uint32_t ip, uint16_t from_port, uint16_t port) {
  struct espconn *lc = NULL;
  for (int i = 0; i < fk.listener_count; i++)
    if (fk.listeners[i]->proto.tcp->local_port == port) lc = fk.listeners[i];
  if (!lc) return -1;
  // The SDK makes a connection of its own for the peer, with the
  // listener's callbacks.
  struct espconn *c = calloc(1, sizeof *c);
  esp_tcp *t = calloc(1, sizeof *t);
  *t = *lc->proto.tcp;
  *c = *lc;
  c->proto.tcp = t;
  c->reverse = NULL;
  c->state = ESPCONN_CONNECT;
  put_ip(ip, t->remote_ip);
  t->remote_port = from_port;
  int i = link_count++;
  links[i].conn = c;
  links[i].accepted = 1;
  links[i].open = 1;
  post(EV_ACCEPT)->link = i;
  return i;
}

int fake_link_count(void) {
  return link_count;
}

void fake_link_send(int i, const void *buf, size_t len) {
  memcpy(links[i].in + links[i].in_len, buf, len);
  links[i].in_len += len;
  post(EV_RECV)->link = i;
}

size_t fake_link_read(int i, void *buf, size_t max) {
  size_t n = links[i].out_len < max ? links[i].out_len : max;
  memcpy(buf, links[i].out, n);
  memmove(links[i].out, links[i].out + n, links[i].out_len - n);
  links[i].out_len -= n;
  return n;
}

int fake_link_closed(int i) {
  return links[i].closed_by_board;
}
int fake_link_held(int i) {
  return links[i].held;
}
void fake_link_close(int i) {
  post(EV_DISCON)->link = i;
}
void fake_link_reset(int i) {
  post(EV_RESET)->link = i;
}

void fake_udp_send(uint32_t ip, uint16_t from_port, uint16_t port, const void *buf, size_t len) {
  event_t *ev = post(EV_UDP);
  memcpy(ev->data, buf, len);
  ev->len = len;
  ev->ip = ip;
  ev->port = from_port;
  ev->to_port = port;
}

int fake_udp_last(void *buf, size_t max, uint32_t *ip, uint16_t *port) {
  if (fk.udp_last_len < 0) return -1;
  size_t n = (size_t)fk.udp_last_len < max ? (size_t)fk.udp_last_len : max;
  memcpy(buf, fk.udp_last, n);
  *ip = fk.udp_last_ip;
  *port = fk.udp_last_port;
  return fk.udp_last_len;
}

// ---- user_interface.h ------------------------------------------------------------

uint8_t wifi_get_opmode(void) {
  return fk.opmode;
}
bool wifi_set_opmode_current(uint8_t mode) {
  if (mode > STATIONAP_MODE) return false;
  if (!(mode & STATION_MODE)) fk.status = STATION_IDLE;
  fk.opmode = mode;
  return true;
}
bool wifi_station_set_config_current(struct station_config *c) {
  fk.sta = *c;
  return true;
}
bool wifi_station_connect(void) {
  if (!(fk.opmode & STATION_MODE)) return false;
  fk.status = STATION_CONNECTING;
  post(EV_ASSOC);
  return true;
}
bool wifi_station_disconnect(void) {
  fk.status = STATION_IDLE;
  memset(&fk.ip[STATION_IF], 0, sizeof fk.ip[STATION_IF]);
  return true;
}
uint8_t wifi_station_get_connect_status(void) {
  return (fk.opmode & STATION_MODE) ? (uint8_t)fk.status : 0xFF;
}
bool wifi_station_scan(struct scan_config *config, scan_done_cb_t cb) {
  (void)config;
  if (fk.scan_cb || !(fk.opmode & STATION_MODE)) return false;
  fk.scan_cb = cb;
  post(EV_SCAN);
  return true;
}
int8_t wifi_station_get_rssi(void) {
  for (int i = 0; i < fk.ap_count; i++)
    if (!strncmp((const char *)fk.sta.ssid, fk.aps[i].ssid, 32)) return (int8_t)fk.aps[i].rssi;
  return 31;
}
bool wifi_station_dhcpc_start(void) {
  return true;
}
bool wifi_station_dhcpc_stop(void) {
  return true;
}
bool wifi_softap_get_config(struct softap_config *c) {
  *c = fk.softap;
  return true;
}
bool wifi_softap_set_config_current(struct softap_config *c) {
  fk.softap = *c;
  return true;
}
bool wifi_softap_dhcps_start(void) {
  return true;
}
bool wifi_softap_dhcps_stop(void) {
  return true;
}
bool wifi_get_ip_info(uint8_t which, struct ip_info *info) {
  if (which > SOFTAP_IF) return false;
  *info = fk.ip[which];
  return true;
}
bool wifi_set_ip_info(uint8_t which, struct ip_info *info) {
  if (which > SOFTAP_IF) return false;
  fk.ip[which] = *info;
  return true;
}

// ---- espconn.h ----------------------------------------------------------------------

static int online(void) {
  return fk.status == STATION_GOT_IP || (fk.opmode & SOFTAP_MODE);
}

int8_t espconn_regist_connectcb(struct espconn *c, espconn_connect_callback cb) {
  c->proto.tcp->connect_callback = cb;
  return ESPCONN_OK;
}
int8_t espconn_regist_reconcb(struct espconn *c, espconn_reconnect_callback cb) {
  if (c->type == ESPCONN_TCP) c->proto.tcp->reconnect_callback = cb;
  return ESPCONN_OK;
}
int8_t espconn_regist_disconcb(struct espconn *c, espconn_connect_callback cb) {
  if (c->type == ESPCONN_TCP) c->proto.tcp->disconnect_callback = cb;
  return ESPCONN_OK;
}
int8_t espconn_regist_recvcb(struct espconn *c, espconn_recv_callback cb) {
  c->recv_callback = cb;
  return ESPCONN_OK;
}
int8_t espconn_regist_sentcb(struct espconn *c, espconn_sent_callback cb) {
  c->sent_callback = cb;
  return ESPCONN_OK;
}
int8_t espconn_regist_time(struct espconn *c, uint32_t interval, uint8_t type_flag) {
  (void)c, (void)interval, (void)type_flag;
  return ESPCONN_OK;
}
uint32_t espconn_port(void) {
  return fk.next_port++;
}

int8_t espconn_connect(struct espconn *c) {
  if (c->type != ESPCONN_TCP) return ESPCONN_ARG;
  if (!online()) return ESPCONN_RTE;
  post(EV_CONNECT)->conn = c;
  return ESPCONN_OK;
}

int8_t espconn_accept(struct espconn *c) {
  for (int i = 0; i < fk.listener_count; i++)
    if (fk.listeners[i]->proto.tcp->local_port == c->proto.tcp->local_port) return ESPCONN_ISCONN;
  c->state = ESPCONN_LISTEN;
  fk.listeners[fk.listener_count++] = c;
  return ESPCONN_OK;
}

int8_t espconn_create(struct espconn *c) {
  if (c->type != ESPCONN_UDP) return ESPCONN_ARG;
  for (int i = 0; i < fk.udp_count; i++)
    if (fk.udp[i]->proto.udp->local_port == c->proto.udp->local_port) return ESPCONN_ISCONN;
  fk.udp[fk.udp_count++] = c;
  return ESPCONN_OK;
}

int8_t espconn_delete(struct espconn *c) {
  for (int i = 0; i < fk.listener_count; i++)
    if (fk.listeners[i] == c) {
      fk.listeners[i] = fk.listeners[--fk.listener_count];
      return ESPCONN_OK;
    }
  for (int i = 0; i < fk.udp_count; i++)
    if (fk.udp[i] == c) {
      fk.udp[i] = fk.udp[--fk.udp_count];
      return ESPCONN_OK;
    }
  return ESPCONN_ARG;
}

int8_t espconn_disconnect(struct espconn *c) {
  int i = link_of(c);
  if (i < 0) return ESPCONN_ARG;
  links[i].closed_by_board = 1;
  post(EV_DISCON)->link = i;
  return ESPCONN_OK;
}

int8_t espconn_send(struct espconn *c, uint8_t *data, uint16_t len) {
  int i = link_of(c);
  if (i < 0) return ESPCONN_ARG;
  if (links[i].flight) {
    fk.violations++;
    return ESPCONN_MAXNUM;
  }
  links[i].flight = data;
  links[i].flight_len = len;
  post(EV_SENT)->link = i;
  return ESPCONN_OK;
}

int16_t espconn_sendto(struct espconn *c, uint8_t *data, uint16_t len) {
  if (c->type != ESPCONN_UDP) return ESPCONN_ARG;
  memcpy(fk.udp_last, data, len);
  fk.udp_last_len = len;
  fk.udp_last_ip = ip_of(c->proto.udp->remote_ip);
  fk.udp_last_port = (uint16_t)c->proto.udp->remote_port;
  return ESPCONN_OK;
}

int8_t espconn_get_connection_info(struct espconn *c, remot_info **info, uint8_t flags) {
  (void)c, (void)flags;
  *info = &fk.last_from;
  return ESPCONN_OK;
}

int8_t espconn_recv_hold(struct espconn *c) {
  int i = link_of(c);
  if (i < 0) return ESPCONN_ARG;
  links[i].held = 1;
  return ESPCONN_OK;
}

int8_t espconn_recv_unhold(struct espconn *c) {
  int i = link_of(c);
  if (i < 0) return ESPCONN_ARG;
  links[i].held = 0;
  if (links[i].in_len) post(EV_RECV)->link = i;
  return ESPCONN_OK;
}

int8_t espconn_gethostbyname(struct espconn *c, const char *name, ip_addr_t *addr, dns_found_callback found) {
  if (!online()) return ESPCONN_ARG;
  // Names ending in ".cached" are in the SDK's table already.
  size_t n = strlen(name);
  if (n > 7 && !strcmp(name + n - 7, ".cached")) {
    for (int i = 0; i < fk.name_count; i++)
      if (!strcmp(fk.names[i].name, name)) {
        *addr = lwip(fk.names[i].ip);
        return ESPCONN_OK;
      }
  }
  if (n >= 64) return ESPCONN_ARG;
  fk.dns_cb = found;
  event_t *ev = post(EV_DNS);
  strcpy(ev->name, name);
  ev->conn = c;
  return ESPCONN_INPROGRESS;
}

void espconn_dns_setserver(uint8_t numdns, ip_addr_t *server) {
  if (numdns == 0) fk.dns = *server;
}
ip_addr_t espconn_dns_getserver(uint8_t numdns) {
  ip_addr_t none = {0};
  return numdns == 0 ? fk.dns : none;
}
