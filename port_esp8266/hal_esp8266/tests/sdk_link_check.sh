#!/bin/sh
# SPDX-License-Identifier: MIT
# sdk_link_check.sh: builds the chip image the -DESP8266_SDK way against
# sdk_stub.c (an empty stand-in for Espressif's libraries, which we do not
# have) and checks what the link made of it:
#   - the SDK's ROM script was filtered: ets_task, ets_post, ets_run and
#     the __* helpers are gone from it, the rest kept;
#   - the entry is the SDK's call_user_start at the start of IRAM and its
#     vectors sit at VECBASE + 0x10 (debug) and + 0x50 (user);
#   - ets_post is ours and in IRAM (interrupt handlers post), ets_run ours;
#   - the flash images were written and the banner says "network".
#
#   sdk_link_check.sh WORK_DIR PYFREEZE MKIMAGE [--negative]
#
# --negative: the stand-in SDK lacks lib/liblwip.a, so the configure step
# must refuse it (exit non-zero). Exit 0 when every check holds.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$1 pyfreeze=$2 mkimage=$3 negative=${4:-}
sdk=$work/stubsdk
build=$work/build
fail=0
check() { # description, then the command that must succeed
  what=$1
  shift
  if "$@" >/dev/null 2>&1; then echo "ok: $what"; else echo "FAIL: $what"; fail=1; fi
}

cc=xtensa-lx106-elf-gcc
specs=$(dirname "$(command -v $cc)")/../lib/xtensa-lx106-elf/picolibc.specs
mkdir -p "$sdk/lib" "$sdk/ld" "$build" || exit 2
$cc -std=gnu11 -mlongcalls -mtext-section-literals --specs="$specs" -Os -Wall -Wextra -Werror \
  -I"$root/port_esp8266/hal_esp8266" -c "$here/sdk_stub.c" -o "$sdk/stub.o" || exit 2
rm -f "$sdk"/lib/*.a
xtensa-lx106-elf-ar rcs "$sdk/lib/libmain.a" "$sdk/stub.o" || exit 2
for l in net80211 wpa pp phy crypto lwip; do xtensa-lx106-elf-ar rcs "$sdk/lib/lib$l.a"; done
[ "$negative" = --negative ] && rm -f "$sdk/lib/liblwip.a"
# ROM addresses in both spellings the SDK's scripts use.
cat >"$sdk/ld/eagle.rom.addr.v6.ld" <<'LD'
PROVIDE ( ets_delay_us = 0x40002ecc );
ets_post = 0x40000e24;
PROVIDE ( ets_task = 0x40000dd0 );
ets_run = 0x40000e04;
__divsi3 = 0x4000dc88;
PROVIDE ( __udivsi3 = 0x4000e21c );
SPIRead = 0x40004b1c;
LD

if ! cmake -S "$root/port_esp8266/firmware-esp8266" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DESP8266_SDK="$sdk" -DPYRITE_PYFREEZE="$pyfreeze" -DPYRITE_MKIMAGE="$mkimage" >"$work/configure.log" 2>&1; then
  echo "configure refused the SDK at $sdk (configure.log):"
  grep -m1 "ESP8266_SDK" "$work/configure.log"
  exit 1
fi
cmake --build "$build" -j1 >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }

elf=$build/pyrite-esp8266.elf
sym() { xtensa-lx106-elf-nm "$elf" | awk -v n="$1" '$3 == n { print $1 }'; }
rom=$build/sdk_rom.ld
check "ROM script keeps ets_delay_us" grep -q "ets_delay_us" "$rom"
check "ROM script keeps SPIRead" grep -q "SPIRead" "$rom"
check "ROM script drops ets_task/ets_post/ets_run/__* helpers" sh -c "! grep -Eq 'ets_(task|post|run)|__[a-z]' '$rom'"
entry=$(xtensa-lx106-elf-readelf -h "$elf" | awk '/Entry point/ { print $4 }')
check "entry is call_user_start at 0x40100000" test "$entry" = 0x40100000 -a "$(sym call_user_start)" = 40100000
check "debug vector at VECBASE+0x10" test "$(sym stub_debug_vector)" = 40100010
check "user vector at VECBASE+0x50" test "$(sym stub_user_vector)" = 40100050
post=$(sym ets_post)
check "ets_post is ours, in IRAM" sh -c "case '$post' in 401*) true;; *) false;; esac"
check "ets_run is ours, not the ROM's" sh -c "test -n '$(sym ets_run)' -a '$(sym ets_run)' != 40000e04"
check "hal_sdk_yield linked" test -n "$(sym hal_sdk_yield)"
check "flash images written" test -s "$build/pyrite-esp8266.bin" -a -s "$build/pyrite-esp8266-0x00000.bin"
check "banner says network" grep -aq "network: Espressif SDK" "$build/pyrite-esp8266.bin"
xtensa-lx106-elf-size -A "$elf" | grep -E '^\.(iram|data|bss|irom)'
[ $fail = 0 ] && echo "PASS" || echo "FAILED"
exit $fail
