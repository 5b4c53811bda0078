#!/bin/sh
# SPDX-License-Identifier: MIT
#
# terminal_repl.sh: a person at the friendly REPL, played by tmux.
#
# Usage: terminal_repl.sh VBOARD            run the terminal session checks
#        terminal_repl.sh --negative VBOARD  negative control: waits for a
#                                            text the board never prints and
#                                            succeeds only if that wait fails
#
# vboard runs with its console on the pane's terminal (--stdio, the
# terminal in raw mode, as a serial terminal program sets it). Keys are
# typed with `tmux send-keys` (tmux turns Up, Home, Tab... into the escape
# sequences a terminal sends) and the screen is read with `capture-pane`.
# Every check polls the screen until its text appears or TERM_TIMEOUT
# seconds (default 10) pass, so a slow machine only makes it slower.
# TERM_SHOW=1 prints the final screen.
#
# Checked: the banner, cursor-key editing (Left, Home, End, Backspace,
# Delete), history recall with Up, tab completion after a dot (inline and
# the list of candidates), paste mode, Ctrl-C in a tight loop and in
# time.sleep/sleep_ms, and Ctrl-D soft reset (names gone afterwards).

set -u

negative=0
if [ "${1:-}" = "--negative" ]; then
  negative=1
  shift
fi
if [ $# -ne 1 ]; then
  echo "usage: $0 [--negative] VBOARD" >&2
  exit 2
fi
vboard=$1
timeout=${TERM_TIMEOUT:-10}

if ! command -v tmux >/dev/null 2>&1; then
  echo "terminal_repl: tmux is not installed (scripts/bootstrap.sh installs it)" >&2
  exit 1
fi
if [ ! -x "$vboard" ]; then
  echo "terminal_repl: no vboard at $vboard" >&2
  exit 1
fi

# A private tmux server, so the test never touches a user's sessions.
sock="pyrite-term-$$"
tm() { tmux -L "$sock" "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; }
trap cleanup EXIT INT TERM

tm -f /dev/null new-session -d -s repl -x 120 -y 50 "stty raw -echo; exec '$vboard' --stdio" || exit 1
tm set-option -t repl history-limit 5000 >/dev/null

# The whole screen and scroll-back, trailing blanks removed.
screen() { tm capture-pane -p -t repl -S - | sed 's/[[:space:]]*$//'; }

failures=0
fail() {
  echo "FAIL: $1" >&2
  echo "---- screen ----" >&2
  screen | tail -40 >&2
  echo "----------------" >&2
  failures=$((failures + 1))
}

# wait_line TEXT [N]: waits until at least N (default 1) screen lines equal
# TEXT exactly.
wait_line() {
  want=${2:-1}
  end=$(($(date +%s) + timeout))
  while :; do
    got=$(screen | grep -c -x -F -- "$1")
    [ "$got" -ge "$want" ] && return 0
    [ "$(date +%s)" -ge "$end" ] && return 1
    sleep 0.1
  done
}

# wait_text TEXT [N]: as wait_line, for lines containing TEXT.
wait_text() {
  want=${2:-1}
  end=$(($(date +%s) + timeout))
  while :; do
    got=$(screen | grep -c -F -- "$1")
    [ "$got" -ge "$want" ] && return 0
    [ "$(date +%s)" -ge "$end" ] && return 1
    sleep 0.1
  done
}

# Types literal text (no key names), then optional named keys.
type_text() {
  tm send-keys -t repl -l -- "$1"
  shift
  [ $# -gt 0 ] && tm send-keys -t repl "$@"
  return 0
}

wait_line ">>>" || { fail "no prompt after boot"; exit 1; }
wait_text "Type \"help()\" for more information." || fail "no banner"

if [ "$negative" = 1 ]; then
  # The board answers 1042 to this; a checker that accepted 1043 would be
  # broken. Succeed only when the wait for the wrong answer times out.
  type_text "7*6+1000" Enter
  wait_line "1042" || fail "the right answer never came"
  timeout=3
  if wait_line "1043"; then
    echo "FAIL: negative control: a wrong expected answer was accepted" >&2
    exit 1
  fi
  [ "$failures" -eq 0 ] || exit 1
  echo "ok: negative control (a wrong expectation is rejected)"
  exit 0
fi

# History: Up recalls the last line, Enter runs it again.
type_text "7*6+1000" Enter
wait_line "1042" || fail "expression result"
tm send-keys -t repl Up
wait_line ">>> 7*6+1000" 2 || fail "Up did not recall the last line"
tm send-keys -t repl Enter
wait_line "1042" 2 || fail "recalled line did not run again"

# Two lines back, then edit the recalled line.
type_text "'hist'" Enter
wait_line "'hist'" || fail "string result"
tm send-keys -t repl Up Up
wait_line ">>> 7*6+1000" 3 || fail "Up Up did not reach the older line"
tm send-keys -t repl BSpace BSpace BSpace BSpace 1 Enter
wait_line "43" || fail "editing a recalled line"

# Cursor keys: Home inserts at the start, End appends, Left inserts in the
# middle, Backspace and Delete remove.
type_text "100+5"
tm send-keys -t repl Home
type_text "2*"
tm send-keys -t repl End
type_text "0" Enter
wait_line "250" || fail "Home/End editing (2*100+50)"
type_text "1234"
tm send-keys -t repl Left Left BSpace
type_text "9"
tm send-keys -t repl DC Enter
wait_line "194" || fail "Left/Backspace/Delete editing (1234 -> 194)"

# Completion after a dot: one match completes inline, then a chained one.
type_text "import sys" Enter
type_text "sys.impl" Tab
wait_line ">>> sys.implementation" || fail "Tab did not complete sys.impl"
type_text ".na" Tab
tm send-keys -t repl Enter
wait_line "'pyrite'" || fail "completed sys.implementation.name did not run"
# Several candidates: listed under the line, then the prompt again.
type_text "sys.std" Tab
wait_text "stderr          stdin           stdout" || fail "Tab did not list sys.std*"
wait_line ">>> sys.std" 2 || fail "prompt and line not redrawn after the list"
tm send-keys -t repl C-c

# Paste mode: Ctrl-E, text with its own indentation, Ctrl-D runs it.
tm send-keys -t repl C-e
wait_text "paste mode; Ctrl-C to cancel, Ctrl-D to finish" || fail "no paste mode banner"
type_text "for i in range(3):" Enter
type_text "    print(i * 11)" Enter
tm send-keys -t repl C-d
wait_line "22" || fail "paste mode did not run the block"
wait_line "=== for i in range(3):" || fail "paste mode did not echo with === prompts"

# Ctrl-C stops a tight loop and a long sleep.
type_text "while True: pass" Enter Enter
sleep 0.5
tm send-keys -t repl C-c
wait_line "KeyboardInterrupt" 1 || fail "Ctrl-C did not stop a tight loop"
type_text "import time" Enter
type_text "time.sleep(60)" Enter
sleep 0.5
tm send-keys -t repl C-c
wait_line "KeyboardInterrupt" 2 || fail "Ctrl-C did not stop time.sleep"
type_text "time.sleep_ms(60000)" Enter
sleep 0.5
tm send-keys -t repl C-c
wait_line "KeyboardInterrupt" 3 || fail "Ctrl-C did not stop time.sleep_ms"

# Ctrl-D soft-resets: banner again, and the old names are gone.
type_text "gone = 1" Enter
tm send-keys -t repl C-d
wait_text "soft reboot" || fail "Ctrl-D did not soft-reset"
type_text "gone" Enter
wait_text "NameError: name 'gone' is not defined" || fail "names survived the soft reset"

[ "${TERM_SHOW:-0}" = 1 ] && screen
if [ "$failures" -ne 0 ]; then
  echo "terminal_repl: $failures check(s) failed" >&2
  exit 1
fi
echo "ok: terminal REPL session (history, editing, completion, paste, Ctrl-C, Ctrl-D)"
