#!/bin/bash
# Starts the DaCHS server of the Astrolabe test server in the background
# (PostgreSQL first if it is down), writes $STATE_DIR/dachs.pid and waits
# until $BASE_URL/tap/availability answers 200.  Idempotent.
#
#   ASTROLABE_TEST_START_TIMEOUT   seconds to wait for the server (default 90)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$HERE/common.sh"

require_root
command -v dachs >/dev/null || die "dachs is not installed; run install.sh first"
TIMEOUT="${ASTROLABE_TEST_START_TIMEOUT:-90}"
mkdir -p "$STATE_DIR"

pid_alive() {
    [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

# PostgreSQL must be up whether or not DaCHS already runs.
start_postgres

if pid_alive && server_up; then
    exit 0    # already running
fi
if ! pid_alive && server_up; then
    log "WARNING: something already answers $BASE_URL/tap/availability but it was not started by start.sh (no live $PID_FILE); using it"
    exit 0
fi

if ! pid_alive; then
    rm -f "$PID_FILE"
    if curl -s -o /dev/null -m 2 "$BASE_URL/" 2>/dev/null; then
        die "port $PORT is taken by another program (set ASTROLABE_TEST_PORT to use another port)"
    fi
    log "starting dachs serve on $BASE_URL (log: $SERVER_LOG)"
    cd /
    # setsid: own session, so the server outlives the calling build; the inner
    # shell writes its own PID and then becomes dachs via exec.
    setsid bash -c 'echo $$ >"$1"; exec dachs serve start -f' _ "$PID_FILE" \
        </dev/null >>"$SERVER_LOG" 2>&1 &
    for _ in $(seq 1 50); do [ -s "$PID_FILE" ] && break; sleep 0.1; done
fi

deadline=$(( $(date +%s) + TIMEOUT ))
until server_up; do
    if ! pid_alive; then
        tail -n 30 "$SERVER_LOG" >&2 || true
        rm -f "$PID_FILE"
        die "dachs serve exited during start-up (log above: $SERVER_LOG, also /var/gavo/logs/)"
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
        tail -n 30 "$SERVER_LOG" >&2 || true
        die "timed out after ${TIMEOUT}s waiting for $BASE_URL/tap/availability (pid $(cat "$PID_FILE"), log $SERVER_LOG)"
    fi
    sleep 0.3
done
log "dachs is up on $BASE_URL (pid $(cat "$PID_FILE"))"
