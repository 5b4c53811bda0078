// SPDX-License-Identifier: MIT
// mod_io.h: the io module (StringIO and BytesIO in memory).
#ifndef RT_MOD_IO_H
#define RT_MOD_IO_H

#include "obj.h"

void rt_io_init(rt_dict_t *globals);

#endif
