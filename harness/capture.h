// SPDX-License-Identifier: MIT
// capture.h: a logic capture held in memory, one edge list per channel,
// whatever recorded it (vboard's VCD, a logic analyser through sigrok-cli's
// VCD or CSV output). The analysers (decode_*.h) read only this.
//
//   capture_t cap;
//   capture_init(&cap);
//   char err[256];
//   if (capture_load(&cap, "cap.vcd", err, sizeof err) != RIG_OK)
//     puts(err);                       // "cap.vcd:12: unknown identifier '%'"
//   int sda = capture_find(&cap, "gpio4");
//   ... cap.channels[sda].edges[i] ...
//   capture_free(&cap);
//
// Invariants: times are nanoseconds from the start of the capture; each
// channel's edges are in time order (equal times allowed) and each one
// changes the level (a repeated value in the file is not an edge).
#ifndef RIG_CAPTURE_H
#define RIG_CAPTURE_H

#include "rig_status.h"

#include <stddef.h>
#include <stdint.h>

#define CAPTURE_MAX_CHANNELS 32
#define CAPTURE_MAX_EDGES (4u << 20) // per channel: a bound on a hostile file

typedef struct {
  int64_t t_ns; // when the line changed
  int level;    // the level after the change (0 or 1)
} capture_edge_t;

typedef struct {
  char name[64]; // as in the file: "gpio4", "D0", ...
  int pin;       // N from a name "gpioN", else -1
  int initial;   // the level before the first edge
  capture_edge_t *edges;
  size_t count, cap;
} capture_channel_t;

typedef struct {
  capture_channel_t channels[CAPTURE_MAX_CHANNELS];
  int nchannels;
  int64_t end_ns;  // the last time the file mentions (>= every edge)
  char source[16]; // "vcd" or "csv"
} capture_t;

void capture_init(capture_t *cap);
void capture_free(capture_t *cap);

// Adds a channel named [name] starting at [initial]; returns its index, or
// -1 when the capture is full.
int capture_add_channel(capture_t *cap, const char *name, int initial);

// Records that channel [ch] is at [level] from [t_ns] on. A level equal to
// the current one is no edge (ignored). RIG_E_USAGE when time runs
// backwards, RIG_E_OVERFLOW past CAPTURE_MAX_EDGES, RIG_E_NOMEM.
rig_status_t capture_set_level(capture_t *cap, int ch, int64_t t_ns, int level);

// The channel named [name], or the one for GPIO [name] given as "gpioN" or
// "N"; -1 when none.
int capture_find(const capture_t *cap, const char *name);
int capture_find_pin(const capture_t *cap, int pin);

// The level of channel [ch] just after time [t_ns] (edges at t_ns count).
int capture_level_at(const capture_t *cap, int ch, int64_t t_ns);

// Readers. Each replaces what [cap] held. On error: RIG_E_FILE (cannot
// read) or RIG_E_PROTOCOL (malformed), with "NAME:LINE: what" in [err].
rig_status_t capture_read_vcd(capture_t *cap, const char *text, size_t len, const char *name, char *err,
                              size_t errlen);
// sigrok-cli's CSV output (-O csv): ';' comment lines (one may say
// "Samplerate: 1 MHz"), an optional header row naming the channels (a first
// column "Time" holds seconds), then one row of 0/1 values per sample.
// [samplerate_hz] is used when neither a Time column nor a Samplerate
// comment gives the timing (0: none known).
rig_status_t capture_read_csv(capture_t *cap, const char *text, size_t len, const char *name,
                              double samplerate_hz, char *err, size_t errlen);
// Reads a file, choosing the reader by its contents: VCD when it starts
// (after blanks) with '$', else CSV.
rig_status_t capture_load(capture_t *cap, const char *path, char *err, size_t errlen);

// Writes [cap] as VCD (timescale 1 ns), the form vboard writes; used by
// the tests and to keep a converted CSV capture beside a report.
rig_status_t capture_write_vcd(const capture_t *cap, const char *path, char *err, size_t errlen);

#endif
