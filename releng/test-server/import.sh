#!/bin/bash
# Imports the Astrolabe test data into DaCHS (RD astrolabe/q): the 1,000,000-row
# catalogue astrolabe.sources, the images/cube in astrolabe.images + ivoa.ObsCore,
# the test users.  Idempotent: skipped when the marker file holds the hash of
# the current RD, generator, scripts and /etc/gavo.rc and the tables exist.
#
#   ASTROLABE_TEST_FORCE_IMPORT=1   re-import even if the marker matches
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$HERE/common.sh"

require_root
command -v dachs >/dev/null || die "dachs is not installed; run install.sh first"

data_version() {
    cat "$HERE/q.rd" "$HERE/caom2.rd" "$HERE/gen_data.py" "$HERE/import.sh" "$HERE/defaultmeta.txt" \
        "$HERE/userconfig.rd" /etc/gavo.rc 2>/dev/null | sha256sum | cut -c1-16
}

psql_gavo() {   # psql_gavo SQL -> prints the single result value
    su postgres -c "psql -d gavo -qtAX -c \"$1\"" 2>/dev/null
}

tables_present() {
    [ "$(psql_gavo "select count(*) from pg_class c join pg_namespace n on n.oid=c.relnamespace where (n.nspname='astrolabe' and c.relname in ('sources','images')) or (n.nspname='ivoa' and c.relname='obscore') or (n.nspname='caom2' and c.relname='plane')")" = 4 ]
}

start_postgres   # no-op when running; needed to look at the tables anyway
VERSION="$(data_version)"
if [ "${ASTROLABE_TEST_FORCE_IMPORT:-0}" != 1 ] && [ -f "$IMPORT_MARKER" ] \
   && [ "$(cat "$IMPORT_MARKER")" = "$VERSION" ] && tables_present; then
    exit 0
fi

mkdir -p "$STATE_DIR"
IMPORT_LOG="$STATE_DIR/import.log"
: >"$IMPORT_LOG"
cd /   # dachs runs as dachsroot, who may not read the caller's cwd

log "importing test data (version $VERSION)"

# 1. site metadata (publisher, contact) used by VOSI/registry documents
install -o dachsroot -g gavo -m 0664 "$HERE/defaultmeta.txt" "$GAVO_ROOT/etc/defaultmeta.txt"
# TAP examples (/tap/examples) live in the site's userconfig.rd
install -o dachsroot -g gavo -m 0664 "$HERE/userconfig.rd" "$GAVO_ROOT/etc/userconfig.rd"

# 2. resource directory: RD + deterministic FITS products
mkdir -p "$RES_DIR/data"
install -m 0664 "$HERE/q.rd" "$RES_DIR/q.rd"
install -m 0664 "$HERE/caom2.rd" "$RES_DIR/caom2.rd"
# the local registry document (CADC's resource-caps format), served by caom2.rd's static service
mkdir -p "$RES_DIR/static"
cat >"$RES_DIR/static/resource-caps" <<RESCAPS
# Astrolabe test registry: IVOA identifier = VOSI capabilities URL (written by import.sh)
ivo://$AUTHORITY/caom2tap = $BASE_URL/tap/capabilities
ivo://$AUTHORITY/caom2ops = $BASE_URL/astrolabe/q/dl/capabilities
ivo://$AUTHORITY/tap = $BASE_URL/tap/capabilities
RESCAPS
rm -f "$RES_DIR"/data/*.fits
"$PYTHON" "$HERE/gen_data.py" "$RES_DIR/data" \
    || die "gen_data.py failed (needs Debian's python3-astropy: run install.sh)"
chown -R dachsroot:gavo "$RES_DIR"
chmod -R g+rwX,o+rX "$RES_DIR"

# 3. ObsCore (once per database), then our RD, then publication
if [ "$(psql_gavo "select count(*) from pg_class c join pg_namespace n on n.oid=c.relnamespace where n.nspname='ivoa' and c.relname='obscore'")" != 1 ]; then
    log "dachs imp //obscore"
    dachs_as_root imp //obscore >>"$IMPORT_LOG" 2>&1 || die "dachs imp //obscore failed (see $IMPORT_LOG)"
fi
log "dachs imp $RES_NAME/q"
if ! dachs_as_root imp "$RES_NAME/q" >>"$IMPORT_LOG" 2>&1; then
    tail -n 40 "$IMPORT_LOG" >&2
    die "dachs imp $RES_NAME/q failed (full log: $IMPORT_LOG)"
fi
dachs_as_root pub "$RES_NAME/q" >>"$IMPORT_LOG" 2>&1 || die "dachs pub $RES_NAME/q failed (see $IMPORT_LOG)"
log "dachs imp $RES_NAME/caom2"
if ! dachs_as_root imp "$RES_NAME/caom2" >>"$IMPORT_LOG" 2>&1; then
    tail -n 40 "$IMPORT_LOG" >&2
    die "dachs imp $RES_NAME/caom2 failed (full log: $IMPORT_LOG)"
fi

# 4. test users: astro (in group astrolabe) and other (not in it)
ensure_user() {   # ensure_user NAME PASSWORD
    if dachs_as_root adm listusers 2>/dev/null | grep -q "^$1 "; then
        dachs_as_root adm changeuser "$1" "$2" >/dev/null
    else
        dachs_as_root adm adduser "$1" "$2" >/dev/null
    fi
}
ensure_user astro stargazer
ensure_user other otherpw
if ! dachs_as_root adm listusers | grep -q '^astro .*astrolabe'; then
    dachs_as_root adm addtogroup astro astrolabe >/dev/null
fi

# 5. sanity check of the known answers straight from the database
n="$(psql_gavo "select count(*) from astrolabe.sources")"
[ "$n" = 1000000 ] || die "astrolabe.sources has $n rows, expected 1000000"
n="$(psql_gavo "select count(*) from ivoa.obscore where obs_collection='astrolabe-sim'")"
[ "$n" = 5 ] || die "ivoa.obscore has $n astrolabe rows, expected 5"
n="$(psql_gavo "select count(*) from caom2.plane")"
[ "$n" = 5 ] || die "caom2.plane has $n rows, expected 5"

mkdir -p "$STATE_DIR"
echo "$VERSION" >"$IMPORT_MARKER"
log "import complete"

# 6. a running server caches site metadata and //tap (examples): restart it
if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    log "restarting the running dachs server to pick up the new data"
    "$HERE/stop.sh"
    "$HERE/start.sh"
fi
