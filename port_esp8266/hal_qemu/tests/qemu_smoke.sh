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
elf=${1:?usage: qemu_smoke.sh ELF}
step_timeout=${QEMU_SMOKE_TIMEOUT:-20}
. "$(cd "$(dirname "$0")" && pwd)/qemu_console.sh"

printf '\r\001' >&3
expect 'raw REPL; CTRL-B to exit\r\n>'
printf 'print(6*7)\004' >&3
expect 'OK42\r\n\004\004>'

end_of_input
echo "PASS: raw REPL answered print(6*7) with 42; clean exit at end of input"
exit 0
