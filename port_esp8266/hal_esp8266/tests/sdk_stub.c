// SPDX-License-Identifier: MIT
// sdk_stub.c: an empty stand-in for Espressif's SDK libraries, for the
// cross compiler only: every function sdk_api.h declares, doing nothing,
// plus an entry and two vectors in the sections libmain uses. Linked as
// "libmain.a" by sdk_link_check.sh, it proves that the -DESP8266_SDK
// build configures, filters the SDK's ROM script, links with
// pyrite-esp8266-sdk.ld and writes flash images. It never runs.
#include "sdk_api.h"

#include <stddef.h>

void ets_run(void);
void user_pre_init(void);
uint32_t user_rf_cal_sector_set(void);
void user_init(void);

static init_done_cb_t done;

// What libmain's start-up does, in outline: our hooks, then the task loop
// (which must be ours: ets_run is left out of the ROM's addresses).
void stub_start(void) {
  user_pre_init();
  (void)user_rf_cal_sector_set();
  user_init();
  (void)ets_post(31, 0, 0); // as the SDK's libraries do, from tasks and interrupts
  if (done) done();
  ets_run();
}

// The entry jumps to stub_start, which is in this archive's plain .text
// and so, like libmain's code, in IRAM within a jump's reach; the vectors
// just spin.
__asm__(".section .UserEnter.text, \"ax\"\n"
        ".global call_user_start\n"
        "call_user_start:\n"
        "  j stub_start\n"
        ".section .DebugExceptionVector.text, \"ax\"\n"
        ".global stub_debug_vector\n"
        "stub_debug_vector:\n"
        "  j stub_debug_vector\n"
        ".section .UserExceptionVector.text, \"ax\"\n"
        ".global stub_user_vector\n"
        "stub_user_vector:\n"
        "  j stub_user_vector\n"
        ".text\n");

uint32_t system_get_time(void) {
  return 0;
}
void system_soft_wdt_feed(void) {}
void system_set_os_print(uint8_t onoff) {
  (void)onoff;
}
bool system_update_cpu_freq(uint8_t mhz) {
  return mhz == 80 || mhz == 160;
}
uint8_t system_get_cpu_freq(void) {
  return 80;
}
void system_init_done_cb(init_done_cb_t cb) {
  done = cb;
}
uint32_t system_get_flash_size_map(void) {
  return 4;
}
bool system_partition_table_regist(const partition_item_t *table, uint32_t num, uint32_t map) {
  (void)table, (void)num, (void)map;
  return true;
}

uint8_t wifi_get_opmode(void) {
  return STATION_MODE;
}
bool wifi_set_opmode_current(uint8_t opmode) {
  (void)opmode;
  return true;
}
bool wifi_station_set_config_current(struct station_config *config) {
  (void)config;
  return true;
}
bool wifi_station_connect(void) {
  return true;
}
bool wifi_station_disconnect(void) {
  return true;
}
bool wifi_station_set_auto_connect(uint8_t set) {
  (void)set;
  return true;
}
uint8_t wifi_station_get_connect_status(void) {
  return STATION_IDLE;
}
bool wifi_station_scan(struct scan_config *config, scan_done_cb_t cb) {
  (void)config, (void)cb;
  return false;
}
int8_t wifi_station_get_rssi(void) {
  return 31;
}
bool wifi_station_dhcpc_start(void) {
  return true;
}
bool wifi_station_dhcpc_stop(void) {
  return true;
}
bool wifi_softap_get_config(struct softap_config *config) {
  (void)config;
  return true;
}
bool wifi_softap_set_config_current(struct softap_config *config) {
  (void)config;
  return true;
}
bool wifi_softap_dhcps_start(void) {
  return true;
}
bool wifi_softap_dhcps_stop(void) {
  return true;
}
bool wifi_get_ip_info(uint8_t if_index, struct ip_info *info) {
  (void)if_index, (void)info;
  return false;
}
bool wifi_set_ip_info(uint8_t if_index, struct ip_info *info) {
  (void)if_index, (void)info;
  return false;
}

int8_t espconn_connect(struct espconn *c) {
  (void)c;
  return ESPCONN_RTE;
}
int8_t espconn_disconnect(struct espconn *c) {
  (void)c;
  return ESPCONN_ARG;
}
int8_t espconn_delete(struct espconn *c) {
  (void)c;
  return ESPCONN_OK;
}
int8_t espconn_accept(struct espconn *c) {
  (void)c;
  return ESPCONN_MEM;
}
int8_t espconn_create(struct espconn *c) {
  (void)c;
  return ESPCONN_MEM;
}
int8_t espconn_regist_time(struct espconn *c, uint32_t interval, uint8_t type_flag) {
  (void)c, (void)interval, (void)type_flag;
  return ESPCONN_OK;
}
int8_t espconn_get_connection_info(struct espconn *c, remot_info **info, uint8_t flags) {
  (void)c, (void)flags;
  *info = NULL;
  return ESPCONN_ARG;
}
int8_t espconn_regist_sentcb(struct espconn *c, espconn_sent_callback cb) {
  (void)c, (void)cb;
  return ESPCONN_OK;
}
int8_t espconn_regist_connectcb(struct espconn *c, espconn_connect_callback cb) {
  (void)c, (void)cb;
  return ESPCONN_OK;
}
int8_t espconn_regist_recvcb(struct espconn *c, espconn_recv_callback cb) {
  (void)c, (void)cb;
  return ESPCONN_OK;
}
int8_t espconn_regist_reconcb(struct espconn *c, espconn_reconnect_callback cb) {
  (void)c, (void)cb;
  return ESPCONN_OK;
}
int8_t espconn_regist_disconcb(struct espconn *c, espconn_connect_callback cb) {
  (void)c, (void)cb;
  return ESPCONN_OK;
}
int8_t espconn_send(struct espconn *c, uint8_t *data, uint16_t len) {
  (void)c, (void)data, (void)len;
  return ESPCONN_ARG;
}
int16_t espconn_sendto(struct espconn *c, uint8_t *data, uint16_t len) {
  (void)c, (void)data, (void)len;
  return ESPCONN_ARG;
}
uint32_t espconn_port(void) {
  return 50000;
}
int8_t espconn_recv_hold(struct espconn *c) {
  (void)c;
  return ESPCONN_OK;
}
int8_t espconn_recv_unhold(struct espconn *c) {
  (void)c;
  return ESPCONN_OK;
}
int8_t espconn_gethostbyname(struct espconn *c, const char *host, ip_addr_t *addr, dns_found_callback found) {
  (void)c, (void)host, (void)addr, (void)found;
  return ESPCONN_ARG;
}
void espconn_dns_setserver(uint8_t numdns, ip_addr_t *server) {
  (void)numdns, (void)server;
}
ip_addr_t espconn_dns_getserver(uint8_t numdns) {
  (void)numdns;
  ip_addr_t none = {0};
  return none;
}
