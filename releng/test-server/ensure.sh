#!/bin/bash
# Entry point for the build: makes sure the Astrolabe IVOA test server is
# installed, holds the current test data and is running on
# http://127.0.0.1:${ASTROLABE_TEST_PORT:-18080}.  Prints the time of each step.
# A no-op check takes well under 2 s.  Must run as root (CI runs it as root).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$HERE/common.sh"

export LC_NUMERIC=C
now() { date +%s.%N; }
step() {   # step NAME SCRIPT
    local t0 t1
    t0="$(now)"
    "$HERE/$2" 9>&-   # children (postgres, dachs) must not inherit the lock
    t1="$(now)"
    printf '[test-server] %-8s %6.1f s\n' "$1" "$(awk "BEGIN{print $t1-$t0}")" >&2
}

require_root
# one ensure at a time (parallel builds): the others wait here, then find
# everything in place and return at once
mkdir -p "$STATE_DIR"
exec 9>"$STATE_DIR/ensure.lock"
flock -w 900 9 || die "another ensure.sh holds $STATE_DIR/ensure.lock for more than 15 min"

T0="$(now)"
step install install.sh
step import  import.sh
step start   start.sh
T1="$(now)"
printf '[test-server] total    %6.1f s  -> %s/tap\n' "$(awk "BEGIN{print $T1-$T0}")" "$BASE_URL" >&2
