// SPDX-License-Identifier: MIT
// readline.h: the friendly REPL's line editor (PROTOCOLS.md 1.3): echo,
// cursor movement and in-line editing with the VT100 keys terminals send,
// a history of the last RT_READLINE_HISTORY lines, and tab completion of
// names and of attributes after a dot.
//
// Keys understood while editing:
//   Left/Right   ESC [ D / ESC [ C, Ctrl-B / Ctrl-F
//   Home         ESC [ H, ESC O H, ESC [ 1 ~, ESC [ 7 ~, Ctrl-A
//   End          ESC [ F, ESC O F, ESC [ 4 ~, ESC [ 8 ~, Ctrl-E
//   Up/Down      ESC [ A / ESC [ B (also ESC O A/B), Ctrl-P / Ctrl-N
//   Backspace    8 or 127 (4 at once over leading spaces)
//   Delete       ESC [ 3 ~, Ctrl-D
//   Ctrl-K       erase to the end of the line; Ctrl-U to its start;
//   Ctrl-W       the word before the cursor
//   Tab          4 spaces after whitespace, otherwise completion
// Ctrl-A/B/D/E on a line still holding only its auto-indent are not
// editing keys: rt_readline returns them to the REPL.
#ifndef RT_READLINE_H
#define RT_READLINE_H

#include "vstr.h"

// Lines the history keeps (MicroPython keeps 8).
#define RT_READLINE_HISTORY 8

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
// stored, the line added to the history unless blank or a repeat),
// Ctrl-C (returns CTRL_C, nothing echoed), or Ctrl-A/B/D/E on a line
// not edited yet (returned as is). Raises MemoryError.
int rt_readline(rt_vstr_t *line, const char *prompt);

#endif
