#!/bin/sh
# SPDX-License-Identifier: MIT
# standin_check.sh ELF: runs the stand-in program (standin_main.c) in QEMU
# and checks the QEMU board without the interpreter: start-up and .data,
# the arithmetic helpers, the console, a receive timeout, a soft reset
# (reset cause survives, .bss is zeroed again), the fault report, and the
# exit statuses (0 at end of input, 7 from the program, 3 after a fault).
set -u
here=$(cd "$(dirname "$0")" && pwd)
run="$here/../run-qemu.sh"
elf=${1:?usage: standin_check.sh ELF}
failures=0

# has TEXT OUTPUT: OUTPUT contains the line TEXT ("\r" stripped).
has() {
  if printf '%s\n' "$2" | tr -d '\r' | grep -qxF -- "$1"; then return 0; fi
  echo "FAIL: no line \"$1\""
  failures=$((failures + 1))
}

status_is() {
  if [ "$1" -ne "$2" ]; then
    echo "FAIL: exit status $1, expected $2 ($3)"
    failures=$((failures + 1))
  fi
}

# 1: boot, helpers, echo, a 300 ms receive timeout, a soft reset, then a
#    null-pointer load.
out=$( (printf 'x'; printf 'w'; sleep 1; printf 'r'; sleep 0.5; printf 'n') | "$run" "$elf")
status=$?
printf '%s\n' "$out"
has "stand-in on ESP module (QEMU lx106) with ESP8266" "$out"
has "reset cause power-on" "$out"
has "div32 -10309 mod32 -30 udiv32 1333333333 umod32 1 div64 -123456418 mod64 -643091 mul64 5670049133254824277" "$out"
has "double -50000 0 inf float 1075" "$out"
has "printf -0.30000000000000004 1e-310 1.732e+00 57.665" "$out"
has "setjmp ok" "$out"
has "[x]timeout after_ms 300" "$out"
has "resetting" "$out"
has "reset cause soft" "$out"
if [ "$(printf '%s\n' "$out" | tr -d '\r' | grep -cxF "data 42 bss 1")" -ne 2 ]; then
  echo "FAIL: .data/.bss not set up afresh on both boots"
  failures=$((failures + 1))
fi
has "Fatal exception 28(LoadProhibitedCause):" "$out"
if ! printf '%s\n' "$out" | tr -d '\r' |
  grep -qE '^epc1=0x4[0-9a-f]{7}, epc2=0x00000000, epc3=0x00000000, excvaddr=0x00000000, depc=0x00000000$'; then
  echo "FAIL: no epc1/excvaddr line"
  failures=$((failures + 1))
fi
status_is "$status" 3 "fatal exception"

# 2: input ends at once: the program sees BOARD_RX_CLOSED, even in a wait.
out=$(printf 'tw' | "$run" "$elf")
status=$?
has "closed after_ms 0" "$out"
has "EOF" "$out"
status_is "$status" 0 "end of input"

# 3: the program's own exit status; a store through null; misalignment.
printf 'q' | "$run" "$elf" >/dev/null
status_is $? 7 "program exit"
out=$(printf 's' | "$run" "$elf")
status=$?
has "Fatal exception 29(StoreProhibitedCause):" "$out"
status_is "$status" 3 "null store"
out=$(printf 'a' | "$run" "$elf")
has "Fatal exception 9(LoadStoreAlignmentCause):" "$out"

# 4: a C stack overflow is reported at the next console call; the stack
#    report (QEMU -append stack-report) goes to stderr.
out=$(printf 'o' | "$run" "$elf")
status=$?
has "Fatal: C stack overflow (8 KiB below 0x40000000)" "$out"
status_is "$status" 3 "stack overflow"
err=$(printf 't' | "$run" "$elf" -append stack-report 2>&1 >/dev/null)
if ! printf '%s\n' "$err" | grep -qE '^hal_qemu: C stack peak [0-9]+ of 8192 bytes$'; then
  echo "FAIL: no stack report on stderr: $err"
  failures=$((failures + 1))
fi

if [ "$failures" -ne 0 ]; then
  echo "FAIL: $failures checks failed"
  exit 1
fi
echo "PASS: stand-in checks"
