// SPDX-License-Identifier: MIT
// mod_errno.c: error numbers.
#include "mod_errno.h"
#include "obj_dict.h"
#include "qstr.h"

static const struct {
  const char *name;
  int value;
} codes[] = {
    {"EPERM", 1},          {"ENOENT", 2},       {"EIO", 5},
    {"EBADF", 9},          {"EAGAIN", 11},      {"ENOMEM", 12},
    {"EACCES", 13},        {"EEXIST", 17},      {"ENODEV", 19},
    {"EISDIR", 21},        {"EINVAL", 22},      {"EBUSY", 16},
    {"EXDEV", 18},         {"ENOTDIR", 20},     {"EFBIG", 27},
    {"ENOSPC", 28},        {"EROFS", 30},       {"ENAMETOOLONG", 36},
    {"ENOTEMPTY", 39},     {"EOPNOTSUPP", 95},  {"EADDRINUSE", 98},
    {"ECONNABORTED", 103}, {"ECONNRESET", 104}, {"ENOBUFS", 105},
    {"ENOTCONN", 107},     {"ETIMEDOUT", 110},  {"ECONNREFUSED", 111},
    {"EHOSTUNREACH", 113}, {"EALREADY", 114},   {"EINPROGRESS", 115},
};

void rt_errno_init(rt_dict_t *g) {
  rt_dict_t *byval = rt_dict_new(sizeof codes / sizeof codes[0]);
  for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
    rt_val_t name = rt_qstr_from_cstr(codes[i].name);
    rt_dict_set(g, name, rt_small(codes[i].value));
    rt_dict_set(byval, rt_small(codes[i].value), name);
  }
  rt_dict_set(g, rt_qstr_from_cstr("errorcode"), rt_val(byval));
}
