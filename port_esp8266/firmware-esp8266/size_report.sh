#!/bin/sh
# SPDX-License-Identifier: MIT
# size_report.sh: the chip image's size and memory report, and its budgets.
#
#   size_report.sh CHIP_ELF FLASH_BIN QEMU_ELF REPL_EXEC RUN_QEMU
#
# CHIP_ELF   the ESP8266 image's ELF (pyrite-esp8266.elf)
# FLASH_BIN  its combined flash file (pyrite-esp8266.bin, made by esp_mkimage)
# QEMU_ELF   the same firmware for QEMU (pyrite-qemu.elf): free heap is
#            measured by booting it, as the chip has no emulator here
# REPL_EXEC  the rig's repl_exec program (harness/examples/repl_exec.c)
# RUN_QEMU   port_esp8266/hal_qemu/run-qemu.sh
#
# Prints each section (size and address), text/data/bss, IRAM against its
# 32 KiB, DRAM, the flash image, and the free GC heap after boot
# (gc.mem_free() over the raw REPL). Budgets (bytes; the environment may
# override them, which is how the negative control tightens them):
#   IRAM_BUDGET   32768   code in IRAM may not exceed the chip's 32 KiB
#   IMAGE_BUDGET  524288  the flash image without WiFi, 512 KiB
#   HEAP_MIN      33792   free heap after boot, of the 38 KiB heap
# CHECK=static skips the heap (no QEMU run), CHECK=heap skips the rest;
# the default, CHECK=all, reports and checks everything.
# Exit status: 0 within every budget, 1 any over (each named on a line
# "over budget: ..." and counted in "budgets: N over"), 2 usage/missing file.
set -u
if [ $# -ne 5 ]; then
  echo "usage: $0 CHIP_ELF FLASH_BIN QEMU_ELF REPL_EXEC RUN_QEMU" >&2
  exit 2
fi
elf=$1 flash=$2 qemu_elf=$3 repl_exec=$4 run_qemu=$5
iram_budget=${IRAM_BUDGET:-32768}
image_budget=${IMAGE_BUDGET:-524288}
heap_min=${HEAP_MIN:-33792}
check=${CHECK:-all}
size_tool=${LX106_SIZE:-xtensa-lx106-elf-size}
needed="$elf $flash"
[ "$check" = static ] || needed="$needed $qemu_elf $repl_exec $run_qemu"
for f in $needed; do
  if [ ! -e "$f" ]; then
    echo "size_report: missing $f" >&2
    exit 2
  fi
done

over=0
budget() { # NAME VALUE LIMIT KIND(max|min)
  if { [ "$4" = max ] && [ "$2" -gt "$3" ]; } || { [ "$4" = min ] && [ "$2" -lt "$3" ]; }; then
    echo "over budget: $1 $2 B (budget: $4 $3 B)"
    over=$((over + 1))
  else
    echo "within budget: $1 $2 B ($4 $3 B)"
  fi
}

echo "== $(basename "$elf") =="
"$size_tool" -A -d "$elf" | awk 'NR > 2 && NF == 3 && $1 !~ /^\.(debug|xt|xtensa)/ {
  printf "  %-16s %8d B  at 0x%08x\n", $1, $2, $3 }'
"$size_tool" -B "$elf" | sed 's/^/  /'

# Section sizes by name, decimal (size -A -d).
section() { "$size_tool" -A -d "$elf" | awk -v s="$1" '$1 == s { print $2; f = 1 } END { if (!f) print 0 }'; }
iram=$(section .iram.text)
data=$(section .data)
bss=$(section .bss)
irom=$(($(section .irom0.text) + $(section .irom0.rodata)))
image=$(wc -c <"$flash" | tr -d ' ')
echo "IRAM   $iram B of 32768 ($((iram * 100 / 32768))%)"
echo "DRAM   $((data + bss)) B of 81920: .data $data B (with the interned names and libc tables), .bss $bss B (38912 B of it the GC heap)"
echo "irom0  $irom B"
echo "image  $image B for flash 0 ($(basename "$flash"))"

if [ "$check" != heap ]; then
  budget IRAM "$iram" "$iram_budget" max
  budget image "$image" "$image_budget" max
fi
if [ "$check" = static ]; then
  echo "budgets: $over over"
  [ "$over" -eq 0 ]
  exit
fi

# Free heap after boot: the QEMU build of the same firmware, through the
# rig's raw REPL client. A collection first, so only live objects count.
out=$("$repl_exec" "exec:$run_qemu $qemu_elf" "import gc; gc.collect(); print(gc.mem_free())" 2>&1)
heap=$(printf '%s\n' "$out" | tr -d '\r' | grep -E '^[0-9]+$' | tail -n 1)
if [ -z "$heap" ]; then
  echo "free heap: could not read gc.mem_free() from QEMU:"
  printf '%s\n' "$out" | tail -n 5
  heap=0
fi
echo "heap   $heap B free after boot of 38912 (QEMU lx106, same heap as the chip)"

budget "free heap" "$heap" "$heap_min" min
echo "budgets: $over over"
[ "$over" -eq 0 ]
