#!/bin/sh
# SPDX-License-Identifier: MIT
# qemu_board.sh ELF: the board models of hal_qemu under the firmware, over
# the raw REPL: pins (a pull-up, an output's own edge raising its
# interrupt), the RAM flash and the RTC memory kept across resets, and the
# reset causes: power-on first, DEEPSLEEP after esp.deepsleep (GPIO16 is
# wired to RST on this board), SOFT after machine.reset(). The two resets
# are each other's control: a run that mixed the causes up fails.
# On failure it prints what the board said and exits 1.
set -u
elf=${1:?usage: qemu_board.sh ELF}
step_timeout=${QEMU_BOARD_TIMEOUT:-20}
. "$(cd "$(dirname "$0")" && pwd)/qemu_console.sh"

printf '\r\001' >&3
expect 'raw REPL; CTRL-B to exit\r\n>'
printf 'import machine, esp\nprint("cause", machine.reset_cause())\004' >&3
expect 'OKcause 0\r\n\004\004>'
printf 'p = machine.Pin(4, machine.Pin.OUT, value=0)\nn = []\np.irq(handler=lambda x: n.append(x.value()), trigger=machine.Pin.IRQ_RISING)\np.on(); p.off(); p.on()\nmachine.idle()\nprint("pins", n, machine.Pin(5, machine.Pin.IN, machine.Pin.PULL_UP)(), machine.Pin(5, machine.Pin.IN)())\004' >&3
expect 'OKpins [1] 1 0\r\n\004\004>'
printf 'esp.flash_erase(1000)\nesp.flash_write(1000 * 4096, b"PyRt")\nmachine.RTC().memory(b"kept")\nprint("set")\004' >&3
expect 'OKset\r\n\004\004>'

fresh
printf 'esp.deepsleep(300000)\004' >&3
expect 'Type "help()"'
printf '\r\001' >&3
expect 'raw REPL; CTRL-B to exit\r\n>'
printf 'import machine, esp\nprint("after sleep", machine.reset_cause(), machine.RTC().memory(), esp.flash_read(1000 * 4096, 4))\004' >&3
expect "OKafter sleep 5 b'kept' b'PyRt'\r\n"

fresh
printf 'machine.reset()\004' >&3
expect 'Type "help()"'
printf '\r\001' >&3
expect 'raw REPL; CTRL-B to exit\r\n>'
printf 'import machine\nprint("after reset", machine.reset_cause())\004' >&3
expect 'OKafter reset 4\r\n'

end_of_input
echo "PASS: pins, flash, RTC memory and reset causes (power-on, deep sleep, soft)"
exit 0
