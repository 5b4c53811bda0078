#!/bin/sh
# SPDX-License-Identifier: MIT
# qemu_smoke.sh ELF: boots the firmware in QEMU and runs one program over
# the raw REPL, as the rig would:
#   send "\r\x01"            expect "raw REPL; CTRL-B to exit\r\n>"
#   send "print(6*7)\x04"    expect "OK42\r\n\x04\x04>"
#   close the input          expect QEMU to exit with status 0
# Each step has its own deadline. On failure it prints what the board said
# (as bytes, via od) and exits 1.
#
# The console is a fifo held open by this script, so the firmware sees a
# live input that ends only when the script closes it.
set -u
here=$(cd "$(dirname "$0")" && pwd)
run="$here/../run-qemu.sh"
elf=${1:?usage: qemu_smoke.sh ELF}
step_timeout=${QEMU_SMOKE_TIMEOUT:-20}

tmp=$(mktemp -d)
qemu_pid=
cleanup() {
  exec 3>&- 2>/dev/null
  if [ -n "$qemu_pid" ]; then kill "$qemu_pid" 2>/dev/null; fi
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

mkfifo "$tmp/in"
"$run" "$elf" <"$tmp/in" >"$tmp/out" 2>"$tmp/err" &
qemu_pid=$!
exec 3>"$tmp/in"

# The board's output so far as " xx xx ..." hex bytes on one line.
hex_of_output() { od -An -v -tx1 <"$tmp/out" | tr -s '\n ' '  '; }
hex_of() { printf "$1" | od -An -v -tx1 | tr -s '\n ' '  '; }

dump() {
  echo "--- board output (od -c) ---"
  od -c "$tmp/out" | tail -n 20
  echo "--- qemu stderr ---"
  cat "$tmp/err"
}

# expect TEXT: waits until the output holds TEXT (printf escapes).
expect() {
  want=$(hex_of "$1")
  want=${want% }
  deadline=$(($(date +%s) + step_timeout))
  while :; do
    case "$(hex_of_output)" in
    *"$want"*) return 0 ;;
    esac
    if ! kill -0 "$qemu_pid" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
      printf 'FAIL: waiting for "%s"\n' "$1"
      dump
      exit 1
    fi
    sleep 0.1
  done
}

printf '\r\001' >&3
expect 'raw REPL; CTRL-B to exit\r\n>'
printf 'print(6*7)\004' >&3
expect 'OK42\r\n\004\004>'

# End of input: the firmware's REPL returns and QEMU exits with status 0.
exec 3>&-
waited=0
while kill -0 "$qemu_pid" 2>/dev/null && [ "$waited" -lt "$((step_timeout * 10))" ]; do
  sleep 0.1
  waited=$((waited + 1))
done
if kill -0 "$qemu_pid" 2>/dev/null; then
  echo "FAIL: QEMU still running after the end of input"
  dump
  exit 1
fi
wait "$qemu_pid"
status=$?
qemu_pid=
if [ "$status" -ne 0 ]; then
  echo "FAIL: QEMU exit status $status"
  dump
  exit 1
fi
echo "PASS: raw REPL answered print(6*7) with 42; clean exit at end of input"
exit 0
