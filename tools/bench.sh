#!/usr/bin/env bash
# Runs bench/*.py on `vboard run` and on python3 in one invocation, checks
# that both print the same, and prints each time ratio (ours / CPython) and
# the geometric mean. Each side runs REPEAT times; the fastest run counts.
# usage: tools/bench.sh VBOARD [BENCH...]   (REPEAT=3 by default)
set -u
vboard=${1:?usage: tools/bench.sh VBOARD [BENCH...]}
shift
repeat=${REPEAT:-3}
heap=${BENCH_HEAP:-16M}
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- bench/*.py

now_ns() { date +%s%N; }

# Prints the fastest time in ms of REPEAT runs of "$@"; the output of the
# last run goes to the file named by $out. The time is the CPU time (user +
# system) when /usr/bin/time is there, since wall time swings with the
# machine's load; else wall time (BENCH_CLOCK=wall forces it).
best_ms() {
  local best=0 i s e ms
  for ((i = 0; i < repeat; i++)); do
    if [ "$clock" = cpu ]; then
      /usr/bin/time -f '%U %S' -o "$out.time" "$@" >"$out" 2>&1
      ms=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$out.time")
    else
      s=$(now_ns)
      "$@" >"$out" 2>&1
      e=$(now_ns)
      ms=$(((e - s) / 1000000))
    fi
    if [ "$best" -eq 0 ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

clock=${BENCH_CLOCK:-cpu}
[ -x /usr/bin/time ] || clock=wall

echo "clock: $clock time, best of $repeat"
printf '%-20s %10s %10s %8s\n' benchmark "ours ms" "cpython ms" ratio
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ratios=() bad=0
for b in "$@"; do
  name=$(basename "$b" .py)
  out=$tmp/ours ours=$(best_ms "$vboard" run --heap "$heap" "$b")
  out=$tmp/ref ref=$(best_ms python3 "$b")
  if ! cmp -s "$tmp/ours" "$tmp/ref"; then
    printf '%-20s %10s %10s %8s\n' "$name" "$ours" "$ref" "DIFFERS"
    diff "$tmp/ref" "$tmp/ours" | head -5 | sed 's/^/    /'
    bad=1
    continue
  fi
  ratio=$(awk -v a="$ours" -v b="$ref" 'BEGIN { if (b < 1) b = 1; printf "%.3f", a / b }')
  ratios+=("$ratio")
  printf '%-20s %10s %10s %8s\n' "$name" "$ours" "$ref" "$ratio"
done
if [ ${#ratios[@]} -gt 0 ]; then
  printf '%s\n' "${ratios[@]}" | awk '{ s += log($1); n++ } END { printf "geometric mean of %d ratios: %.3f (target <= 0.75)\n", n, exp(s / n) }'
fi
[ "$bad" -eq 0 ] || { echo "some benchmarks printed a different result from CPython"; exit 1; }
