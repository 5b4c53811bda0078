#!/usr/bin/env bash
# The negative control of the conformance runner: tests whose expected
# output is deliberately wrong, or that raise, must each be reported `fail`
# with a diff, and the rig must exit 1.
# usage: negative_control.sh RIG VBOARD REPORT_DIR SELFTEST_DIR
set -u
rig=$1 vboard=$2 reports=$3 dir=$4
rm -rf "$reports"
"$rig" run --target "vboard:$vboard" --report-dir "$reports" "$dir"
status=$?
[ "$status" -eq 1 ] || { echo "negative control: rig exited $status, expected 1"; exit 1; }
report="$reports/latest/report.json"
"$rig" report --check "$report" || { echo "negative control: report does not validate"; exit 1; }
listing=$("$rig" report "$report")
echo "$listing"
for t in selftest/wrong_output.py selftest/raises.py; do
  echo "$listing" | grep -Eq "^$t +fail\b" || { echo "negative control: $t was not reported fail"; exit 1; }
done
grep -q '"diff"' "$report" || { echo "negative control: the report holds no diff"; exit 1; }
echo "negative control: both deliberately wrong tests failed, as they must"
