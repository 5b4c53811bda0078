// SPDX-License-Identifier: MIT
// obj_file.h: file objects on the mounted filesystems and the builtin
// open(). Text files (TextIOWrapper) read and write str as UTF-8 without
// newline translation; binary files (FileIO) read and write bytes.
#ifndef RT_OBJ_FILE_H
#define RT_OBJ_FILE_H

#include "obj.h"
#include "obj_func.h"

extern const rt_type_t rt_textio_type, rt_fileio_type;

// open(file, mode='r', buffering=-1, encoding=None, errors=None,
// newline=None): the builtin.
extern const rt_builtin_t rt_file_open_obj;

#endif
