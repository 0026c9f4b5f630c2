#!/usr/bin/env bash
# UI benchmark (issue 7): the Results view with a 1,000,000-row result. Runs the UI test class
# ResultsViewBenchmark (bundles/org.astrolabe.ui.tests; not part of the normal test run) in a real
# workbench under Xvfb: the 1,000,000 rows of astrolabe.sources are fetched once through the real
# TAP client, then 5 times the result is handed to the Results view and timed until its first rows
# are painted, and a jump to the last row is timed until that row is painted.
# Targets: first rows within 1 s of the data's arrival; last row within 0.5 s.
# Needs the local DaCHS server (releng/test-server/ensure.sh), xvfb-run and the Maven cache.
#
#   releng/benchmarks/ui-bench.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
curl -sf -m 5 http://127.0.0.1:18080/tap/availability >/dev/null \
  || { echo "ui-bench: no DaCHS server at http://127.0.0.1:18080 (releng/test-server/ensure.sh)" >&2; exit 2; }
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
xvfb-run -a -s "-screen 0 1280x1024x24" ./mvnw -B -o clean verify \
  -pl target-platform,bundles/org.astrolabe.core,bundles/org.astrolabe.tap,bundles/org.astrolabe.ui,bundles/org.astrolabe.ui.tests \
  -Dtest=ResultsViewBenchmark -Dsurefire.failIfNoSpecifiedTests=false >"$LOG" 2>&1 || {
    tail -40 "$LOG" >&2; echo "ui-bench: the benchmark run failed" >&2; exit 1; }
grep -h "UI-BENCH" "$LOG" "$ROOT"/bundles/org.astrolabe.ui.tests/target/surefire-reports/*.txt 2>/dev/null | sort -u
grep -q "UI-BENCH median" "$LOG" || { echo "ui-bench: no figures (see the surefire reports)" >&2; exit 1; }
