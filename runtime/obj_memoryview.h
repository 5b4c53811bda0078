// SPDX-License-Identifier: MIT
// obj_memoryview.h: memoryview, a window of bytes onto a bytes or bytearray
// object (format 'B' only: items are ints 0..255) without copying.
#ifndef RT_OBJ_MEMORYVIEW_H
#define RT_OBJ_MEMORYVIEW_H

#include "obj.h"

extern const rt_type_t rt_memoryview_type;

// The bytes a contiguous memoryview [v] covers (borrowed); false when [v]
// is not a memoryview, is strided, or is read-only and [writable] is asked.
bool rt_memoryview_buffer(rt_val_t v, uint8_t **data, size_t *len, bool writable);

#endif
