#!/usr/bin/env bash
# Builds Astrolabe if needed and runs it.
#   releng/run.sh                    the workbench (under Xvfb too: DISPLAY decides)
#   releng/run.sh COMMAND [ARGS...]  a headless command, e.g.
#   releng/run.sh query "SELECT TOP 5 * FROM astrolabe.sources"
# Without --service (and without $ASTROLABE_SERVICE) commands go to the local GAVO DaCHS test
# server, which is installed and started first (needs root the first time, ~2 minutes).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
source "$ROOT/releng/scripts/java-env.sh"
source "$ROOT/releng/scripts/product-env.sh"
LOCAL_TAP=http://127.0.0.1:18080/tap

stale() { # the product is missing or older than any source
  [ -x "$ASTROLABE_BIN" ] || return 0
  [ -n "$(find "$ROOT/bundles" "$ROOT/features" "$ROOT/target-platform" "$ROOT/pom.xml" \
    -newer "$ASTROLABE_BIN" -type f -not -path '*/target/*' -print -quit)" ]
}
if stale; then
  echo "run.sh: building Astrolabe (first time: a few minutes)..." >&2
  (cd "$ROOT" && ./mvnw -B -q -ntp verify -DskipTests) >&2
  touch "$ASTROLABE_BIN"
fi

uses_local=true
for a in "$@"; do [ "$a" = "--service" ] && uses_local=false; done
[ -n "${ASTROLABE_SERVICE:-}" ] && uses_local=false
if $uses_local && ! curl -sf -m 3 "$LOCAL_TAP/availability" >/dev/null 2>&1; then
  echo "run.sh: starting the local DaCHS test server..." >&2
  if [ "$(id -u)" = 0 ]; then "$ROOT/releng/test-server/ensure.sh" >&2; else sudo "$ROOT/releng/test-server/ensure.sh" >&2; fi
fi
if [ $# -eq 0 ]; then
  [ -n "${DISPLAY:-}" ] || command -v xvfb-run >/dev/null || { echo "run.sh: no DISPLAY for the workbench" >&2; exit 2; }
  export ASTROLABE_VMARGS="-Xmx4g -Dastrolabe.tap.url=${ASTROLABE_SERVICE:-$LOCAL_TAP}"
  exec "$ASTROLABE_BIN"
fi
if $uses_local; then exec "$ASTROLABE_BIN" --service "$LOCAL_TAP" "$@"; fi
exec "$ASTROLABE_BIN" "$@"
