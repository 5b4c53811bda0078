// SPDX-License-Identifier: MIT
// farm.h: the farm file, the inventory of boards a nightly run drives
// (fixtures/farm.schema.json and fixtures/README.md describe it).
//
//   farm_t farm;
//   buf_t errors;
//   if (farm_load("fixtures/farm-virtual.json", &farm, &errors) != RIG_OK)
//     fputs(buf_str(&errors), stderr);   // "FILE:LINE: boards[2].reset: ..."
//   ... farm.boards[i] ...
//   farm_free(&farm);
//
// farm_load reads the whole file, checks every field and collects every
// problem (one line each, naming the line of the file and the field)
// instead of stopping at the first. Secrets (wifi password, webrepl
// password) are kept only in the farm_t, never copied into reports.
#ifndef RIG_FARM_H
#define RIG_FARM_H

#include "buf.h"
#include "rig_status.h"

#define FARM_MAX_BOARDS 64
#define FARM_MAX_WIRING 16
#define FARM_MAX_SUITE 16
#define FARM_MAX_ARGS 16
#define FARM_TEXT 512

// How a rung of the recovery ladder is climbed on a board.
typedef enum {
  FARM_RESET_NONE,    // nothing: the board is lost when soft recovery fails
  FARM_RESET_DTR_RTS, // serial: pulse RTS (EN) with DTR (GPIO0) released
  FARM_RESET_RFC2217, // the same lines through RFC 2217 (ser2net)
  FARM_RESET_VBOARD,  // the vboard control socket ("reset hard" / "reset power"), else restart it
  FARM_RESET_COMMAND  // run a command (uhubctl ...): exit status 0 is success
} farm_reset_t;

typedef struct {
  char name[64];           // [A-Za-z0-9._-], unique in the farm
  char connect[FARM_TEXT]; // serial:..., tcp:..., rfc2217://..., webrepl://..., vboard[:PATH]
  char module[32];         // module profile: esp01-512k, esp01-1m, d1mini-4m, nodemcu-4m, generic
  char wiring[FARM_MAX_WIRING][64];
  int nwiring;
  farm_reset_t reset, power;
  char reset_command[FARM_TEXT], power_command[FARM_TEXT];
  char capture[FARM_TEXT]; // loopback checks: the capture command ({out}, {pins}), "" none
  char vboard_args[FARM_MAX_ARGS][128];
  int nvboard_args;
  char webrepl_password[128];    // a secret: never printed, never reported
  int timeout_ms, inactivity_ms; // 0: the run's default
  int enabled;
  int line; // where the board's entry starts in the file
} farm_board_t;

typedef struct {
  char path[FARM_TEXT]; // the farm file as given
  char dir[FARM_TEXT];  // its directory: suite paths are relative to it
  char name[64];
  char suite[FARM_MAX_SUITE][FARM_TEXT]; // resolved against dir
  int nsuite;
  int timeout_ms, inactivity_ms, lost_after; // 0: the rig's defaults
  int enter_timeout_ms;                      // per raw REPL entry attempt, 0: the rig's (5 s)
  char wifi_ssid[64], wifi_password[128];    // secrets: only for the boards
  farm_board_t boards[FARM_MAX_BOARDS];
  int nboards;
} farm_t;

// Loads and checks [path]. RIG_OK; RIG_E_FILE (unreadable), RIG_E_JSON
// (not JSON: the parser's line and column) or RIG_E_SCHEMA (fields wrong)
// with one line per problem appended to [errors].
rig_status_t farm_load(const char *path, farm_t *farm, buf_t *errors);

// Loads from text, with [path] used in messages and to resolve suite paths.
rig_status_t farm_load_text(const char *path, const char *text, size_t len, farm_t *farm, buf_t *errors);

// The line (1-based) of the value at [jpath] ("boards/2/reset") in the JSON
// [text], 0 when not found. A small scanner: the file is known to parse.
int farm_json_line(const char *text, size_t len, const char *jpath);

const char *farm_reset_name(farm_reset_t r);

// The capabilities a board declares for "# requires:": "module:NAME" and
// "fixture:W" for each wiring entry W, plus the entries as written; "fs"
// when its module has room for a filesystem (1 MB of flash or more);
// "wifi-virtual" for a vboard seeing the virtual access points.
void farm_capabilities(const farm_board_t *b, char *out, size_t cap);

#endif
