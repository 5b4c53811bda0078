// SPDX-License-Identifier: MIT
// sdk_api.h: the few functions and structures of Espressif's ESP8266 NONOS
// SDK that the WiFi back-end uses, declared here so that net_sdk.c builds
// without the SDK (for the lx106 check target and the host test against
// tests/fake_sdk.c). Written from the SDK's public API reference
// (user_interface.h, espconn.h, ets_sys.h); only names, signatures and
// layouts are taken from there.
//
// Layouts: integers as on the lx106 (int and enums 4 bytes, pointers 4
// bytes); on the host the same declarations simply give the fake its own.
// Where SDK versions differ, a structure the SDK fills or reads is given a
// zeroed tail (`reserved`) at least as long as any later version's added
// fields, so that neither an older nor a newer SDK reads or writes past it.
// UNCERTAIN until linked against a real SDK: the tails' sufficiency, and
// the scan callback's list (taken as starting at its first entry, as in
// SDK 1.x and later; 0.9 skipped one).
#ifndef SDK_API_H
#define SDK_API_H

#include <stdbool.h>
#include <stdint.h>

// ---- ets_sys.h: the task queues the SDK's libraries post to ----

typedef struct {
  uint32_t sig;
  uint32_t par;
} ETSEvent;
typedef void (*ETSTask)(ETSEvent *e);

// Registers [task] at priority [prio] (0..31, higher runs first) with the
// event ring [queue] of [qlen] entries. sdk_tasks.c implements both.
bool ets_task(ETSTask task, uint8_t prio, ETSEvent *queue, uint8_t qlen);
// Queues an event for priority [prio]; false (0) when queued, true when the
// queue is full (the ROM's convention as public headers show it:
// UNCERTAIN, and the SDK's libraries do not seem to look).
bool ets_post(uint8_t prio, uint32_t sig, uint32_t par);

// ---- user_interface.h: system ----

uint32_t system_get_time(void); // microseconds, wraps at 2^32
void system_soft_wdt_feed(void);
void system_set_os_print(uint8_t onoff); // 0: the SDK's own log off UART0
bool system_update_cpu_freq(uint8_t mhz);
uint8_t system_get_cpu_freq(void);
typedef void (*init_done_cb_t)(void);
void system_init_done_cb(init_done_cb_t cb);
// 0 4 Mbit (256+256 KB maps) .. 6 32 Mbit (1024+1024); 7..9 came with SDK 3.
uint32_t system_get_flash_size_map(void);

// SDK 3.x: the partitions user_pre_init must register.
enum {
  SYSTEM_PARTITION_RF_CAL = 4,
  SYSTEM_PARTITION_PHY_DATA = 5,
  SYSTEM_PARTITION_SYSTEM_PARAMETER = 6,
};
typedef struct {
  int type; // partition_type_t (an enum)
  uint32_t addr;
  uint32_t size;
} partition_item_t;
bool system_partition_table_regist(const partition_item_t *table, uint32_t num, uint32_t map);

// ---- user_interface.h: WiFi ----

#define NULL_MODE 0x00
#define STATION_MODE 0x01
#define SOFTAP_MODE 0x02
#define STATIONAP_MODE 0x03
#define STATION_IF 0x00
#define SOFTAP_IF 0x01

// wifi_station_get_connect_status; the same numbers as BOARD_STAT_*.
enum {
  STATION_IDLE = 0,
  STATION_CONNECTING,
  STATION_WRONG_PASSWORD,
  STATION_NO_AP_FOUND,
  STATION_CONNECT_FAIL,
  STATION_GOT_IP
};

typedef enum { AUTH_OPEN = 0, AUTH_WEP, AUTH_WPA_PSK, AUTH_WPA2_PSK, AUTH_WPA_WPA2_PSK, AUTH_MAX } AUTH_MODE;

// The scan callback's status (STATUS in c_types.h).
enum { SDK_OK = 0, SDK_FAIL, SDK_PENDING, SDK_BUSY, SDK_CANCEL };

// An IPv4 address as lwIP keeps it: network byte order in memory, so the
// first octet is the lowest-addressed byte.
typedef struct ip_addr {
  uint32_t addr;
} ip_addr_t;

struct ip_info {
  ip_addr_t ip;
  ip_addr_t netmask;
  ip_addr_t gw;
};

// SDK 2.x appended a fast-scan threshold and two flags (8 bytes after
// alignment): the tail covers them, zeroed (no threshold).
struct station_config {
  uint8_t ssid[32];
  uint8_t password[64];
  uint8_t bssid_set;
  uint8_t bssid[6];
  uint8_t reserved[17];
};

// Only the fields up to is_hidden are read; later SDKs append more, which
// is harmless since the SDK allocates these.
struct bss_info {
  struct bss_info *next; // STAILQ_ENTRY: one pointer
  uint8_t bssid[6];
  uint8_t ssid[32];
  uint8_t ssid_len;
  uint8_t channel;
  int8_t rssi;
  AUTH_MODE authmode;
  uint8_t is_hidden;
  int16_t freq_offset;
  int16_t freqcal_val;
  uint8_t *esp_mesh_ie;
  uint8_t simple_pair;
};

struct scan_config {
  uint8_t *ssid;
  uint8_t *bssid;
  uint8_t channel;
  uint8_t show_hidden;
};
typedef void (*scan_done_cb_t)(void *arg, int status);

struct softap_config {
  uint8_t ssid[32];
  uint8_t password[64];
  uint8_t ssid_len;
  uint8_t channel;
  AUTH_MODE authmode;
  uint8_t ssid_hidden;
  uint8_t max_connection;
  uint16_t beacon_interval;
  uint8_t reserved[16]; // room for fields later SDKs may add
};

uint8_t wifi_get_opmode(void);
bool wifi_set_opmode_current(uint8_t opmode);
bool wifi_station_set_config_current(struct station_config *config);
bool wifi_station_connect(void);
bool wifi_station_disconnect(void);
bool wifi_station_set_auto_connect(uint8_t set);
uint8_t wifi_station_get_connect_status(void);
bool wifi_station_scan(struct scan_config *config, scan_done_cb_t cb);
int8_t wifi_station_get_rssi(void); // 31 when it fails
bool wifi_station_dhcpc_start(void);
bool wifi_station_dhcpc_stop(void);
bool wifi_softap_get_config(struct softap_config *config);
bool wifi_softap_set_config_current(struct softap_config *config);
bool wifi_softap_dhcps_start(void);
bool wifi_softap_dhcps_stop(void);
bool wifi_get_ip_info(uint8_t if_index, struct ip_info *info);
bool wifi_set_ip_info(uint8_t if_index, struct ip_info *info);

// ---- espconn.h: TCP and UDP over the SDK's lwIP ----

#define ESPCONN_OK 0
#define ESPCONN_MEM (-1)
#define ESPCONN_TIMEOUT (-3)
#define ESPCONN_RTE (-4)
#define ESPCONN_INPROGRESS (-5)
#define ESPCONN_MAXNUM (-7)
#define ESPCONN_ABRT (-8)
#define ESPCONN_RST (-9)
#define ESPCONN_CLSD (-10)
#define ESPCONN_CONN (-11)
#define ESPCONN_ARG (-12)
#define ESPCONN_IF (-14)
#define ESPCONN_ISCONN (-15)

enum espconn_type { ESPCONN_INVALID = 0, ESPCONN_TCP = 0x10, ESPCONN_UDP = 0x20 };
enum espconn_state {
  ESPCONN_NONE,
  ESPCONN_WAIT,
  ESPCONN_LISTEN,
  ESPCONN_CONNECT,
  ESPCONN_WRITE,
  ESPCONN_READ,
  ESPCONN_CLOSE
};

typedef void (*espconn_connect_callback)(void *arg);
typedef void (*espconn_reconnect_callback)(void *arg, int8_t err);
typedef void (*espconn_recv_callback)(void *arg, char *pdata, unsigned short len);
typedef void (*espconn_sent_callback)(void *arg);

typedef struct _esp_tcp {
  int remote_port;
  int local_port;
  uint8_t local_ip[4];
  uint8_t remote_ip[4];
  espconn_connect_callback connect_callback;
  espconn_reconnect_callback reconnect_callback;
  espconn_connect_callback disconnect_callback;
  espconn_connect_callback write_finish_fn;
} esp_tcp;

typedef struct _esp_udp {
  int remote_port;
  int local_port;
  uint8_t local_ip[4];
  uint8_t remote_ip[4];
} esp_udp;

typedef struct _remot_info {
  enum espconn_state state;
  int remote_port;
  uint8_t remote_ip[4];
} remot_info;

struct espconn {
  enum espconn_type type;
  enum espconn_state state;
  union {
    esp_tcp *tcp;
    esp_udp *udp;
  } proto;
  espconn_recv_callback recv_callback;
  espconn_sent_callback sent_callback;
  uint8_t link_cnt;
  void *reverse; // the user's: net_sdk.c keeps its socket slot here
};

typedef void (*dns_found_callback)(const char *name, ip_addr_t *ipaddr, void *callback_arg);

int8_t espconn_connect(struct espconn *espconn);
int8_t espconn_disconnect(struct espconn *espconn);
int8_t espconn_delete(struct espconn *espconn);
int8_t espconn_accept(struct espconn *espconn);
int8_t espconn_create(struct espconn *espconn);
int8_t espconn_regist_time(struct espconn *espconn, uint32_t interval, uint8_t type_flag);
int8_t espconn_get_connection_info(struct espconn *pespconn, remot_info **pcon_info, uint8_t typeflags);
int8_t espconn_regist_sentcb(struct espconn *espconn, espconn_sent_callback sent_cb);
int8_t espconn_regist_connectcb(struct espconn *espconn, espconn_connect_callback connect_cb);
int8_t espconn_regist_recvcb(struct espconn *espconn, espconn_recv_callback recv_cb);
int8_t espconn_regist_reconcb(struct espconn *espconn, espconn_reconnect_callback recon_cb);
int8_t espconn_regist_disconcb(struct espconn *espconn, espconn_connect_callback discon_cb);
int8_t espconn_send(struct espconn *espconn, uint8_t *psent, uint16_t length);
int16_t espconn_sendto(struct espconn *espconn, uint8_t *psent, uint16_t length);
uint32_t espconn_port(void);
int8_t espconn_recv_hold(struct espconn *pespconn);
int8_t espconn_recv_unhold(struct espconn *pespconn);
int8_t espconn_gethostbyname(struct espconn *pespconn, const char *hostname, ip_addr_t *addr,
                             dns_found_callback found);
void espconn_dns_setserver(uint8_t numdns, ip_addr_t *dnsserver);
ip_addr_t espconn_dns_getserver(uint8_t numdns);

// ---- ours: the SDK's run model (sdk_tasks.c) ----

// Runs the SDK's pending tasks (a bounded number) and feeds its software
// watchdog. Called at the VM's poll points (board_console_rx) and by
// net_sdk.c while it waits for a scan or a name; does nothing when called
// from inside a task.
void hal_sdk_yield(void);
// Runs one pending event of the highest priority; 0 when none was queued.
int hal_sdk_run_one(void);

#endif
