#!/bin/sh
# SPDX-License-Identifier: MIT
# run-qemu.sh ELF [extra qemu options]: boots a Pyrite image for the QEMU
# board with its console on this process's stdin and stdout, for a person
# or the rig's exec: transport:
#   exec:port_esp8266/hal_qemu/run-qemu.sh build-qemu/pyrite-qemu.elf
#
# The image's console is semihosting read/write on QEMU's own fds 0 and 1,
# so QEMU itself must not touch stdio: no monitor, no serial port, no
# display, no default devices. The exit status is the image's (0 at the end
# of input, 3 after a fatal CPU exception) or QEMU's own.
#
# -icount shift=5: every instruction advances the virtual clock by 32 ns,
# and QEMU's lx106 counts CCOUNT at 40 MHz, so CCOUNT gains 1.28 per
# instruction: at the 80 MHz the firmware assumes, about 62 million
# instructions per second, near a real lx106, and the same on every run.
# QEMU_ICOUNT overrides the shift (e.g. QEMU_ICOUNT=0 for a fast clock).
set -e
if [ $# -lt 1 ]; then
  echo "usage: $0 ELF [qemu options...]" >&2
  exit 2
fi
elf=$1
shift
if [ ! -f "$elf" ]; then
  echo "$0: no such image: $elf" >&2
  exit 2
fi
set -- "${QEMU:-qemu-system-xtensa}" -M sim -cpu lx106 -semihosting \
  -display none -monitor none -serial none -nodefaults \
  -icount "shift=${QEMU_ICOUNT:-5}" \
  -kernel "$elf" "$@"

# Pipes (the rig): hand over to QEMU.
if [ ! -t 0 ]; then
  exec "$@"
fi

# A terminal: pass every key through as a serial terminal would (Ctrl-C
# reaches Python), except Ctrl-], which ends QEMU. The terminal's settings
# come back afterwards.
saved=$(stty -g)
trap 'stty "$saved"' EXIT
stty raw -echo isig intr '^]' quit undef susp undef
echo "[run-qemu: Ctrl-] quits]" >&2
status=0
"$@" || status=$?
exit "$status"
