// SPDX-License-Identifier: MIT
// farm.c: loading and checking farm files (see farm.h).
//
// Jansson parses the file; it keeps no positions, so a second, tiny
// scanner (farm_json_line) walks the text to find the line of the field a
// message is about. Every problem is collected, not just the first: a farm
// file is edited by hand and checked in one go by `rig farm check`.
#include "farm.h"

#include "transport.h"

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FARM_FILE_MAX (1024 * 1024)

static const char *const reset_names[] = {"none", "dtr-rts", "rfc2217", "vboard", "command"};
static const char *const modules[] = {"esp01-512k", "esp01-1m", "d1mini-4m", "nodemcu-4m", "generic"};
// Their flash sizes (fixtures/profiles/NAME.json; "generic" is vboard's 4M):
// a module under 1 MB has no room for a filesystem (no "fs" capability).
static const unsigned module_flash_kb[] = {512, 1024, 4096, 4096, 4096};

const char *farm_reset_name(farm_reset_t r) {
  return (unsigned)r < sizeof reset_names / sizeof reset_names[0] ? reset_names[r] : "?";
}

// ---- the line finder -------------------------------------------------

typedef struct {
  const char *s;
  size_t n, i;
  int line;
  const char *want;
  int found; // line of the wanted value, 0 until seen
} jscan_t;

static void skip_ws(jscan_t *j) {
  while (j->i < j->n && isspace((unsigned char)j->s[j->i])) {
    if (j->s[j->i] == '\n') j->line++;
    j->i++;
  }
}

// At a '"': copies the string's raw text (escapes left as written) to
// [out] when given, and moves past it.
static void scan_string(jscan_t *j, char *out, size_t cap) {
  size_t o = 0;
  j->i++;
  while (j->i < j->n && j->s[j->i] != '"') {
    if (j->s[j->i] == '\\' && j->i + 1 < j->n) {
      if (out && o + 1 < cap) out[o++] = j->s[j->i];
      j->i++;
    }
    if (out && o + 1 < cap) out[o++] = j->s[j->i];
    j->i++;
  }
  j->i++;
  if (out) out[o] = '\0';
}

static void scan_value(jscan_t *j, char *path, size_t cap, int depth) {
  skip_ws(j);
  if (!j->found && !strcmp(path, j->want)) j->found = j->line;
  if (j->i >= j->n || depth > 64) return;
  char c = j->s[j->i];
  size_t plen = strlen(path);
  if (c == '{' || c == '[') {
    int is_obj = c == '{';
    size_t index = 0;
    j->i++;
    for (;;) {
      skip_ws(j);
      if (j->i >= j->n) return;
      if (j->s[j->i] == (is_obj ? '}' : ']')) {
        j->i++;
        return;
      }
      if (is_obj) {
        char key[128];
        scan_string(j, key, sizeof key);
        skip_ws(j);
        if (j->i < j->n && j->s[j->i] == ':') j->i++;
        snprintf(path + plen, cap - plen, "%s%s", plen ? "/" : "", key);
        // A key's line is where its value is looked for too.
        skip_ws(j);
      } else {
        snprintf(path + plen, cap - plen, "%s%zu", plen ? "/" : "", index++);
      }
      scan_value(j, path, cap, depth + 1);
      path[plen] = '\0';
      skip_ws(j);
      if (j->i < j->n && j->s[j->i] == ',') j->i++;
    }
  }
  if (c == '"') {
    scan_string(j, NULL, 0);
    return;
  }
  while (j->i < j->n && !strchr(",]} \t\r\n", j->s[j->i]))
    j->i++;
}

int farm_json_line(const char *text, size_t len, const char *jpath) {
  jscan_t j = {.s = text, .n = len, .line = 1, .want = jpath};
  char path[512] = "";
  scan_value(&j, path, sizeof path, 0);
  return j.found;
}

// ---- checking --------------------------------------------------------

typedef struct {
  const char *path, *text;
  size_t len;
  buf_t *errors;
  int nerr;
} checker_t;

// One problem: "FILE:LINE: FIELD: message". [jpath] locates the line (the
// nearest enclosing value that exists when the field itself is missing).
static void problem(checker_t *c, const char *jpath, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void problem(checker_t *c, const char *jpath, const char *field, const char *fmt, ...) {
  char where[512];
  snprintf(where, sizeof where, "%s", jpath);
  int line = 0;
  while (!(line = farm_json_line(c->text, c->len, where))) {
    char *slash = strrchr(where, '/');
    if (!slash) {
      line = farm_json_line(c->text, c->len, "");
      break;
    }
    *slash = '\0';
  }
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  buf_printf(c->errors, "%s:%d: %s: %s\n", c->path, line ? line : 1, field, msg);
  c->nerr++;
}

static int in_list(const char *s, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(s, list[i])) return (int)i;
  return -1;
}

static void join(const char *const *list, size_t n, char *out, size_t cap) {
  out[0] = '\0';
  for (size_t i = 0; i < n; i++) {
    size_t used = strlen(out);
    snprintf(out + used, cap - used, "%s%s", i ? ", " : "", list[i]);
  }
}

// Copies a string field into [dst]; problems for a wrong type or length.
static int get_text(checker_t *c, json_t *obj, const char *key, const char *jbase, const char *fbase,
                    char *dst, size_t cap, int required) {
  json_t *v = json_object_get(obj, key);
  char jp[512], fp[256];
  snprintf(jp, sizeof jp, "%s/%s", jbase, key);
  snprintf(fp, sizeof fp, "%s%s%s", fbase, *fbase ? "." : "", key);
  if (!v) {
    if (required) problem(c, jbase, fp, "missing (required)");
    return 0;
  }
  if (!json_is_string(v)) {
    problem(c, jp, fp, "must be a string");
    return 0;
  }
  if (strlen(json_string_value(v)) >= cap) {
    problem(c, jp, fp, "too long (at most %zu characters)", cap - 1);
    return 0;
  }
  snprintf(dst, cap, "%s", json_string_value(v));
  return 1;
}

// A number of seconds (> 0) as milliseconds into *ms.
static void get_seconds(checker_t *c, json_t *obj, const char *key, const char *jbase, const char *fbase,
                        int *ms) {
  json_t *v = json_object_get(obj, key);
  if (!v) return;
  char jp[512], fp[256];
  snprintf(jp, sizeof jp, "%s/%s", jbase, key);
  snprintf(fp, sizeof fp, "%s%s%s", fbase, *fbase ? "." : "", key);
  if (!json_is_number(v) || !(json_number_value(v) > 0) || json_number_value(v) > 86400) {
    problem(c, jp, fp, "must be a number of seconds, more than 0 and at most 86400");
    return;
  }
  *ms = (int)(json_number_value(v) * 1000 + 0.5);
}

static void unknown_keys(checker_t *c, json_t *obj, const char *const *known, size_t n, const char *jbase,
                         const char *fbase) {
  const char *key;
  json_t *v;
  json_object_foreach(obj, key, v) {
    if (in_list(key, known, n) >= 0) continue;
    char jp[512], fp[256], list[512];
    snprintf(jp, sizeof jp, "%s%s%s", jbase, *jbase ? "/" : "", key);
    snprintf(fp, sizeof fp, "%s%s%s", fbase, *fbase ? "." : "", key);
    join(known, n, list, sizeof list);
    problem(c, jp, fp, "unknown field (known: %s)", list);
  }
}

static int name_ok(const char *s) {
  if (!*s) return 0;
  for (; *s; s++)
    if (!isalnum((unsigned char)*s) && *s != '.' && *s != '-' && *s != '_') return 0;
  return 1;
}

// Checks a connect string; the kind it has in *kind: 's' serial, 't' tcp,
// 'r' rfc2217, 'w' webrepl, 'v' vboard, 0 bad.
static void check_connect(checker_t *c, const char *s, const char *jp, const char *fp, char *kind) {
  *kind = 0;
  char err[1024];
  transport_spec_t spec;
  if (!strncmp(s, "rfc2217://", 10) || !strncmp(s, "webrepl://", 10)) {
    const char *hp = s + 10;
    const char *colon = strrchr(hp, ':');
    const char *slash = strchr(hp, '/');
    int is_rfc = s[0] == 'r';
    if (!*hp || hp[0] == ':' || (is_rfc && !colon)) {
      problem(c, jp, fp, "'%s': expected %s://HOST%s", s, is_rfc ? "rfc2217" : "webrepl",
              is_rfc ? ":PORT" : "[:PORT][/PATH]");
      return;
    }
    if (colon && (!slash || colon < slash)) {
      char *end;
      long port = strtol(colon + 1, &end, 10);
      if (port < 1 || port > 65535 || (*end && *end != '/')) {
        problem(c, jp, fp, "'%s': the port must be 1..65535", s);
        return;
      }
    }
    *kind = is_rfc ? 'r' : 'w';
    return;
  }
  if (transport_parse(s, &spec, err, sizeof err) != RIG_OK) {
    problem(c, jp, fp, "'%s': %s; or rfc2217://HOST:PORT, webrepl://HOST[:PORT]", s, err);
    return;
  }
  switch (spec.kind) {
  case TRANSPORT_SERIAL: *kind = 's'; break;
  case TRANSPORT_TCP: *kind = 't'; break;
  case TRANSPORT_VBOARD: *kind = 'v'; break;
  default: *kind = 'x'; break;
  }
}

static void check_reset(checker_t *c, json_t *b, const char *key, const char *jbase, const char *fbase,
                        char kind, farm_reset_t *out, char *cmd, size_t cmdcap, int power) {
  char jp[512], fp[256], val[64] = "", list[256];
  snprintf(jp, sizeof jp, "%s/%s", jbase, key);
  snprintf(fp, sizeof fp, "%s.%s", fbase, key);
  // Default: what the connection offers by itself.
  *out = kind == 'v'               ? FARM_RESET_VBOARD
         : (!power && kind == 's') ? FARM_RESET_DTR_RTS
         : (!power && kind == 'r') ? FARM_RESET_RFC2217
                                   : FARM_RESET_NONE;
  if (get_text(c, b, key, jbase, fbase, val, sizeof val, 0)) {
    size_t nn = power ? 0 : 0;
    (void)nn;
    int k = in_list(val, reset_names, 5);
    static const char *const power_names[] = {"none", "vboard", "command"};
    if (k < 0 || (power && (k == FARM_RESET_DTR_RTS || k == FARM_RESET_RFC2217))) {
      if (power)
        join(power_names, 3, list, sizeof list);
      else
        join(reset_names, 5, list, sizeof list);
      problem(c, jp, fp, "'%s' is not one of %s", val, list);
      return;
    }
    *out = (farm_reset_t)k;
    if (k == FARM_RESET_DTR_RTS && kind != 's') problem(c, jp, fp, "dtr-rts needs a serial: connection");
    if (k == FARM_RESET_RFC2217 && kind != 'r') problem(c, jp, fp, "rfc2217 needs an rfc2217:// connection");
    if (k == FARM_RESET_VBOARD && kind != 'v') problem(c, jp, fp, "vboard needs a vboard connection");
  }
  char ckey[32];
  snprintf(ckey, sizeof ckey, "%s_command", key);
  int has_cmd = get_text(c, b, ckey, jbase, fbase, cmd, cmdcap, 0);
  if (*out == FARM_RESET_COMMAND && !has_cmd && !json_object_get(b, ckey))
    problem(c, jp, fp, "'command' needs %s.%s (e.g. \"uhubctl -l 1-1 -p 2 -a cycle\")", fbase, ckey);
  if (has_cmd) {
    char store[FARM_TEXT];
    char *argv[64];
    char cjp[512], cfp[256];
    snprintf(cjp, sizeof cjp, "%s/%s", jbase, ckey);
    snprintf(cfp, sizeof cfp, "%s.%s", fbase, ckey);
    if (transport_split_args(cmd, store, sizeof store, argv, 64) <= 0)
      problem(c, cjp, cfp, "not a command line (empty, or an unclosed quote)");
    if (*out != FARM_RESET_COMMAND) problem(c, cjp, cfp, "given, but %s.%s is not \"command\"", fbase, key);
  }
}

static void check_board(checker_t *c, farm_t *farm, json_t *b, int i) {
  char jb[64], fb[64];
  snprintf(jb, sizeof jb, "boards/%d", i);
  snprintf(fb, sizeof fb, "boards[%d]", i);
  if (!json_is_object(b)) {
    problem(c, jb, fb, "must be an object");
    return;
  }
  static const char *const known[] = {"name",        "connect",          "module",  "wiring",
                                      "reset",       "reset_command",    "power",   "power_command",
                                      "vboard_args", "webrepl_password", "timeout", "inactivity",
                                      "enabled",     "description",      "capture"};
  unknown_keys(c, b, known, sizeof known / sizeof known[0], jb, fb);
  farm_board_t *fbd = &farm->boards[farm->nboards];
  memset(fbd, 0, sizeof *fbd);
  fbd->line = farm_json_line(c->text, c->len, jb);
  fbd->enabled = 1;
  char jp[512], fp[256];
  if (get_text(c, b, "name", jb, fb, fbd->name, sizeof fbd->name, 1)) {
    snprintf(jp, sizeof jp, "%s/name", jb);
    snprintf(fp, sizeof fp, "%s.name", fb);
    if (!name_ok(fbd->name))
      problem(c, jp, fp, "'%s': use letters, digits, '.', '-' and '_' only", fbd->name);
    for (int k = 0; k < farm->nboards; k++)
      if (!strcmp(farm->boards[k].name, fbd->name))
        problem(c, jp, fp, "'%s' is already the name of boards[%d]", fbd->name, k);
  }
  char kind = 0;
  if (get_text(c, b, "connect", jb, fb, fbd->connect, sizeof fbd->connect, 1)) {
    snprintf(jp, sizeof jp, "%s/connect", jb);
    snprintf(fp, sizeof fp, "%s.connect", fb);
    check_connect(c, fbd->connect, jp, fp, &kind);
  }
  if (get_text(c, b, "module", jb, fb, fbd->module, sizeof fbd->module, 1) &&
      in_list(fbd->module, modules, 5) < 0) {
    char list[256];
    join(modules, 5, list, sizeof list);
    snprintf(jp, sizeof jp, "%s/module", jb);
    snprintf(fp, sizeof fp, "%s.module", fb);
    problem(c, jp, fp, "'%s' is not a known module profile (%s)", fbd->module, list);
  }
  json_t *w = json_object_get(b, "wiring");
  if (w) {
    snprintf(jp, sizeof jp, "%s/wiring", jb);
    snprintf(fp, sizeof fp, "%s.wiring", fb);
    size_t k;
    json_t *e;
    if (!json_is_array(w) || json_array_size(w) > FARM_MAX_WIRING)
      problem(c, jp, fp, "must be an array of at most %d strings (fixtures wired to the board)",
              FARM_MAX_WIRING);
    else
      json_array_foreach(w, k, e) {
        if (!json_is_string(e) || !name_ok(json_string_value(e)) ||
            strlen(json_string_value(e)) >= sizeof fbd->wiring[0]) {
          char ejp[600];
          snprintf(ejp, sizeof ejp, "%s/%zu", jp, k);
          problem(c, ejp, fp, "entry %zu must be a short name such as \"i2c-eeprom\"", k);
          continue;
        }
        snprintf(fbd->wiring[fbd->nwiring++], sizeof fbd->wiring[0], "%s", json_string_value(e));
      }
  }
  check_reset(c, b, "reset", jb, fb, kind, &fbd->reset, fbd->reset_command, sizeof fbd->reset_command, 0);
  check_reset(c, b, "power", jb, fb, kind, &fbd->power, fbd->power_command, sizeof fbd->power_command, 1);
  json_t *va = json_object_get(b, "vboard_args");
  if (va) {
    snprintf(jp, sizeof jp, "%s/vboard_args", jb);
    snprintf(fp, sizeof fp, "%s.vboard_args", fb);
    size_t k;
    json_t *e;
    if (kind != 'v') problem(c, jp, fp, "only for a vboard connection");
    if (!json_is_array(va) || json_array_size(va) > FARM_MAX_ARGS)
      problem(c, jp, fp, "must be an array of at most %d strings", FARM_MAX_ARGS);
    else
      json_array_foreach(va, k, e) {
        if (!json_is_string(e) || strlen(json_string_value(e)) >= sizeof fbd->vboard_args[0])
          problem(c, jp, fp, "entry %zu must be a string (a vboard argument)", k);
        else
          snprintf(fbd->vboard_args[fbd->nvboard_args++], sizeof fbd->vboard_args[0], "%s",
                   json_string_value(e));
      }
  }
  if (get_text(c, b, "webrepl_password", jb, fb, fbd->webrepl_password, sizeof fbd->webrepl_password, 0) &&
      kind != 'w') {
    snprintf(jp, sizeof jp, "%s/webrepl_password", jb);
    snprintf(fp, sizeof fp, "%s.webrepl_password", fb);
    problem(c, jp, fp, "only for a webrepl:// connection");
  }
  get_text(c, b, "capture", jb, fb, fbd->capture, sizeof fbd->capture, 0);
  get_seconds(c, b, "timeout", jb, fb, &fbd->timeout_ms);
  get_seconds(c, b, "inactivity", jb, fb, &fbd->inactivity_ms);
  json_t *en = json_object_get(b, "enabled");
  if (en) {
    snprintf(jp, sizeof jp, "%s/enabled", jb);
    snprintf(fp, sizeof fp, "%s.enabled", fb);
    if (!json_is_boolean(en))
      problem(c, jp, fp, "must be true or false");
    else
      fbd->enabled = json_is_true(en);
  }
  char desc[256];
  get_text(c, b, "description", jb, fb, desc, sizeof desc, 0);
  farm->nboards++;
}

rig_status_t farm_load_text(const char *path, const char *text, size_t len, farm_t *farm, buf_t *errors) {
  memset(farm, 0, sizeof *farm);
  snprintf(farm->path, sizeof farm->path, "%s", path);
  snprintf(farm->dir, sizeof farm->dir, "%s", path);
  char *slash = strrchr(farm->dir, '/');
  if (slash)
    *slash = '\0';
  else
    snprintf(farm->dir, sizeof farm->dir, ".");
  json_error_t je;
  json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
  if (!root) {
    buf_printf(errors, "%s:%d:%d: not valid JSON: %s\n", path, je.line, je.column, je.text);
    return RIG_E_JSON;
  }
  checker_t c = {.path = path, .text = text, .len = len, .errors = errors};
  if (!json_is_object(root)) {
    problem(&c, "", "(top)", "must be an object with a \"boards\" array");
    json_decref(root);
    return RIG_E_SCHEMA;
  }
  static const char *const known[] = {"$schema",  "farm", "description", "suite",
                                      "defaults", "wifi", "boards"};
  unknown_keys(&c, root, known, sizeof known / sizeof known[0], "", "");
  get_text(&c, root, "farm", "", "", farm->name, sizeof farm->name, 0);
  char desc[1024];
  get_text(&c, root, "description", "", "", desc, sizeof desc, 0);
  json_t *suite = json_object_get(root, "suite");
  if (suite) {
    size_t k;
    json_t *e;
    if (!json_is_array(suite) || json_array_size(suite) > FARM_MAX_SUITE)
      problem(&c, "suite", "suite", "must be an array of at most %d paths (relative to the farm file)",
              FARM_MAX_SUITE);
    else
      json_array_foreach(suite, k, e) {
        char jp[64];
        snprintf(jp, sizeof jp, "suite/%zu", k);
        if (!json_is_string(e) || !*json_string_value(e) ||
            strlen(json_string_value(e)) + strlen(farm->dir) + 2 >= FARM_TEXT) {
          problem(&c, jp, "suite", "entry %zu must be a path to a test directory or file", k);
          continue;
        }
        const char *p = json_string_value(e);
        char *dst = farm->suite[farm->nsuite++];
        size_t dl = strlen(farm->dir), pl = strlen(p); // both checked to fit above
        if (p[0] == '/') {
          memcpy(dst, p, pl + 1);
        } else {
          memcpy(dst, farm->dir, dl);
          dst[dl] = '/';
          memcpy(dst + dl + 1, p, pl + 1);
        }
      }
  }
  json_t *def = json_object_get(root, "defaults");
  if (def) {
    static const char *const dk[] = {"timeout", "inactivity", "lost_after", "enter_timeout"};
    if (!json_is_object(def)) {
      problem(&c, "defaults", "defaults",
              "must be an object (timeout, inactivity, lost_after, enter_timeout)");
    } else {
      unknown_keys(&c, def, dk, 4, "defaults", "defaults");
      get_seconds(&c, def, "enter_timeout", "defaults", "defaults", &farm->enter_timeout_ms);
      get_seconds(&c, def, "timeout", "defaults", "defaults", &farm->timeout_ms);
      get_seconds(&c, def, "inactivity", "defaults", "defaults", &farm->inactivity_ms);
      json_t *la = json_object_get(def, "lost_after");
      if (la && (!json_is_integer(la) || json_integer_value(la) < 0 || json_integer_value(la) > 1000))
        problem(&c, "defaults/lost_after", "defaults.lost_after",
                "must be a whole number 0..1000 (0: never)");
      else if (la)
        farm->lost_after = (int)json_integer_value(la);
    }
  }
  json_t *wifi = json_object_get(root, "wifi");
  if (wifi) {
    static const char *const wk[] = {"ssid", "password"};
    if (!json_is_object(wifi)) {
      problem(&c, "wifi", "wifi", "must be an object (ssid, password)");
    } else {
      unknown_keys(&c, wifi, wk, 2, "wifi", "wifi");
      get_text(&c, wifi, "ssid", "wifi", "wifi", farm->wifi_ssid, sizeof farm->wifi_ssid, 1);
      get_text(&c, wifi, "password", "wifi", "wifi", farm->wifi_password, sizeof farm->wifi_password, 0);
    }
  }
  json_t *boards = json_object_get(root, "boards");
  if (!boards)
    problem(&c, "", "boards", "missing (required): the list of boards");
  else if (!json_is_array(boards) || json_array_size(boards) == 0 ||
           json_array_size(boards) > FARM_MAX_BOARDS)
    problem(&c, "boards", "boards", "must be an array of 1 to %d boards", FARM_MAX_BOARDS);
  else {
    size_t i;
    json_t *b;
    json_array_foreach(boards, i, b) check_board(&c, farm, b, (int)i);
  }
  json_decref(root);
  return c.nerr ? RIG_E_SCHEMA : RIG_OK;
}

rig_status_t farm_load(const char *path, farm_t *farm, buf_t *errors) {
  memset(farm, 0, sizeof *farm);
  size_t len = 0;
  FILE *f = fopen(path, "rb");
  if (!f) {
    buf_printf(errors, "%s: %s\n", path, strerror(errno));
    return RIG_E_FILE;
  }
  char *text = malloc(FARM_FILE_MAX + 1);
  if (!text) {
    fclose(f);
    return RIG_E_NOMEM;
  }
  len = fread(text, 1, FARM_FILE_MAX + 1, f);
  fclose(f);
  if (len > FARM_FILE_MAX) {
    free(text);
    buf_printf(errors, "%s: larger than %d bytes\n", path, FARM_FILE_MAX);
    return RIG_E_FILE;
  }
  text[len] = '\0';
  rig_status_t st = farm_load_text(path, text, len, farm, errors);
  free(text);
  return st;
}

void farm_capabilities(const farm_board_t *b, char *out, size_t cap) {
  snprintf(out, cap, "module:%s", b->module);
  for (int i = 0; i < b->nwiring; i++) {
    size_t used = strlen(out);
    snprintf(out + used, cap - used, ", fixture:%s, %s", b->wiring[i], b->wiring[i]);
  }
  int m = in_list(b->module, modules, 5);
  if (m >= 0 && module_flash_kb[m] >= 1024) {
    size_t used = strlen(out);
    snprintf(out + used, cap - used, ", fs");
  }
  // A virtual board sees the virtual access points (fixtures/wifi/virtual.json)
  // unless its vboard_args choose others.
  int other_wifi = 0;
  for (int i = 0; i < b->nvboard_args; i++)
    other_wifi |= !strcmp(b->vboard_args[i], "--wifi");
  if (!strncmp(b->connect, "vboard", 6) && !other_wifi) {
    size_t used = strlen(out);
    snprintf(out + used, cap - used, ", wifi-virtual");
  }
}
