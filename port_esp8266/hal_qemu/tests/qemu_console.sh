# SPDX-License-Identifier: MIT
# qemu_console.sh: sourced by the QEMU console tests (qemu_smoke.sh,
# qemu_board.sh). Starts the firmware ELF [elf] in QEMU with its console on
# a fifo this shell holds open as fd 3 (so the firmware sees a live input
# that ends only when the script closes it) and its output in "$tmp/out",
# and gives the helpers below. The sourcing script sets elf and
# step_timeout (seconds a step may take) first.
here=$(cd "$(dirname "$0")" && pwd)
run="$here/../run-qemu.sh"

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
  od -c "$tmp/out" | tail -n 30
  echo "--- qemu stderr ---"
  cat "$tmp/err"
}

# expect TEXT: waits until the output holds TEXT (printf escapes); on
# timeout or a dead QEMU prints what the board said and exits 1.
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

# Forgets the output so far, so that the next expect sees only new text.
fresh() { : >"$tmp/out"; }

# end_of_input: closes the console; the firmware's REPL returns and QEMU
# must exit with status 0 within step_timeout, else prints what the board
# said and exits 1.
end_of_input() {
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
}
