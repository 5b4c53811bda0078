// SPDX-License-Identifier: MIT
// sim_rfc2217.c: RFC 2217 server for the virtual board's console (see
// sim_rfc2217.h). A byte-at-a-time state machine; the only state that
// outlives a byte is the current subnegotiation and the two line levels.
#include "sim_rfc2217.h"
#include "sim_board.h"
#include "sim_console.h"

#include <stdbool.h>
#include <string.h>

// Telnet (RFC 854) and COM-PORT-OPTION (RFC 2217) codes.
enum { IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240 };
enum { OPT_BINARY = 0, OPT_ECHO = 1, OPT_SGA = 3, OPT_COM_PORT = 44 };
enum {
  CPO_SET_BAUDRATE = 1,
  CPO_SET_DATASIZE = 2,
  CPO_SET_PARITY = 3,
  CPO_SET_STOPSIZE = 4,
  CPO_SET_CONTROL = 5,
  CPO_SET_LINESTATE_MASK = 10,
  CPO_SET_MODEMSTATE_MASK = 11,
  CPO_PURGE_DATA = 12,
  CPO_SERVER = 100 // server answers carry the client's code + 100
};

typedef enum { ST_DATA, ST_IAC, ST_OPTION, ST_SB, ST_SB_IAC } state_t;

static struct {
  state_t state;
  uint8_t verb;   // ST_OPTION: the WILL/WONT/DO/DONT being read
  uint8_t sb[64]; // the subnegotiation so far (option byte first)
  size_t sb_len;
  bool answered[2][256]; // [0]: a DO/DONT sent for WILL x; [1]: WILL/WONT for DO x
  bool dtr, rts;
  uint32_t baud;
  uint8_t datasize, parity, stopsize;
} tn;

void sim_rfc2217_start(void) {
  memset(&tn, 0, sizeof tn);
  tn.baud = 115200;
  tn.datasize = 8;
  tn.parity = 1;   // NONE
  tn.stopsize = 1; // 1 stop bit
}

static bool supported(uint8_t opt) {
  return opt == OPT_BINARY || opt == OPT_ECHO || opt == OPT_SGA || opt == OPT_COM_PORT;
}

static void send3(uint8_t a, uint8_t b, uint8_t c) {
  uint8_t msg[3] = {a, b, c};
  sim_console_send_raw(msg, sizeof msg);
}

// Answers a WILL/DO (once per option and direction, so that two servers
// or a client that repeats itself cannot loop).
static void negotiate(uint8_t verb, uint8_t opt) {
  int side = verb == WILL || verb == WONT ? 0 : 1;
  if (verb == WONT || verb == DONT) {
    tn.answered[side][opt] = false;
    return;
  }
  if (tn.answered[side][opt]) return;
  tn.answered[side][opt] = true;
  if (side == 0)
    send3(IAC, supported(opt) ? DO : DONT, opt);
  else
    send3(IAC, supported(opt) ? WILL : WONT, opt);
}

// Sends IAC SB COM-PORT-OPTION [code] [value...] IAC SE, escaping 0xFF.
static void answer(uint8_t code, const uint8_t *value, size_t len) {
  uint8_t msg[4 + 2 * 8 + 2];
  size_t n = 0;
  msg[n++] = IAC;
  msg[n++] = SB;
  msg[n++] = OPT_COM_PORT;
  msg[n++] = code;
  for (size_t i = 0; i < len && i < 8; i++) {
    msg[n++] = value[i];
    if (value[i] == IAC) msg[n++] = IAC;
  }
  msg[n++] = IAC;
  msg[n++] = SE;
  sim_console_send_raw(msg, n);
}

static void set_control(uint8_t v) {
  uint8_t reply = v;
  switch (v) {
  case 0: reply = 1; break;              // flow control query: none
  case 7: reply = tn.dtr ? 8 : 9; break; // DTR query
  case 10: reply = tn.rts ? 11 : 12; break;
  default: break;
  }
  answer(CPO_SET_CONTROL + CPO_SERVER, &reply, 1);
  bool dtr = tn.dtr, rts = tn.rts;
  if (v == 8 || v == 9)
    dtr = v == 8;
  else if (v == 11 || v == 12)
    rts = v == 11;
  else
    return;
  tn.dtr = dtr;
  tn.rts = rts;
  sim_board_set_lines(dtr, rts); // may reset the board: after the answer
}

// One complete subnegotiation: sb[0] is the option, sb[1] the command.
static void subnegotiation(void) {
  if (tn.sb_len < 2 || tn.sb[0] != OPT_COM_PORT) return;
  uint8_t code = tn.sb[1];
  const uint8_t *v = tn.sb + 2;
  size_t len = tn.sb_len - 2;
  switch (code) {
  case CPO_SET_BAUDRATE: {
    if (len < 4) return;
    uint32_t baud = (uint32_t)v[0] << 24 | (uint32_t)v[1] << 16 | (uint32_t)v[2] << 8 | v[3];
    if (baud) tn.baud = baud; // 0 asks for the current rate
    uint8_t out[4] = {(uint8_t)(tn.baud >> 24), (uint8_t)(tn.baud >> 16), (uint8_t)(tn.baud >> 8),
                      (uint8_t)tn.baud};
    answer(code + CPO_SERVER, out, 4);
    break;
  }
  case CPO_SET_DATASIZE:
  case CPO_SET_PARITY:
  case CPO_SET_STOPSIZE: {
    if (len < 1) return;
    uint8_t *field = code == CPO_SET_DATASIZE ? &tn.datasize
                     : code == CPO_SET_PARITY ? &tn.parity
                                              : &tn.stopsize;
    if (v[0]) *field = v[0];
    answer(code + CPO_SERVER, field, 1);
    break;
  }
  case CPO_SET_CONTROL:
    if (len >= 1) set_control(v[0]);
    break;
  case CPO_SET_LINESTATE_MASK:
  case CPO_SET_MODEMSTATE_MASK:
  case CPO_PURGE_DATA: // nothing is buffered on the board side but the bytes in flight
    if (len >= 1) answer(code + CPO_SERVER, v, 1);
    break;
  default: break; // notifications and flow control: nothing to do
  }
}

int sim_rfc2217_rx(uint8_t b) {
  switch (tn.state) {
  case ST_DATA:
    if (b != IAC) return b;
    tn.state = ST_IAC;
    return -1;
  case ST_IAC:
    tn.state = ST_DATA;
    if (b == IAC) return IAC; // an escaped data byte
    if (b >= WILL && b <= DONT) {
      tn.verb = b;
      tn.state = ST_OPTION;
    } else if (b == SB) {
      tn.sb_len = 0;
      tn.state = ST_SB;
    }
    return -1; // NOP, GA, BRK and friends: ignored
  case ST_OPTION:
    tn.state = ST_DATA;
    negotiate(tn.verb, b);
    return -1;
  case ST_SB:
    if (b == IAC)
      tn.state = ST_SB_IAC;
    else if (tn.sb_len < sizeof tn.sb)
      tn.sb[tn.sb_len++] = b;
    return -1;
  case ST_SB_IAC:
    if (b == IAC) {
      if (tn.sb_len < sizeof tn.sb) tn.sb[tn.sb_len++] = IAC;
      tn.state = ST_SB;
    } else {
      tn.state = ST_DATA; // IAC SE (or a broken subnegotiation): it ends here
      if (b == SE) subnegotiation();
    }
    return -1;
  }
  return -1;
}

size_t sim_rfc2217_escape(const char *in, size_t len, char *out) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    out[n++] = in[i];
    if ((uint8_t)in[i] == IAC) out[n++] = (char)IAC;
  }
  return n;
}
