# Shared settings and helpers of the Astrolabe test-server scripts (sourced, not run).
# shellcheck shell=bash

PORT="${ASTROLABE_TEST_PORT:-18080}"
AUTHORITY="${ASTROLABE_TEST_AUTHORITY:-astrolabe.test}"
PG_VERSION=15
PG_CLUSTER=main
# State outside the git work tree (PID file, logs, markers).
STATE_DIR="${ASTROLABE_TEST_STATE_DIR:-/var/tmp/astrolabe-dachs}"
PID_FILE="$STATE_DIR/dachs.pid"
SERVER_LOG="$STATE_DIR/dachs-serve.log"
INSTALL_MARKER="$STATE_DIR/installed"
IMPORT_MARKER="$STATE_DIR/imported"
# Bump when install.sh changes what it sets up.
INSTALL_VERSION="astrolabe-test-server-install-1"
BASE_URL="http://127.0.0.1:$PORT"
GAVO_ROOT=/var/gavo
RES_NAME=astrolabe                     # resource directory and DB schema
RES_DIR="$GAVO_ROOT/inputs/$RES_NAME"
PYTHON=/usr/bin/python3                # Debian's, sees python3-astropy

log() { printf '[test-server %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf '[test-server] ERROR: %s\n' "$*" >&2; exit 1; }

require_root() {
    [ "$(id -u)" = 0 ] || die "must run as root (installs Debian packages, runs PostgreSQL and DaCHS)"
}

# Run a dachs command as the dachsroot account made by gavodachs2-server,
# so that files under /var/gavo stay owned by it and not by root.
dachs_as_root() {
    runuser -u dachsroot -- env HOME=/tmp dachs "$@"
}

# Trap: bookworm's pgsphere 1.1.1 (SQL version 1.2.0) defines two legacy '@'
# operators on smoc whose COMMUTATOR clash with '<@' on some PostgreSQL 15.x
# builds ("commutator operator @> is already the commutator of operator <@"),
# so CREATE EXTENSION pg_sphere -- and with it DaCHS's configure step -- fails.
# Upstream pgsphere dropped them; delete the two definitions (idempotent).
patch_pgsphere() {
    local f
    for f in /usr/share/postgresql/$PG_VERSION/extension/pg_sphere--*.sql; do
        [ -f "$f" ] || continue
        case "${f##*/pg_sphere--}" in *--*) continue ;; esac   # only install scripts, not upgrades
        if grep -Pzq 'CREATE OPERATOR @ \(\s*LEFTARG\s*=\s*(bigint|spoint),\s*RIGHTARG\s*=\s*smoc,' "$f"; then
            perl -0pi -e 's/CREATE OPERATOR @ \(\s*LEFTARG\s*=\s*(?:bigint|spoint),\s*RIGHTARG\s*=\s*smoc,.*?\);\n//gs' "$f"
            log "patched the legacy smoc '@' operators out of $f"
        fi
    done
    return 0
}

# true when CREATE EXTENSION pg_sphere works (tried in a scratch database);
# PostgreSQL must be running.
pgsphere_creatable() {
    local db=astrolabe_pgsphere_probe ok=1
    su postgres -c "psql -qX -c 'DROP DATABASE IF EXISTS $db' -c 'CREATE DATABASE $db'" >/dev/null 2>&1 || return 1
    su postgres -c "psql -qX -d $db -c 'CREATE EXTENSION pg_sphere'" >/dev/null 2>"$STATE_DIR/pgsphere-probe.err" || ok=0
    su postgres -c "psql -qX -c 'DROP DATABASE IF EXISTS $db'" >/dev/null 2>&1 || true
    [ "$ok" = 1 ]
}

# Patch pgsphere only if CREATE EXTENSION fails as it is, then make sure it works.
ensure_pgsphere_works() {
    mkdir -p "$STATE_DIR"
    pgsphere_creatable && return 0
    log "CREATE EXTENSION pg_sphere fails: $(tr '\n' ' ' <"$STATE_DIR/pgsphere-probe.err")"
    patch_pgsphere
    pgsphere_creatable \
        || die "CREATE EXTENSION pg_sphere still fails after the patch: $(cat "$STATE_DIR/pgsphere-probe.err")"
    log "CREATE EXTENSION pg_sphere works after the patch"
}

pg_running() {
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" status >/dev/null 2>&1
}

start_postgres() {
    if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$PG_VERSION $PG_CLUSTER"; then
        log "creating PostgreSQL cluster $PG_VERSION/$PG_CLUSTER"
        pg_createcluster --locale=C.UTF-8 "$PG_VERSION" "$PG_CLUSTER" >/dev/null \
            || die "pg_createcluster $PG_VERSION $PG_CLUSTER failed"
    fi
    if ! pg_running; then
        log "starting PostgreSQL $PG_VERSION/$PG_CLUSTER"
        pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start \
            || die "pg_ctlcluster $PG_VERSION $PG_CLUSTER start failed (see /var/log/postgresql/)"
    fi
}

# true when something answers /tap/availability with HTTP 200
server_up() {
    [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$BASE_URL/tap/availability" 2>/dev/null)" = 200 ]
}
