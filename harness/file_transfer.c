// SPDX-License-Identifier: MIT
// file_transfer.c: put and get over WebREPL's binary protocol or the raw
// REPL (see file_transfer.h).
#include "file_transfer.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { WR_PUT_FILE = 1, WR_GET_FILE = 2, WR_GET_VER = 3 };

#define RAW_CHUNK 512 // file bytes per raw-REPL program: small enough for a 38 KB heap

static rig_status_t fail(char *err, size_t errlen, rig_status_t st, const char *fmt, const char *what) {
  snprintf(err, errlen, fmt, what);
  return st;
}

void files_webrepl_request(unsigned char rec[82], int type, uint32_t size, const char *name) {
  memset(rec, 0, 82);
  rec[0] = 'W';
  rec[1] = 'A';
  rec[2] = (unsigned char)type;
  // rec[3] flags and rec[4..11] offset stay 0, as the reference client sends.
  for (int i = 0; i < 4; i++)
    rec[12 + i] = (unsigned char)(size >> (8 * i));
  size_t n = name ? strlen(name) : 0;
  if (n > FILES_NAME_MAX) n = FILES_NAME_MAX;
  rec[16] = (unsigned char)n;
  rec[17] = (unsigned char)(n >> 8);
  if (n) memcpy(rec + 18, name, n);
}

// Reads the 4-byte "WB" + u16 status answer.
static rig_status_t wr_answer(transport_t *t, int timeout_ms, const char *step, char *err, size_t errlen) {
  unsigned char a[4];
  rig_status_t st = transport_webrepl_read_binary(t, a, 4, timeout_ms);
  if (st != RIG_OK) {
    snprintf(err, errlen, "%s: %s", step, transport_errmsg(t));
    return st;
  }
  if (a[0] != 'W' || a[1] != 'B')
    return fail(err, errlen, RIG_E_PROTOCOL, "%s: the answer is not 'WB'", step);
  int code = a[2] | a[3] << 8;
  if (code) {
    snprintf(err, errlen, "%s: the board answered status %d", step, code);
    return RIG_E_FILE;
  }
  return RIG_OK;
}

static rig_status_t check_name(const char *remote, char *err, size_t errlen) {
  if (!remote || !*remote) return fail(err, errlen, RIG_E_USAGE, "%s", "empty remote file name");
  if (strlen(remote) > FILES_NAME_MAX)
    return fail(err, errlen, RIG_E_USAGE, "remote name '%s' is longer than 63 bytes (WebREPL's limit)",
                remote);
  return RIG_OK;
}

static rig_status_t wr_put(transport_t *t, const char *remote, const void *data, size_t len, int timeout_ms,
                           char *err, size_t errlen) {
  if (len > 0xFFFFFFFFu) return fail(err, errlen, RIG_E_USAGE, "%s", "file too large for WebREPL (4 GiB)");
  unsigned char rec[82];
  files_webrepl_request(rec, WR_PUT_FILE, (uint32_t)len, remote);
  rig_status_t st = transport_webrepl_send_binary(t, rec, sizeof rec, timeout_ms);
  if (st == RIG_OK) st = wr_answer(t, timeout_ms, "PUT_FILE", err, errlen);
  if (st != RIG_OK) return st;
  if (len) {
    st = transport_webrepl_send_binary(t, data, len, timeout_ms);
    if (st != RIG_OK) return fail(err, errlen, st, "PUT_FILE data: %s", transport_errmsg(t));
  }
  return wr_answer(t, timeout_ms, "PUT_FILE end", err, errlen);
}

static rig_status_t wr_get(transport_t *t, const char *remote, buf_t *out, int timeout_ms, char *err,
                           size_t errlen) {
  unsigned char rec[82];
  files_webrepl_request(rec, WR_GET_FILE, 0, remote);
  rig_status_t st = transport_webrepl_send_binary(t, rec, sizeof rec, timeout_ms);
  if (st == RIG_OK) st = wr_answer(t, timeout_ms, "GET_FILE", err, errlen);
  if (st != RIG_OK) return st;
  for (;;) {
    st = transport_webrepl_send_binary(t, "", 1, timeout_ms);
    unsigned char hdr[2], chunk[65536];
    if (st == RIG_OK) st = transport_webrepl_read_binary(t, hdr, 2, timeout_ms);
    if (st != RIG_OK) return fail(err, errlen, st, "GET_FILE: %s", transport_errmsg(t));
    size_t n = (size_t)(hdr[0] | hdr[1] << 8);
    if (n == 0) break;
    st = transport_webrepl_read_binary(t, chunk, n, timeout_ms);
    if (st != RIG_OK) return fail(err, errlen, st, "GET_FILE data: %s", transport_errmsg(t));
    st = buf_append(out, chunk, n);
    if (st != RIG_OK) return fail(err, errlen, st, "%s", "file larger than the rig's buffer");
  }
  return wr_answer(t, timeout_ms, "GET_FILE end", err, errlen);
}

rig_status_t files_webrepl_version(transport_t *t, int version[3], int timeout_ms, char *err, size_t errlen) {
  unsigned char rec[82], v[3];
  files_webrepl_request(rec, WR_GET_VER, 0, NULL);
  rig_status_t st = transport_webrepl_send_binary(t, rec, sizeof rec, timeout_ms);
  if (st == RIG_OK) st = transport_webrepl_read_binary(t, v, 3, timeout_ms);
  if (st != RIG_OK) return fail(err, errlen, st, "GET_VER: %s", transport_errmsg(t));
  for (int i = 0; i < 3; i++)
    version[i] = v[i];
  return RIG_OK;
}

// ---- over the raw REPL ---------------------------------------------------

// Appends [s] as a Python string literal that survives any byte.
static void py_literal(buf_t *b, const char *s) {
  buf_append_str(b, "'");
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (isalnum(*p) || strchr("_./- ", *p))
      buf_append(b, p, 1);
    else
      buf_printf(b, "\\x%02x", *p);
  }
  buf_append_str(b, "'");
}

// Runs [code]; a raised exception becomes RIG_E_FILE with its last line.
static rig_status_t raw_exec(repl_t *r, buf_t *code, int timeout_ms, repl_result_t *res, char *err,
                             size_t errlen) {
  repl_result_free(res);
  repl_result_init(res);
  rig_status_t st = repl_exec(r, code->data, code->len, timeout_ms, res);
  if (st != RIG_OK) return fail(err, errlen, st, "raw REPL: %s", repl_errmsg(r));
  if (res->err.len) {
    // The exception's own line: the last non-empty line of the traceback.
    char *text = res->err.data;
    size_t n = res->err.len;
    while (n && (text[n - 1] == '\r' || text[n - 1] == '\n'))
      n--;
    size_t start = n;
    while (start && text[start - 1] != '\n')
      start--;
    snprintf(err, errlen, "the board raised %.*s", (int)(n - start), text + start);
    return RIG_E_FILE;
  }
  return RIG_OK;
}

static rig_status_t raw_put(repl_t *r, const char *remote, const unsigned char *data, size_t len,
                            int timeout_ms, char *err, size_t errlen) {
  rig_status_t st = repl_enter(r);
  if (st != RIG_OK) return fail(err, errlen, st, "cannot enter the raw REPL: %s", repl_errmsg(r));
  buf_t code;
  buf_init(&code, 1 << 20);
  repl_result_t res;
  repl_result_init(&res);
  buf_append_str(&code, "f=open(");
  py_literal(&code, remote);
  buf_append_str(&code, ",'wb')\nw=f.write\n");
  st = raw_exec(r, &code, timeout_ms, &res, err, errlen);
  for (size_t off = 0; st == RIG_OK && off < len; off += RAW_CHUNK) {
    size_t n = len - off < RAW_CHUNK ? len - off : RAW_CHUNK;
    buf_reset(&code);
    buf_append_str(&code, "w(b'");
    for (size_t i = 0; i < n; i++)
      buf_printf(&code, "\\x%02x", data[off + i]);
    buf_append_str(&code, "')\n");
    st = raw_exec(r, &code, timeout_ms, &res, err, errlen);
  }
  buf_reset(&code);
  buf_append_str(&code, st == RIG_OK ? "f.close()\ndel f,w\n" : "try:\n f.close()\nexcept:\n pass\n");
  char cerr[256];
  rig_status_t cst = raw_exec(r, &code, timeout_ms, &res, cerr, sizeof cerr);
  if (st == RIG_OK && cst != RIG_OK) {
    snprintf(err, errlen, "%s", cerr);
    st = cst;
  }
  repl_result_free(&res);
  buf_free(&code);
  return st;
}

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static rig_status_t raw_get(repl_t *r, const char *remote, buf_t *out, int timeout_ms, char *err,
                            size_t errlen) {
  rig_status_t st = repl_enter(r);
  if (st != RIG_OK) return fail(err, errlen, st, "cannot enter the raw REPL: %s", repl_errmsg(r));
  buf_t code;
  buf_init(&code, 4096);
  buf_append_str(&code, "import binascii as _b\nwith open(");
  py_literal(&code, remote);
  buf_append_str(&code, ",'rb') as _f:\n"
                        " while 1:\n"
                        "  _d=_f.read(256)\n"
                        "  if not _d:break\n"
                        "  print(_b.hexlify(_d).decode())\n");
  repl_result_t res;
  repl_result_init(&res);
  st = raw_exec(r, &code, timeout_ms, &res, err, errlen);
  for (size_t i = 0; st == RIG_OK && i < res.out.len; i++) {
    int c = res.out.data[i];
    if (c == '\r' || c == '\n') continue;
    int hi = hexval(c), lo = i + 1 < res.out.len ? hexval(res.out.data[i + 1]) : -1;
    if (hi < 0 || lo < 0) {
      st = fail(err, errlen, RIG_E_PROTOCOL, "%s", "the board's hex dump of the file is malformed");
      break;
    }
    unsigned char byte = (unsigned char)(hi << 4 | lo);
    st = buf_append(out, &byte, 1);
    if (st != RIG_OK) fail(err, errlen, st, "%s", "file larger than the rig's buffer");
    i++;
  }
  repl_result_free(&res);
  buf_free(&code);
  return st;
}

rig_status_t files_put(transport_t *t, repl_t *r, const char *remote, const void *data, size_t len,
                       int timeout_ms, char *err, size_t errlen) {
  rig_status_t st = check_name(remote, err, errlen);
  if (st != RIG_OK) return st;
  if (transport_kind(t) == TRANSPORT_WEBREPL) return wr_put(t, remote, data, len, timeout_ms, err, errlen);
  return raw_put(r, remote, data, len, timeout_ms, err, errlen);
}

rig_status_t files_get(transport_t *t, repl_t *r, const char *remote, buf_t *out, int timeout_ms, char *err,
                       size_t errlen) {
  rig_status_t st = check_name(remote, err, errlen);
  if (st != RIG_OK) return st;
  if (transport_kind(t) == TRANSPORT_WEBREPL) return wr_get(t, remote, out, timeout_ms, err, errlen);
  return raw_get(r, remote, out, timeout_ms, err, errlen);
}
