// SPDX-License-Identifier: MIT
// net_sdk.c: board_hal.h's network section over Espressif's NONOS SDK:
// WiFi through user_interface.h, sockets through espconn (sdk_api.h).
//
// The SDK answers through callbacks that run from its task loop, which
// only turns when we let it (hal_sdk_yield, at the VM's poll points). The
// HAL's calls are non-blocking, so each socket keeps what the callbacks
// deliver until Python asks:
// - a receive ring the recv callback fills (TCP bytes; for UDP, records of
//   [length, port, address, data]). When less than a segment's room is
//   left, the connection is held (espconn_recv_hold) and released once
//   reading has made room, so TCP data is never dropped; a datagram that
//   does not fit is dropped, as UDP may;
// - one send in flight: send copies into the socket's transmit buffer and
//   hands it to espconn_send; until the sent callback, further sends answer
//   -EAGAIN (the SDK refuses a second espconn_send before the first is
//   sent, and keeps reading our buffer meanwhile);
// - an accept queue on a listening socket: each connection the SDK reports
//   takes a free slot at once (its data may arrive before accept()) and
//   waits in its listener's queue; with no slot or a full queue it is
//   refused (closed).
// Errors are negative errno values (board_hal.h): a failed or reset
// connection keeps its errno and reports it to every later call, and
// poll() shows it as ERR|HUP.
//
// Invariants: a slot is free (type 0) or owned by one handle; `link` is
// the SDK's connection while it exists (our own `conn` for sockets we
// opened, the SDK's for accepted ones) and NULL once the SDK has said it is
// gone (disconnect or reconnect callback). A slot closed while its
// connection still exists stays CLOSING, so that no new socket reuses the
// memory the SDK still points to, until the SDK's callback frees it.
// Scans and name look-ups wait inside the call, running the SDK's tasks,
// since `_net` expects their answer at once (bounded: SCAN_WAIT_US,
// DNS_WAIT_US).
#include "board_hal.h"
#include "sdk_api.h"

#include <string.h>

// errno numbers as MicroPython's errno module has them.
#define E_PERM 1
#define E_NOENT 2
#define E_IO 5
#define E_BADF 9
#define E_AGAIN 11
#define E_NOMEM 12
#define E_INVAL 22
#define E_MSGSIZE 90
#define E_OPNOTSUPP 95
#define E_ADDRINUSE 98
#define E_CONNABORTED 103
#define E_CONNRESET 104
#define E_NOBUFS 105
#define E_ISCONN 106
#define E_NOTCONN 107
#define E_TIMEDOUT 110
#define E_CONNREFUSED 111
#define E_HOSTUNREACH 113
#define E_INPROGRESS 115

// Sizes (DRAM is what the chip has least of): NET_SOCKS slots of
// NET_RX + NET_TX bytes each. A receive ring must hold a whole TCP segment
// (lwIP's MSS on the ESP8266 is 1460): the connection is held when less
// than that is free.
#define NET_SOCKS 4
#define NET_RX 1536
#define NET_TX 1024
#define NET_SEGMENT 1460
#define NET_BACKLOG 2
#define UDP_HEAD 8 // a datagram's record: length, port, address
#define SCAN_MAX 16
#define SCAN_WAIT_US 10000000u
#define DNS_WAIT_US 6000000u
// espconn_regist_time's limit; the SDK otherwise closes idle server
// connections after a few seconds.
#define SERVER_IDLE_S 7200

enum { ST_NEW, ST_CONNECTING, ST_CONNECTED, ST_LISTENING, ST_PEER_CLOSED, ST_FAILED, ST_CLOSING };

typedef struct {
  uint8_t type;  // 0: free slot, else BOARD_SOCK_*
  uint8_t state; // ST_*
  uint8_t err;   // errno a failure left; reported by later calls
  uint8_t sending, held, created;
  int8_t parent;             // accepted, not yet taken by accept(): the listener's slot
  int8_t queue[NET_BACKLOG]; // a listener's connections waiting for accept()
  uint8_t queued, backlog;
  uint16_t local_port, remote_port;
  uint32_t local_ip, remote_ip; // host order
  struct espconn conn;          // the connection we open (connect, listen, UDP)
  union {
    esp_tcp tcp;
    esp_udp udp;
  } proto;
  struct espconn *link;       // the SDK's connection, NULL when none
  uint16_t rx_head, rx_count; // ring: next byte to read, bytes held
  uint8_t rx[NET_RX];
  uint8_t tx[NET_TX];
} sock_t;

static sock_t socks[NET_SOCKS];

static struct {
  char ssid[33];
  uint8_t scanning, scan_count;
  int scan_status;
  board_ap_t scan[SCAN_MAX];
  uint8_t dns_pending;
  char dns_name[64]; // the name asked for: a late answer to an earlier one is ignored
  uint32_t dns_ip;   // 0: not found
  struct espconn dns_conn;
} net;

int board_net_present(void) {
  return 1;
}

// ---- addresses -------------------------------------------------------------

static uint32_t ip_from_bytes(const uint8_t b[4]) {
  return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static void ip_to_bytes(uint32_t ip, uint8_t b[4]) {
  b[0] = (uint8_t)(ip >> 24), b[1] = (uint8_t)(ip >> 16), b[2] = (uint8_t)(ip >> 8), b[3] = (uint8_t)ip;
}

// lwIP's word holds the octets in memory order whatever the CPU's.
static uint32_t ip_from_lwip(ip_addr_t a) {
  uint8_t b[4];
  memcpy(b, &a.addr, 4);
  return ip_from_bytes(b);
}

static ip_addr_t ip_to_lwip(uint32_t ip) {
  uint8_t b[4];
  ip_addr_t a;
  ip_to_bytes(ip, b);
  memcpy(&a.addr, b, 4);
  return a;
}

static int parse_quad(const char *s, uint32_t *ip) {
  uint32_t v = 0;
  for (int part = 0; part < 4; part++) {
    unsigned n = 0, digits = 0;
    while (*s >= '0' && *s <= '9' && digits < 4)
      n = n * 10 + (unsigned)(*s++ - '0'), digits++;
    if (!digits || n > 255) return -1;
    v = v << 8 | n;
    if (part < 3 && *s++ != '.') return -1;
  }
  if (*s) return -1;
  *ip = v;
  return 0;
}

// ---- WLAN ------------------------------------------------------------------

static int mode_bit(int iface) {
  return iface == BOARD_IF_AP ? SOFTAP_MODE : STATION_MODE;
}

int board_wlan_active(int iface, int active) {
  if (iface != BOARD_IF_STA && iface != BOARD_IF_AP) return -E_INVAL;
  uint8_t mode = wifi_get_opmode();
  if (active >= 0) {
    uint8_t want = active ? (uint8_t)(mode | mode_bit(iface)) : (uint8_t)(mode & ~mode_bit(iface));
    // _current: the mode is not written to flash at every call.
    if (want != mode && !wifi_set_opmode_current(want)) return -E_IO;
    mode = wifi_get_opmode();
  }
  return (mode & mode_bit(iface)) != 0;
}

int board_wlan_connect(const char *ssid, const char *key) {
  if (!(wifi_get_opmode() & STATION_MODE)) return -E_PERM; // "STA must be active"
  size_t sl = strlen(ssid), kl = key ? strlen(key) : 0;
  if (sl == 0 || sl > 32 || kl > 64) return -E_INVAL;
  struct station_config cfg;
  memset(&cfg, 0, sizeof cfg);
  memcpy(cfg.ssid, ssid, sl);
  if (kl) memcpy(cfg.password, key, kl);
  wifi_station_disconnect();
  // Not saved by the SDK: mod_net.c keeps the settings itself.
  if (!wifi_station_set_config_current(&cfg) || !wifi_station_connect()) return -E_IO;
  memcpy(net.ssid, ssid, sl + 1);
  return 0;
}

void board_wlan_disconnect(void) {
  wifi_station_disconnect();
}

int board_wlan_status(void) {
  uint8_t st = wifi_station_get_connect_status();
  return st <= STATION_GOT_IP ? st : BOARD_STAT_IDLE; // 0xFF with the station off
}

static void on_scan(void *arg, int status) {
  net.scanning = 0;
  net.scan_status = status;
  net.scan_count = 0;
  if (status != SDK_OK) return;
  // The list is the SDK's and gone after this callback: copy it.
  for (struct bss_info *b = arg; b && net.scan_count < SCAN_MAX; b = b->next) {
    board_ap_t *a = &net.scan[net.scan_count++];
    size_t n = b->ssid_len <= 32 ? b->ssid_len : 32;
    memcpy(a->ssid, b->ssid, n);
    a->ssid[n] = '\0';
    memcpy(a->bssid, b->bssid, 6);
    a->channel = b->channel;
    a->rssi = b->rssi;
    a->authmode = b->authmode < AUTH_MAX ? (int)b->authmode : 0;
    a->hidden = b->is_hidden;
  }
}

// Waits up to [us] for *[flag] to clear, letting the SDK run.
static int wait_while(volatile uint8_t *flag, uint32_t us) {
  uint64_t end = board_ticks_us() + us;
  while (*flag) {
    if (board_ticks_us() >= end) return -1;
    hal_sdk_yield();
  }
  return 0;
}

int board_wlan_scan(board_ap_t *aps, int max) {
  if (!(wifi_get_opmode() & STATION_MODE)) return -E_PERM;
  net.scanning = 1;
  if (!wifi_station_scan(NULL, on_scan)) {
    net.scanning = 0;
    return -E_IO;
  }
  if (wait_while(&net.scanning, SCAN_WAIT_US)) return -E_TIMEDOUT;
  if (net.scan_status != SDK_OK) return -E_IO;
  int n = 0;
  for (; n < max && n < net.scan_count; n++)
    aps[n] = net.scan[n];
  return n;
}

int board_wlan_rssi(void) {
  if (wifi_station_get_connect_status() != STATION_GOT_IP) return 0;
  int8_t r = wifi_station_get_rssi();
  return r == 31 ? 0 : r; // 31: the SDK could not tell
}

const char *board_wlan_ssid(void) {
  return net.ssid;
}

int board_wlan_ifconfig(int iface, uint32_t cfg[4], int set) {
  if (iface != BOARD_IF_STA && iface != BOARD_IF_AP) return -E_INVAL;
  uint8_t which = iface == BOARD_IF_AP ? SOFTAP_IF : STATION_IF;
  struct ip_info info;
  if (!set) {
    if (!wifi_get_ip_info(which, &info)) return -E_IO;
    cfg[0] = ip_from_lwip(info.ip);
    cfg[1] = ip_from_lwip(info.netmask);
    cfg[2] = ip_from_lwip(info.gw);
    cfg[3] = ip_from_lwip(espconn_dns_getserver(0));
    return 0;
  }
  info.ip = ip_to_lwip(cfg[0]);
  info.netmask = ip_to_lwip(cfg[1]);
  info.gw = ip_to_lwip(cfg[2]);
  ip_addr_t dns = ip_to_lwip(cfg[3]);
  // Static addresses: the DHCP client (or server) must stop first, or the
  // SDK refuses them (station) or hands out leases from the old range (AP).
  int ok;
  if (which == STATION_IF) {
    wifi_station_dhcpc_stop();
    ok = wifi_set_ip_info(which, &info);
  } else {
    wifi_softap_dhcps_stop();
    ok = wifi_set_ip_info(which, &info);
    wifi_softap_dhcps_start();
  }
  if (!ok) return -E_IO;
  espconn_dns_setserver(0, &dns);
  return 0;
}

int board_wlan_ap_config(const char *ssid, const char *key, int channel) {
  struct softap_config c;
  memset(&c, 0, sizeof c);
  if (!wifi_softap_get_config(&c)) return -E_IO;
  if (ssid) {
    size_t n = strlen(ssid);
    if (n == 0 || n > 32) return -E_INVAL;
    memset(c.ssid, 0, sizeof c.ssid);
    memcpy(c.ssid, ssid, n);
    c.ssid_len = (uint8_t)n;
  }
  if (key) {
    size_t n = strlen(key);
    if (n && (n < 8 || n > 64)) return -E_INVAL; // WPA2's passphrase rule
    memset(c.password, 0, sizeof c.password);
    memcpy(c.password, key, n);
    c.authmode = n ? AUTH_WPA2_PSK : AUTH_OPEN;
  }
  if (channel) {
    if (channel < 1 || channel > 13) return -E_INVAL;
    c.channel = (uint8_t)channel;
  }
  return wifi_softap_set_config_current(&c) ? 0 : -E_IO;
}

// The board reaches the network with the station's address or its own AP.
static int online(void) {
  return wifi_station_get_connect_status() == STATION_GOT_IP || (wifi_get_opmode() & SOFTAP_MODE);
}

// ---- the receive ring --------------------------------------------------------

static size_t rx_free(const sock_t *k) {
  return NET_RX - k->rx_count;
}

static void rx_put(sock_t *k, const uint8_t *d, size_t n) {
  for (size_t i = 0; i < n; i++)
    k->rx[(k->rx_head + k->rx_count + i) % NET_RX] = d[i];
  k->rx_count = (uint16_t)(k->rx_count + n);
}

static void rx_take(sock_t *k, uint8_t *d, size_t n) {
  for (size_t i = 0; i < n; i++) {
    uint8_t c = k->rx[(k->rx_head + i) % NET_RX];
    if (d) d[i] = c;
  }
  k->rx_head = (uint16_t)((k->rx_head + n) % NET_RX);
  k->rx_count = (uint16_t)(k->rx_count - n);
}

// ---- slots and the SDK's callbacks -------------------------------------------

static sock_t *slot(int s) {
  return s >= 0 && s < NET_SOCKS && socks[s].type && socks[s].state != ST_CLOSING ? &socks[s] : NULL;
}

static void release(sock_t *k) {
  memset(k, 0, sizeof *k);
}

// The socket a callback is about. The SDK passes the connection it made
// for an accepted peer, and (by public reports, UNCERTAIN) sometimes a
// copy of it: then the peer's address and port tell.
static sock_t *find(void *arg) {
  struct espconn *c = arg;
  for (int i = 0; i < NET_SOCKS; i++)
    if (socks[i].type && socks[i].link == c) return &socks[i];
  if (!c || c->type != ESPCONN_TCP || !c->proto.tcp) return NULL;
  uint32_t ip = ip_from_bytes(c->proto.tcp->remote_ip);
  for (int i = 0; i < NET_SOCKS; i++)
    if (socks[i].type == BOARD_SOCK_STREAM && socks[i].link && socks[i].state != ST_LISTENING &&
        socks[i].remote_ip == ip && socks[i].remote_port == (uint16_t)c->proto.tcp->remote_port)
      return &socks[i];
  return NULL;
}

// The SDK's connection is gone: the slot keeps its data (and its errno).
static void gone(sock_t *k, int state, int err) {
  k->link = NULL;
  k->sending = 0;
  k->held = 0;
  if (k->state == ST_CLOSING) {
    release(k);
    return;
  }
  k->state = (uint8_t)state;
  if (err && !k->err) k->err = (uint8_t)err;
}

static void on_recv(void *arg, char *data, unsigned short len) {
  sock_t *k = find(arg);
  if (!k || k->state == ST_CLOSING) return;
  if (k->type == BOARD_SOCK_DGRAM) {
    if ((size_t)len + UDP_HEAD > rx_free(k)) return; // no room: dropped, as UDP may be
    remot_info *ri = NULL;
    uint32_t ip = 0;
    uint16_t port = 0;
    if (espconn_get_connection_info(k->link, &ri, 0) == ESPCONN_OK && ri) {
      ip = ip_from_bytes(ri->remote_ip);
      port = (uint16_t)ri->remote_port;
    } else {
      ip = ip_from_bytes(k->proto.udp.remote_ip);
      port = (uint16_t)k->proto.udp.remote_port;
    }
    uint8_t head[UDP_HEAD] = {(uint8_t)(len >> 8), (uint8_t)len, (uint8_t)(port >> 8), (uint8_t)port};
    ip_to_bytes(ip, head + 4);
    rx_put(k, head, UDP_HEAD);
    rx_put(k, (const uint8_t *)data, len);
    return;
  }
  if (len > rx_free(k)) {
    // Only when the SDK delivers more than a segment after a hold.
    rx_put(k, (const uint8_t *)data, rx_free(k));
    if (!k->err) k->err = E_NOBUFS;
    return;
  }
  rx_put(k, (const uint8_t *)data, len);
  if (rx_free(k) < NET_SEGMENT && !k->held && k->link) {
    espconn_recv_hold(k->link);
    k->held = 1;
  }
}

static void on_sent(void *arg) {
  sock_t *k = find(arg);
  if (k) k->sending = 0;
}

static void on_discon(void *arg) {
  sock_t *k = find(arg);
  if (k) gone(k, ST_PEER_CLOSED, 0);
}

// The connection failed (while connecting) or broke.
static void on_recon(void *arg, int8_t err) {
  sock_t *k = find(arg);
  if (!k) return;
  int e;
  if (k->state == ST_CONNECTING)
    e = err == ESPCONN_TIMEOUT ? E_TIMEDOUT : E_CONNREFUSED;
  else if (err == ESPCONN_TIMEOUT)
    e = E_TIMEDOUT;
  else if (err == ESPCONN_ABRT)
    e = E_CONNABORTED;
  else
    e = E_CONNRESET;
  gone(k, ST_FAILED, e);
}

static void watch(struct espconn *c) {
  espconn_regist_recvcb(c, on_recv);
  espconn_regist_sentcb(c, on_sent);
  espconn_regist_disconcb(c, on_discon);
  espconn_regist_reconcb(c, on_recon);
}

static int new_slot(int type) {
  for (int i = 0; i < NET_SOCKS; i++)
    if (!socks[i].type) {
      release(&socks[i]);
      socks[i].type = (uint8_t)type;
      socks[i].parent = -1;
      return i;
    }
  return -E_NOMEM; // as lwIP's small pool of PCBs
}

static void on_connect(void *arg) {
  struct espconn *c = arg;
  for (int i = 0; i < NET_SOCKS; i++)
    if (socks[i].type && socks[i].link == c) {
      if (socks[i].state == ST_CONNECTING)
        socks[i].state = ST_CONNECTED;
      else if (socks[i].state == ST_CLOSING)
        espconn_disconnect(c); // closed while connecting: now it can go
      return;
    }
  // A peer reached one of our listeners: which one, by its port.
  sock_t *l = NULL;
  for (int i = 0; i < NET_SOCKS; i++)
    if (socks[i].type == BOARD_SOCK_STREAM && socks[i].state == ST_LISTENING && c && c->proto.tcp &&
        socks[i].local_port == (uint16_t)c->proto.tcp->local_port)
      l = &socks[i];
  int h = l && l->queued < l->backlog ? new_slot(BOARD_SOCK_STREAM) : -1;
  if (h < 0) {
    espconn_disconnect(c); // nobody to take it: refused
    return;
  }
  sock_t *k = &socks[h];
  k->state = ST_CONNECTED;
  k->link = c;
  k->parent = (int8_t)(l - socks);
  k->local_ip = l->local_ip;
  k->local_port = l->local_port;
  k->remote_ip = ip_from_bytes(c->proto.tcp->remote_ip);
  k->remote_port = (uint16_t)c->proto.tcp->remote_port;
  c->reverse = k;
  watch(c);
  l->queue[l->queued++] = (int8_t)h;
}

// ---- sockets ---------------------------------------------------------------

int board_sock_new(int type) {
  if (type != BOARD_SOCK_STREAM && type != BOARD_SOCK_DGRAM) return -E_INVAL;
  return new_slot(type);
}

static int port_taken(uint16_t port, const sock_t *self) {
  for (int i = 0; i < NET_SOCKS; i++)
    if (&socks[i] != self && socks[i].type == self->type && socks[i].local_port == port &&
        socks[i].parent < 0 && (socks[i].state == ST_LISTENING || socks[i].created))
      return 1;
  return 0;
}

// Prepares [k]'s own espconn for TCP or UDP, with the bound port (or one
// the SDK picks).
static void setup_conn(sock_t *k) {
  if (!k->local_port) k->local_port = (uint16_t)espconn_port();
  memset(&k->conn, 0, sizeof k->conn);
  k->conn.reverse = k;
  if (k->type == BOARD_SOCK_STREAM) {
    memset(&k->proto.tcp, 0, sizeof k->proto.tcp);
    k->conn.type = ESPCONN_TCP;
    k->conn.proto.tcp = &k->proto.tcp;
    k->proto.tcp.local_port = k->local_port;
  } else {
    memset(&k->proto.udp, 0, sizeof k->proto.udp);
    k->conn.type = ESPCONN_UDP;
    k->conn.proto.udp = &k->proto.udp;
    k->proto.udp.local_port = k->local_port;
  }
}

static int espconn_errno(int r) {
  switch (r) {
  case ESPCONN_MEM: return -E_NOMEM;
  case ESPCONN_RTE: return -E_HOSTUNREACH;
  case ESPCONN_ISCONN: return -E_ADDRINUSE;
  case ESPCONN_ARG: return -E_INVAL;
  case ESPCONN_CONN: return -E_NOTCONN;
  case ESPCONN_MAXNUM: return -E_NOMEM;
  default: return -E_IO;
  }
}

// UDP sockets exist in the SDK from bind (or their first sendto) on.
static int udp_create(sock_t *k) {
  if (k->created) return 0;
  setup_conn(k);
  int r = espconn_create(&k->conn);
  if (r != ESPCONN_OK) return espconn_errno(r);
  k->link = &k->conn;
  k->created = 1;
  watch(&k->conn);
  return 0;
}

int board_sock_bind(int s, uint32_t ip, uint16_t port) {
  sock_t *k = slot(s);
  if (!k) return -E_BADF;
  if (k->state != ST_NEW || k->created) return -E_INVAL;
  if (port && port_taken(port, k)) return -E_ADDRINUSE;
  k->local_ip = ip;
  k->local_port = port;
  return k->type == BOARD_SOCK_DGRAM ? udp_create(k) : 0;
}

int board_sock_listen(int s, int backlog) {
  sock_t *k = slot(s);
  if (!k) return -E_BADF;
  if (k->type != BOARD_SOCK_STREAM) return -E_OPNOTSUPP;
  if (k->state == ST_LISTENING) return 0;
  if (k->state != ST_NEW) return -E_INVAL;
  setup_conn(k);
  espconn_regist_connectcb(&k->conn, on_connect);
  int r = espconn_accept(&k->conn);
  if (r != ESPCONN_OK) return espconn_errno(r);
  espconn_regist_time(&k->conn, SERVER_IDLE_S, 0);
  k->state = ST_LISTENING;
  k->backlog = (uint8_t)(backlog < 1 ? 1 : backlog > NET_BACKLOG ? NET_BACKLOG : backlog);
  return 0;
}

int board_sock_accept(int s, uint32_t *ip, uint16_t *port) {
  sock_t *k = slot(s);
  if (!k) return -E_BADF;
  if (k->state != ST_LISTENING) return -E_INVAL;
  if (!k->queued) return -E_AGAIN;
  int h = k->queue[0];
  memmove(k->queue, k->queue + 1, sizeof k->queue - 1);
  k->queued--;
  socks[h].parent = -1;
  *ip = socks[h].remote_ip;
  *port = socks[h].remote_port;
  return h;
}

int board_sock_connect(int s, uint32_t ip, uint16_t port) {
  sock_t *k = slot(s);
  if (!k) return -E_BADF;
  if (k->type != BOARD_SOCK_STREAM) return -E_OPNOTSUPP;
  switch (k->state) {
  case ST_CONNECTING: return -E_INPROGRESS;
  case ST_CONNECTED: return 0;
  case ST_FAILED: return -k->err;
  case ST_NEW: break;
  default: return -E_INVAL;
  }
  if (!online()) return -E_HOSTUNREACH;
  setup_conn(k);
  ip_to_bytes(ip, k->proto.tcp.remote_ip);
  k->proto.tcp.remote_port = port;
  k->remote_ip = ip;
  k->remote_port = port;
  espconn_regist_connectcb(&k->conn, on_connect);
  watch(&k->conn);
  k->link = &k->conn;
  k->state = ST_CONNECTING;
  int r = espconn_connect(&k->conn);
  if (r != ESPCONN_OK) {
    k->link = NULL;
    k->state = ST_NEW;
    return espconn_errno(r);
  }
  return -E_INPROGRESS;
}

int board_sock_send(int s, const void *buf, size_t len) {
  sock_t *k = slot(s);
  if (!k) return -E_BADF;
  if (k->type != BOARD_SOCK_STREAM) return -E_NOTCONN;
  switch (k->state) {
  case ST_CONNECTED: break;
  case ST_CONNECTING: return -E_AGAIN;
  case ST_FAILED: return -k->err;
  default: return -E_NOTCONN;
  }
  if (k->err) return -k->err;
  if (len == 0) return 0;
  if (k->sending) return -E_AGAIN; // one espconn_send at a time
  size_t n = len < NET_TX ? len : NET_TX;
  memcpy(k->tx, buf, n);
  k->sending = 1;
  int r = espconn_send(k->link, k->tx, (uint16_t)n);
  if (r == ESPCONN_OK) return (int)n;
  k->sending = 0;
  // Out of buffers or still busy: nothing was taken, try again later.
  if (r == ESPCONN_MEM || r == ESPCONN_MAXNUM || r == ESPCONN_INPROGRESS) return -E_AGAIN;
  return r == ESPCONN_ARG ? -E_NOTCONN : -E_IO;
}

int board_sock_recv(int s, void *buf, size_t len) {
  sock_t *k = slot(s);
  if (!k) return -E_BADF;
  if (k->type == BOARD_SOCK_DGRAM) {
    uint32_t ip;
    uint16_t port;
    return board_sock_recvfrom(s, buf, len, &ip, &port);
  }
  if (k->rx_count && len) {
    size_t n = len < k->rx_count ? len : k->rx_count;
    rx_take(k, buf, n);
    if (k->held && rx_free(k) >= NET_SEGMENT && k->link) {
      espconn_recv_unhold(k->link);
      k->held = 0;
    }
    return (int)n;
  }
  if (k->err) return -k->err;
  switch (k->state) {
  case ST_PEER_CLOSED: return 0;
  case ST_CONNECTED:
  case ST_CONNECTING: return len ? -E_AGAIN : 0;
  default: return -E_NOTCONN;
  }
}

int board_sock_sendto(int s, const void *buf, size_t len, uint32_t ip, uint16_t port) {
  sock_t *k = slot(s);
  if (!k) return -E_BADF;
  if (k->type == BOARD_SOCK_STREAM) return board_sock_send(s, buf, len);
  if (!online()) return -E_HOSTUNREACH;
  if (len > NET_TX) return -E_MSGSIZE;
  int r = udp_create(k);
  if (r) return r;
  ip_to_bytes(ip, k->proto.udp.remote_ip);
  k->proto.udp.remote_port = port;
  memcpy(k->tx, buf, len);
  // lwIP copies a datagram into its own buffer before espconn_sendto
  // returns (UNCERTAIN for every SDK version; our buffer stays untouched
  // until the next sendto anyway).
  r = espconn_sendto(&k->conn, k->tx, (uint16_t)len);
  if (r == ESPCONN_OK) return (int)len;
  return r == ESPCONN_MEM ? -E_AGAIN : espconn_errno(r);
}

int board_sock_recvfrom(int s, void *buf, size_t len, uint32_t *ip, uint16_t *port) {
  sock_t *k = slot(s);
  if (!k) return -E_BADF;
  if (k->type == BOARD_SOCK_STREAM) {
    *ip = k->remote_ip;
    *port = k->remote_port;
    return board_sock_recv(s, buf, len);
  }
  if (!k->rx_count) return k->created ? -E_AGAIN : -E_NOTCONN;
  uint8_t head[UDP_HEAD];
  rx_take(k, head, UDP_HEAD);
  size_t dlen = (size_t)head[0] << 8 | head[1];
  *port = (uint16_t)(head[2] << 8 | head[3]);
  *ip = ip_from_bytes(head + 4);
  size_t n = dlen < len ? dlen : len;
  rx_take(k, buf, n);
  rx_take(k, NULL, dlen - n); // the rest of a datagram is lost, as recvfrom's is
  return (int)n;
}

int board_sock_poll(int s) {
  sock_t *k = slot(s);
  if (!k) return BOARD_POLL_ERR;
  int r = 0;
  if (k->rx_count || k->queued || k->state == ST_PEER_CLOSED) r |= BOARD_POLL_IN;
  if (k->type == BOARD_SOCK_DGRAM || (k->state == ST_CONNECTED && !k->sending)) r |= BOARD_POLL_OUT;
  if (k->err) r |= BOARD_POLL_ERR;
  if (k->state == ST_PEER_CLOSED || k->state == ST_FAILED) r |= BOARD_POLL_HUP;
  return r;
}

int board_sock_name(int s, uint32_t *ip, uint16_t *port) {
  sock_t *k = slot(s);
  if (!k) return -E_BADF;
  *ip = k->local_ip;
  if (!*ip && k->local_port) {
    // Bound to any address: the station's (or the AP's) own.
    struct ip_info info;
    if (wifi_get_ip_info(STATION_IF, &info) && info.ip.addr)
      *ip = ip_from_lwip(info.ip);
    else if (wifi_get_ip_info(SOFTAP_IF, &info))
      *ip = ip_from_lwip(info.ip);
  }
  *port = k->local_port;
  return 0;
}

int board_sock_close(int s) {
  sock_t *k = slot(s);
  if (!k) return -E_BADF;
  if (k->state == ST_LISTENING) {
    // Connections nobody accepted go with their listener.
    for (int i = 0; i < k->queued; i++)
      board_sock_close(k->queue[i]);
    espconn_delete(&k->conn);
    release(k);
    return 0;
  }
  if (k->type == BOARD_SOCK_DGRAM) {
    if (k->created) espconn_delete(&k->conn);
    release(k);
    return 0;
  }
  if (!k->link) {
    release(k);
    return 0;
  }
  // The SDK still holds the connection (and perhaps our transmit buffer):
  // the slot waits for its disconnect callback before anyone reuses it.
  struct espconn *c = k->link;
  int connecting = k->state == ST_CONNECTING;
  k->state = ST_CLOSING;
  if (k->held) espconn_recv_unhold(c);
  // A connection still being made cannot be disconnected yet: its connect
  // or reconnect callback will end it (on_connect, on_recon).
  if (espconn_disconnect(c) != ESPCONN_OK && !connecting) release(k);
  return 0;
}

static void on_dns(const char *name, ip_addr_t *ip, void *arg) {
  (void)arg;
  if (!name || strcmp(name, net.dns_name)) return;
  net.dns_ip = ip ? ip_from_lwip(*ip) : 0;
  net.dns_pending = 0;
}

int board_net_resolve(const char *host, uint32_t *ip) {
  if (!parse_quad(host, ip)) return 0;
  if (!online()) return -E_HOSTUNREACH;
  size_t n = strlen(host);
  if (n >= sizeof net.dns_name) return -E_NOENT;
  memcpy(net.dns_name, host, n + 1);
  ip_addr_t addr = {0};
  net.dns_pending = 1;
  int r = espconn_gethostbyname(&net.dns_conn, host, &addr, on_dns);
  if (r == ESPCONN_OK) {
    net.dns_pending = 0;
    *ip = ip_from_lwip(addr); // cached, or a literal the SDK parsed
    return 0;
  }
  if (r != ESPCONN_INPROGRESS) {
    net.dns_pending = 0;
    return -E_NOENT;
  }
  if (wait_while(&net.dns_pending, DNS_WAIT_US)) return -E_TIMEDOUT;
  if (!net.dns_ip) return -E_NOENT; // as MicroPython's getaddrinfo: OSError(-2)
  *ip = net.dns_ip;
  return 0;
}
