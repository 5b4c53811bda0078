// SPDX-License-Identifier: MIT
// mod_io.h: the io module (StringIO and BytesIO in memory).
#ifndef RT_MOD_IO_H
#define RT_MOD_IO_H

#include "obj.h"

void rt_io_init(rt_dict_t *globals);

// The lines of a stream, shared by io's streams and open()'s files:
// [read_line](self, limit) returns the next line of at most [limit] bytes
// (-1: any), empty at the end.
typedef rt_val_t (*rt_io_read_line_fn)(rt_val_t self, intptr_t limit);
// readline(self[, size]): [n] and [args] as the method got them.
rt_val_t rt_io_readline(size_t n, const rt_val_t *args, rt_io_read_line_fn read_line);
// readlines(self): every line left, as a list.
rt_val_t rt_io_readlines(rt_val_t self, rt_io_read_line_fn read_line);

#endif
