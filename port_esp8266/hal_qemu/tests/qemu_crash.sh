#!/bin/sh
# SPDX-License-Identifier: MIT
# qemu_crash.sh RIG ELF: a CPU exception on the lx106 core, taken in the
# middle of a test, is reported by the rig as `crash` with the exception's
# cause and address.
#
# The firmware runs under QEMU through the rig's exec: transport. With
# `-append fault-after-ms=1500` (fault_inject.c) the board loads through a
# null pointer 1.5 s into the test, which sleeps 4 s between two prints;
# the exception vector runs fault.c, which prints the SDK's dump, and QEMU
# exits. Checked:
#   1. negative control, nothing armed: the same test passes (so the crash
#      below comes from the exception, not from the test or the rig);
#   2. armed: rig run exits 1, the result is `crash`, and the report holds
#      "Fatal exception 28(LoadProhibitedCause)" and "excvaddr=0x00000000"
#      with a non-zero epc1 (the faulting instruction).
set -u
here=$(cd "$(dirname "$0")" && pwd)
run="$here/../run-qemu.sh"
rig=${1:?usage: qemu_crash.sh RIG ELF}
elf=${2:?usage: qemu_crash.sh RIG ELF}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/suite"
cat >"$tmp/suite/sleep_then_print.py" <<'PY'
import time
print("before")
time.sleep(4)
print("after")
PY
printf 'before\nafter\n' >"$tmp/suite/sleep_then_print.py.exp"

fail() {
  echo "FAIL: $1"
  shift
  for f in "$@"; do
    echo "--- $f ---"
    tail -n 30 "$f"
  done
  exit 1
}

# 1. Negative control: no fault armed.
"$rig" run --target "exec:$run $elf" --report-dir "$tmp/clean" "$tmp/suite" >"$tmp/clean.log" 2>&1
status=$?
[ "$status" -eq 0 ] || fail "without a fault armed, rig run exited $status" "$tmp/clean.log"
"$rig" report "$tmp/clean/latest/report.json" >"$tmp/clean.outcomes" 2>&1
grep -q "sleep_then_print.py pass" "$tmp/clean.outcomes" ||
  fail "without a fault armed, the test did not pass" "$tmp/clean.outcomes" "$tmp/clean.log"

# 2. The exception 1.5 s into the test.
"$rig" run --target "exec:$run $elf -append fault-after-ms=1500" --report-dir "$tmp/crash" "$tmp/suite" \
  >"$tmp/crash.log" 2>&1
status=$?
[ "$status" -eq 1 ] || fail "with a fault armed, rig run exited $status (want 1)" "$tmp/crash.log"
report="$tmp/crash/latest/report.json"
"$rig" report "$report" >"$tmp/crash.outcomes" 2>&1
grep -q "sleep_then_print.py crash" "$tmp/crash.outcomes" ||
  fail "the result is not crash" "$tmp/crash.outcomes" "$tmp/crash.log"
grep -q 'Fatal exception 28(LoadProhibitedCause)' "$report" ||
  fail "the report lacks the exception cause" "$report"
grep -q 'excvaddr=0x00000000' "$report" || fail "the report lacks the faulting address" "$report"
grep -q 'epc1=0x4' "$report" || fail "the report lacks the faulting instruction (epc1)" "$report"
grep -q 'epc1=0x00000000' "$report" && fail "epc1 is zero" "$report"
echo "PASS: clean run passes; injected LoadProhibited is reported as crash with cause and address:"
grep -o 'Fatal exception 28(LoadProhibitedCause)[^"]*' "$report" | head -n 1
exit 0
