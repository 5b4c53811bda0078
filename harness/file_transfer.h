// SPDX-License-Identifier: MIT
// file_transfer.h: copying files to and from a board's filesystem.
//
// Over a webrepl:// transport it speaks WebREPL's binary file protocol
// (PROTOCOLS.md 2.5: PUT_FILE, GET_FILE, GET_VER), as webrepl_cli.py does.
// Over any other transport it runs small programs in the raw REPL
// (open/write, open/read printed as hex), as mpremote does, so it works on
// any MicroPython-like board with a filesystem.
#ifndef RIG_FILE_TRANSFER_H
#define RIG_FILE_TRANSFER_H

#include "buf.h"
#include "repl_client.h"
#include "transport.h"

#define FILES_NAME_MAX 63 // WebREPL's 64-byte name field, NUL included

// Writes [len] bytes of [data] to [remote] on the board. [r] is the raw REPL
// client on [t] (unused over WebREPL). On failure [err] says why (the
// board's exception text when it raised).
rig_status_t files_put(transport_t *t, repl_t *r, const char *remote, const void *data, size_t len,
                       int timeout_ms, char *err, size_t errlen);

// Reads [remote] from the board into [out].
rig_status_t files_get(transport_t *t, repl_t *r, const char *remote, buf_t *out, int timeout_ms, char *err,
                       size_t errlen);

// WebREPL only: the firmware version the board reports (GET_VER).
rig_status_t files_webrepl_version(transport_t *t, int version[3], int timeout_ms, char *err, size_t errlen);

// Builds WebREPL's 82-byte request record (exposed for the tests).
void files_webrepl_request(unsigned char rec[82], int type, uint32_t size, const char *name);

#endif
