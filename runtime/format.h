// SPDX-License-Identifier: MIT
// format.h: the format-spec mini-language (format(), f-strings,
// str.format) and printf-style "%" formatting.
#ifndef RT_FORMAT_H
#define RT_FORMAT_H

#include "obj.h"

// format(v, spec) for str, int, bool, float and (with an empty spec) any
// object. Raises ValueError for a bad spec.
rt_val_t rt_format_value(rt_val_t v, rt_val_t spec);
// fmt % args
rt_val_t rt_format_percent(rt_val_t fmt, rt_val_t args);
// fmt.format(*args, **kw)
rt_val_t rt_format_method(rt_val_t fmt, size_t n, const rt_val_t *args, const rt_kw_t *kw);

#endif
