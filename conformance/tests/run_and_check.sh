#!/usr/bin/env bash
# Runs a conformance directory on a fresh vboard and checks the report:
# the rig must exit 0 (every test pass or skip) and the report must
# validate against reports/report.schema.json.
# usage: run_and_check.sh RIG VBOARD REPORT_DIR TEST_PATH...
set -u
rig=$1 vboard=$2 reports=$3
shift 3
rm -rf "$reports"
"$rig" run --target "vboard:$vboard" --report-dir "$reports" "$@"
status=$?
"$rig" report --check "$reports/latest/report.json" || { echo "report does not validate"; exit 1; }
exit $status
