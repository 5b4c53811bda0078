#!/bin/sh
# SPDX-License-Identifier: MIT
#
# make_exp.sh: regenerate conformance expectations from CPython.
#
# Usage: tools/make_exp.sh [PATH...]
#   PATH is a test file (X.py) or a directory searched for *.py; with no
#   argument the whole conformance/ tree is used.
#
# Each test runs with python3 from its own directory, under a timeout
# (MAKE_EXP_TIMEOUT seconds, default 10); its stdout becomes X.py.exp.
# A file is rewritten only when its content changes, and each changed file
# is printed. Skipped: tests whose first lines hold "# exp: manual", and
# any test under a directory holding a file named ".manual-exp"; those
# expectations are hand-written (board-specific behaviour).
#
# Exit status: 0 when every test ran cleanly; 1 when python3 exited
# non-zero (an uncaught exception or a timeout) on any test, each named
# on stderr. A plain-Python test must never raise uncaught under CPython.

set -u

PYTHON=${PYTHON:-python3}
TIMEOUT=${MAKE_EXP_TIMEOUT:-10}
HEADER_LINES=5          # how many leading lines may carry "# exp: manual"

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "make_exp: $PYTHON not found" >&2
    exit 2
fi
if command -v timeout >/dev/null 2>&1; then
    run_timeout="timeout $TIMEOUT"
else
    run_timeout=""
fi

# manual_dir FILE: true when FILE sits under a directory holding .manual-exp
# (searched upwards, stopping at the repository root).
manual_dir() {
    d=$(cd "$(dirname "$1")" && pwd)
    while :; do
        [ -e "$d/.manual-exp" ] && return 0
        [ "$d" = "$root" ] || [ "$d" = "/" ] && return 1
        d=$(dirname "$d")
    done
}

# manual_header FILE: true when one of the first lines says "# exp: manual".
manual_header() {
    head -n "$HEADER_LINES" "$1" | grep -q '^#[[:space:]]*exp:[[:space:]]*manual'
}

# With no argument, work from the repository root so the names printed are
# short and relative (conformance/lang/x.py).
if [ $# -eq 0 ]; then
    cd "$root" || exit 2
    set -- conformance
fi

list=$(mktemp) || exit 2
tmp=$(mktemp) || { rm -f "$list"; exit 2; }
trap 'rm -f "$list" "$tmp" "$tmp.err"' EXIT INT TERM

for p in "$@"; do
    if [ -d "$p" ]; then
        find "$p" -type f -name '*.py' | LC_ALL=C sort >>"$list"
    elif [ -f "$p" ]; then
        echo "$p" >>"$list"
    else
        echo "make_exp: no such test or directory: $p" >&2
        exit 2
    fi
done

failed=0
changed=0
total=0
skipped=0
while IFS= read -r t; do
    if manual_header "$t" || manual_dir "$t"; then
        skipped=$((skipped + 1))
        continue
    fi
    total=$((total + 1))
    dir=$(dirname "$t")
    base=$(basename "$t")
    # Hash seed pinned: output must not depend on set hash order, and tests
    # are written so it does not; pinning makes a slip reproducible rather
    # than flaky.
    (cd "$dir" && PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 \
        $run_timeout "$PYTHON" "$base") >"$tmp" 2>"$tmp.err"
    rc=$?
    if [ $rc -ne 0 ]; then
        if [ $rc -eq 124 ]; then
            echo "make_exp: FAIL $t: timed out after ${TIMEOUT}s" >&2
        else
            echo "make_exp: FAIL $t: python3 exited $rc" >&2
        fi
        sed 's/^/    /' "$tmp.err" >&2
        failed=$((failed + 1))
        rm -f "$tmp.err"
        continue
    fi
    rm -f "$tmp.err"
    if [ ! -s "$tmp" ]; then
        echo "make_exp: warning: $t printed nothing" >&2
    fi
    if [ -f "$t.exp" ] && cmp -s "$tmp" "$t.exp"; then
        continue
    fi
    cp "$tmp" "$t.exp"
    echo "updated $t.exp"
    changed=$((changed + 1))
done <"$list"

echo "make_exp: $total run, $changed updated, $skipped manual skipped, $failed failed"
[ $failed -eq 0 ] || exit 1
exit 0
