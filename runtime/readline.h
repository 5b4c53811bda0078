// SPDX-License-Identifier: MIT
// readline.h: the friendly REPL's line editor: echo, backspace, newline
// folding and control keys. History, cursor keys and tab completion have
// their place here (not yet implemented: escape sequences are consumed
// and ignored).
#ifndef RT_READLINE_H
#define RT_READLINE_H

#include "vstr.h"

// Results besides RT_READLINE_OK are the control key pressed (1..5), or
// RT_READLINE_EOF when the console is gone.
enum {
  RT_READLINE_OK = 0,
  RT_READLINE_CTRL_A = 1,
  RT_READLINE_CTRL_B = 2,
  RT_READLINE_CTRL_C = 3,
  RT_READLINE_CTRL_D = 4,
  RT_READLINE_CTRL_E = 5,
  RT_READLINE_EOF = -1,
};

// Writes [prompt], then [line]'s current contents (an auto-indent) and
// edits [line] until Enter (echoed as "\r\n"; returns OK, the newline not
// stored), Ctrl-C (returns CTRL_C, nothing echoed), or Ctrl-A/B/D/E on an
// empty line (returned as is). Raises MemoryError.
int rt_readline(rt_vstr_t *line, const char *prompt);

#endif
