// SPDX-License-Identifier: MIT
// disasm.c: a bytecode listing for debugging tests.
#include <stdio.h>

#include "disasm.h"
#include "qstr.h"
#include "vm.h"

void disasm(const rt_code_t *code, int depth) {
  fprintf(stderr, "%*scode %s: locals=%u free=%u cells=%u stack=%u blocks=%u\n", depth * 2, "",
          rt_qstr_cstr(code->name), code->n_locals, code->n_free, code->n_cells, code->stack_size,
          code->max_blocks);
  for (uint32_t i = 0; i < code->code_len;) {
    int op = code->bytecode[i];
    fprintf(stderr, "%*s%4u %-22s", depth * 2, "", i, rt_vm_op_names[op]);
    i++;
    if (op >= RT_OP_HAVE_ARG) {
      unsigned arg = code->bytecode[i] | (code->bytecode[i + 1] << 8);
      fprintf(stderr, " %u", arg);
      if (op == RT_OP_LOAD_GLOBAL || op == RT_OP_LOAD_ATTR || op == RT_OP_LOAD_METHOD ||
          op == RT_OP_STORE_GLOBAL || op == RT_OP_LOAD_NAME || op == RT_OP_STORE_NAME ||
          op == RT_OP_STORE_ATTR)
        fprintf(stderr, " (%s)", rt_qstr_str(code->names[arg], NULL));
      i += 2;
      if (rt_vm_op_has_cache(op)) i += 2;
    }
    fprintf(stderr, "\n");
  }
  for (uint32_t k = 0; k < code->n_consts; k++)
    if (rt_is_obj(code->consts[k], &rt_code_type)) disasm((const rt_code_t *)code->consts[k], depth + 1);
}
