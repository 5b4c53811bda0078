// SPDX-License-Identifier: MIT
// sim_rfc2217.h: the server side of RFC 2217 (Telnet COM-PORT-OPTION, 44)
// for the TCP console (vboard --rfc2217), as ser2net or esp_rfc2217_server
// export a real board's USB serial port.
//
// Telnet: WILL/DO for BINARY (0), ECHO (1), SUPPRESS-GO-AHEAD (3) and
// COM-PORT-OPTION (44) are accepted, anything else refused. 0xFF data bytes
// travel as IAC IAC both ways. Subnegotiations answered with the server
// codes (client code + 100): SET-BAUDRATE, SET-DATASIZE, SET-PARITY,
// SET-STOPSIZE, SET-CONTROL, SET-LINESTATE-MASK, SET-MODEMSTATE-MASK,
// PURGE-DATA. SET-CONTROL 8/9 (DTR on/off) and 11/12 (RTS on/off) drive
// EN and GPIO0 through sim_board_set_lines.
#ifndef SIM_RFC2217_H
#define SIM_RFC2217_H

#include <stddef.h>
#include <stdint.h>

// Forgets the protocol state (a new client connected): lines released.
void sim_rfc2217_start(void);

// Feeds one byte received from the client. Returns the data byte it
// carries (0..255), or -1 when it was Telnet protocol. May answer the
// client and may reset the board (never returning) on a line change.
int sim_rfc2217_rx(uint8_t byte);

// Copies [len] data bytes to [out] with every 0xFF doubled; [out] holds
// 2*[len] bytes. Returns the bytes stored.
size_t sim_rfc2217_escape(const char *in, size_t len, char *out);

#endif
