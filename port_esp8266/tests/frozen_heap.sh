#!/bin/sh
# SPDX-License-Identifier: MIT
# frozen_heap.sh VBOARD [HEAP MODULE...]: imports each frozen MODULE in a
# fresh `vboard run` with a GC heap of HEAP bytes (default: vboard's own,
# 38K as on the chip) and prints gc.mem_free() before and after. Fails
# unless every import succeeds. Frozen modules are loaded as compiled code
# (runtime/persist.c); compiling them from source needed 34K (asyncio) to
# 155K (mqtt) of heap on this 64-bit host.
#
# Negative control: `frozen_heap.sh VBOARD 16K socket` must fail.
set -u
vboard=$1
shift
heap_opt=""
if [ $# -gt 0 ]; then
  [ "$1" != "default" ] && heap_opt="--heap $1"
  shift
fi
modules=${*:-socket network asyncio http webrepl}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
for m in $modules; do
  cat > "$dir/imp_$m.py" <<PY
import gc
gc.collect()
before = gc.mem_free()
import $m
gc.collect()
print("import $m: mem_free", before, "->", gc.mem_free())
PY
  # shellcheck disable=SC2086
  out=$("$vboard" run $heap_opt "$dir/imp_$m.py" 2>&1)
  case "$out" in
  "import $m: mem_free "*) echo "$out" ;;
  *)
    echo "import $m FAILED:"
    echo "$out" | tail -3
    status=1
    ;;
  esac
done
exit $status
