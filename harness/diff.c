// SPDX-License-Identifier: MIT
// diff.c: line diff by longest common subsequence (see diff.h).
//
// Lines keep their '\n', so "x" and "x\n" differ, as they do for the test.
// The common head and tail are stripped first; the middle gets an LCS
// table when it has at most LCS_CELLS cells, else it is shown as replaced.
#include "diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define LCS_CELLS (4u * 1024 * 1024)

typedef struct {
  const char *s;
  size_t len; // with the '\n' when there is one
} line_t;

static size_t split(const char *text, size_t len, line_t **out) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    if (text[i] == '\n') n++;
  if (len && text[len - 1] != '\n') n++;
  line_t *v = malloc((n ? n : 1) * sizeof *v);
  if (!v) return (size_t)-1;
  size_t k = 0, start = 0;
  for (size_t i = 0; i < len; i++)
    if (text[i] == '\n') {
      v[k].s = text + start;
      v[k++].len = i + 1 - start;
      start = i + 1;
    }
  if (start < len) {
    v[k].s = text + start;
    v[k++].len = len - start;
  }
  *out = v;
  return n;
}

static int same(const line_t *x, const line_t *y) {
  return x->len == y->len && !memcmp(x->s, y->s, x->len);
}

enum { OP_SAME = ' ', OP_DEL = '-', OP_ADD = '+' };
typedef struct {
  char op;
  size_t ai, bi; // line indexes (of a for SAME/DEL, of b for ADD; both for SAME)
} edit_t;

static void emit_line(buf_t *out, char op, const line_t *l) {
  buf_append(out, &op, 1);
  buf_append(out, l->s, l->len);
  if (!l->len || l->s[l->len - 1] != '\n') buf_append_str(out, "\n\\ No newline at end of file\n");
}

// Writes hunks for [ed] (ne edits) with DIFF_CONTEXT lines of context.
static void emit_hunks(const edit_t *ed, size_t ne, const line_t *a, const line_t *b, buf_t *out) {
  size_t i = 0;
  while (i < ne) {
    while (i < ne && ed[i].op == OP_SAME)
      i++;
    if (i == ne) break;
    // The hunk starts DIFF_CONTEXT edits before the change and ends when
    // more than 2*DIFF_CONTEXT unchanged lines follow a change.
    size_t start = i > DIFF_CONTEXT ? i - DIFF_CONTEXT : 0, end = i;
    while (end < ne) {
      if (ed[end].op != OP_SAME) {
        end++;
        continue;
      }
      size_t run = end;
      while (run < ne && ed[run].op == OP_SAME)
        run++;
      if (run == ne || run - end > 2 * DIFF_CONTEXT) {
        end = end + DIFF_CONTEXT < run ? end + DIFF_CONTEXT : run;
        break;
      }
      end = run;
    }
    // Line numbers: the first a/b line the hunk touches.
    size_t as = 0, bs = 0, al = 0, bl = 0;
    int a_set = 0, b_set = 0;
    for (size_t k = start; k < end; k++) {
      if (ed[k].op != OP_ADD) {
        if (!a_set) as = ed[k].ai, a_set = 1;
        al++;
      }
      if (ed[k].op != OP_DEL) {
        if (!b_set) bs = ed[k].bi, b_set = 1;
        bl++;
      }
    }
    // With no lines on one side, unified diff names the line before.
    if (!a_set) as = start < ne && start > 0 ? ed[start].ai : 0;
    if (!b_set) bs = start < ne && start > 0 ? ed[start].bi : 0;
    buf_printf(out, "@@ -%zu,%zu +%zu,%zu @@\n", al ? as + 1 : as, al, bl ? bs + 1 : bs, bl);
    for (size_t k = start; k < end; k++) {
      if (ed[k].op == OP_ADD)
        emit_line(out, OP_ADD, &b[ed[k].bi]);
      else
        emit_line(out, ed[k].op, &a[ed[k].ai]);
    }
    i = end;
  }
}

rig_status_t diff_lines(const char *a, size_t alen, const char *b, size_t blen, buf_t *out) {
  line_t *la = NULL, *lb = NULL;
  size_t na = split(a, alen, &la), nb = split(b, blen, &lb);
  edit_t *ed = NULL;
  uint32_t *tab = NULL;
  rig_status_t st = RIG_E_NOMEM;
  if (na == (size_t)-1 || nb == (size_t)-1) goto done;
  size_t head = 0;
  while (head < na && head < nb && same(&la[head], &lb[head]))
    head++;
  size_t tail = 0;
  while (tail < na - head && tail < nb - head && same(&la[na - 1 - tail], &lb[nb - 1 - tail]))
    tail++;
  size_t ma = na - head - tail, mb = nb - head - tail; // the middle
  st = RIG_OK;
  if (ma == 0 && mb == 0) goto done;
  ed = malloc((na + nb + 1) * sizeof *ed);
  if (!ed) {
    st = RIG_E_NOMEM;
    goto done;
  }
  size_t ne = 0;
  for (size_t k = 0; k < head; k++)
    ed[ne++] = (edit_t){OP_SAME, k, k};
  if ((ma + 1) * (mb + 1) <= LCS_CELLS && (tab = malloc((ma + 1) * (mb + 1) * sizeof *tab)) != NULL) {
    // tab[i][j] = LCS length of a-middle[i..] and b-middle[j..].
    size_t w = mb + 1;
    for (size_t i = ma + 1; i-- > 0;)
      for (size_t j = mb + 1; j-- > 0;) {
        if (i == ma || j == mb)
          tab[i * w + j] = 0;
        else if (same(&la[head + i], &lb[head + j]))
          tab[i * w + j] = tab[(i + 1) * w + j + 1] + 1;
        else {
          uint32_t down = tab[(i + 1) * w + j], right = tab[i * w + j + 1];
          tab[i * w + j] = down >= right ? down : right;
        }
      }
    size_t i = 0, j = 0;
    while (i < ma || j < mb) {
      if (i < ma && j < mb && same(&la[head + i], &lb[head + j])) {
        ed[ne++] = (edit_t){OP_SAME, head + i++, head + j++};
      } else if (j < mb && (i == ma || tab[i * w + j + 1] > tab[(i + 1) * w + j])) {
        ed[ne++] = (edit_t){OP_ADD, head + i, head + j++};
      } else {
        ed[ne++] = (edit_t){OP_DEL, head + i++, head + j};
      }
    }
  } else {
    for (size_t k = 0; k < ma; k++)
      ed[ne++] = (edit_t){OP_DEL, head + k, head};
    for (size_t k = 0; k < mb; k++)
      ed[ne++] = (edit_t){OP_ADD, head + ma, head + k};
  }
  for (size_t k = 0; k < tail; k++)
    ed[ne++] = (edit_t){OP_SAME, na - tail + k, nb - tail + k};
  buf_append_str(out, "--- expected\n+++ actual\n");
  emit_hunks(ed, ne, la, lb, out);
done:
  free(tab);
  free(ed);
  free(la);
  free(lb);
  return st;
}
