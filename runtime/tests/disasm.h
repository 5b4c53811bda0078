// SPDX-License-Identifier: MIT
// disasm.h: prints a code object's bytecode to stderr (test helper).
#ifndef DISASM_H
#define DISASM_H

#include "obj_func.h"

void disasm(const rt_code_t *code, int depth);

#endif
