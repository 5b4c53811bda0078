#!/usr/bin/env bash
# Runs conformance tests on a target and checks the report: the rig must
# exit 0 (every test pass or skip) and the report must validate against
# reports/report.schema.json.
# usage: run_and_check.sh RIG TARGET REPORT_DIR TEST_PATH...
set -u
rig=$1 target=$2 reports=$3
shift 3
rm -rf "$reports"
"$rig" run --target "$target" --report-dir "$reports" "$@"
status=$?
"$rig" report --check "$reports/latest/report.json" || { echo "report does not validate"; exit 1; }
exit $status
