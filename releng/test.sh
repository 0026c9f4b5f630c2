#!/usr/bin/env bash
# Astrolabe's whole test suite, from a fresh machine of this kind:
#   1. installs what is missing (Xvfb, GTK, the GAVO DaCHS test server with its data) and starts the server,
#   2. builds everything and runs the unit, OSGi, UI (under Xvfb) and integration tests,
#   3. installs the built update site into a non-Astrolabe host runtime with the p2 director and checks it,
#   4. runs the built product's astrolabe command against the local server as a user would.
# Prints the time each phase took and ends with "N passed, M failed".
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
source releng/scripts/java-env.sh
START=$(date +%s)
declare -a PHASES=()
phase() { # phase NAME COMMAND...
  local name=$1; shift
  local t0=$(date +%s)
  echo "=== $name"
  "$@"
  local rc=$?
  local dt=$(( $(date +%s) - t0 ))
  PHASES+=("$(printf '%-28s %5ss  %s' "$name" "$dt" "$([ $rc -eq 0 ] && echo ok || echo "FAILED ($rc)")")")
  if [ $rc -ne 0 ]; then summary; echo "test.sh: phase '$name' failed" >&2; exit $rc; fi
}
summary() {
  echo "=== phases"
  printf '%s\n' "${PHASES[@]}"
  echo "total                        $(( $(date +%s) - START ))s"
}

phase "system packages" releng/scripts/system-packages.sh
phase "local DaCHS test server" releng/test-server/ensure.sh
phase "build and tests (Maven)" xvfb-run -a -s "-screen 0 1280x1024x24" ./mvnw -B -ntp clean verify \
  -Dastrolabe.test.requireServer=true
phase "update-site installation" releng/scripts/update-site-test.sh
phase "product command line" releng/scripts/product-test.sh
summary
releng/scripts/count-tests.sh
