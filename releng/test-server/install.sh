#!/bin/bash
# Installs the Astrolabe IVOA test server: PostgreSQL 15 + pgsphere + q3c +
# GAVO DaCHS 2.7 (gavodachs2-server) from Debian bookworm, plus Debian's
# python3-astropy/python3-numpy for the data generator, and writes /etc/gavo.rc.
#
# Idempotent: when everything is in place it returns in well under a second.
# Non-interactive (CI=true, no stdin).  Must run as root.
#
# Environment:
#   ASTROLABE_TEST_PORT     HTTP port of DaCHS (default 18080)
#   ASTROLABE_TEST_STILTS=1 also install Debian's stilts (optional, for taplint)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
. "$HERE/common.sh"

require_root

PKGS=(postgresql-15 postgresql-client-15 postgresql-15-pgsphere postgresql-15-q3c
      gavodachs2-server python3-astropy python3-numpy curl)
if [ "${ASTROLABE_TEST_STILTS:-0}" = "1" ]; then
    PKGS+=(stilts)
fi

pkg_installed() {   # true when the package is installed AND configured
    [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)" = "installed" ]
}

dpkg_unfinished() {   # dpkg --audit lists half-installed/half-configured packages
    [ -n "$(dpkg --audit 2>/dev/null || true)" ]   # (and exits non-zero then)
}

missing_pkgs() {
    local p
    for p in "$@"; do pkg_installed "$p" || echo "$p"; done
}

write_gavo_rc() {
    local tmp
    tmp="$(mktemp)"
    cat >"$tmp" <<RC
# Written by releng/test-server/install.sh of Astrolabe -- do not edit by hand.
[general]
rootDir: /var/gavo

[web]
bindAddress: 127.0.0.1
serverPort: $PORT
serverURL: http://127.0.0.1:$PORT
sitename: Astrolabe test server
realm: Astrolabe test
sqlTimeout: 600

[ivoa]
authority: $AUTHORITY
dalDefaultLimit: 10000
dalHardLimit: 2000000

[async]
defaultMAXREC: 20000
hardMAXREC: 2000000
defaultExecTimeSync: 600
defaultExecTime: 3600
maxTAPRunning: 4
RC
    if ! cmp -s "$tmp" /etc/gavo.rc 2>/dev/null; then
        install -m 0644 "$tmp" /etc/gavo.rc
        log "wrote /etc/gavo.rc (port $PORT, authority $AUTHORITY)"
    fi
    rm -f "$tmp"
}

# ---------------------------------------------------------------- fast path
if [ -z "$(missing_pkgs "${PKGS[@]}")" ] && [ -f "$INSTALL_MARKER" ] \
   && [ "$(cat "$INSTALL_MARKER")" = "$INSTALL_VERSION" ] \
   && ! dpkg_unfinished; then
    write_gavo_rc
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-y -q --no-install-recommends -o DPkg::Lock::Timeout=300
          -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

# policy-rc.d: keep package scripts from starting daemons (there is no systemd).
POLICY=/usr/sbin/policy-rc.d
POLICY_BACKUP=""
POLICY_CREATED=0
if [ -e "$POLICY" ] && grep -qx 'exit 101' "$POLICY" && [ -x "$POLICY" ]; then
    : # already denies everything (e.g. Docker-style images)
else
    if [ -e "$POLICY" ]; then
        POLICY_BACKUP="$(mktemp)"
        cp -p "$POLICY" "$POLICY_BACKUP"
    fi
    printf '#!/bin/sh\nexit 101\n' >"$POLICY"
    chmod 0755 "$POLICY"
    POLICY_CREATED=1
fi
restore_policy() {
    if [ "$POLICY_CREATED" = 1 ]; then
        if [ -n "$POLICY_BACKUP" ]; then mv -f "$POLICY_BACKUP" "$POLICY"; else rm -f "$POLICY"; fi
    fi
}
trap restore_policy EXIT

apt_candidates_ok() {   # every package has an install candidate in the apt cache
    local p c
    for p in "$@"; do
        c="$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')"
        if [ -z "$c" ] || [ "$c" = "(none)" ]; then return 1; fi
    done
}

apt_install() {
    [ $# -gt 0 ] || return 0
    if ! apt_candidates_ok "$@"; then
        log "apt cache lacks some of: $* -- running apt-get update"
        apt-get update -q || die "apt-get update failed (no access to Debian's package mirror?)"
        apt_candidates_ok "$@" || die "package(s) not available from the configured Debian sources: $* (Debian bookworm main is required)"
    fi
    log "apt-get install $*"
    if ! apt-get install "${APT_OPTS[@]}" "$@"; then
        log "apt-get install failed; refreshing the package lists and trying once more"
        apt-get update -q || die "apt-get update failed"
        dpkg --configure -a || true
        apt-get install "${APT_OPTS[@]}" "$@" || die "apt-get install $* failed"
    fi
}

write_gavo_rc   # have the right config in place before "dachs init" runs

# Recover from an interrupted earlier attempt (half-configured packages).
if dpkg_unfinished; then
    log "dpkg reports unfinished packages; running dpkg --configure -a"
    # PostgreSQL must run and pgsphere work before DaCHS can configure
    start_postgres || true
    if pkg_installed postgresql-15-pgsphere || [ -f /usr/share/postgresql/$PG_VERSION/extension/pg_sphere.control ]; then
        ensure_pgsphere_works
    fi
    dpkg --configure -a || log "dpkg --configure -a still fails; continuing"
fi

# 1. PostgreSQL 15 + pgsphere + q3c (+ tools we use)
apt_install $(missing_pkgs postgresql-15 postgresql-client-15 postgresql-15-pgsphere postgresql-15-q3c curl)

# 2. cluster must exist and run before gavodachs2-server configures
start_postgres

# 3. pgsphere SQL fix when needed (trap: CREATE EXTENSION pg_sphere fails on some
#    PostgreSQL 15.x because of two legacy '@' operators on smoc)
ensure_pgsphere_works

# 4. DaCHS + Python libraries for the generator
apt_install $(missing_pkgs "${PKGS[@]}")

if dpkg_unfinished; then
    log "retrying dpkg --configure -a"
    dpkg --configure -a || die "dpkg --configure -a failed; see the output above"
fi
for p in "${PKGS[@]}"; do
    pkg_installed "$p" || die "package $p is not installed/configured after apt-get install"
done

# 5. sanity: the gavo database exists with the extensions DaCHS needs
su postgres -c "psql -qtAc \"select 1 from pg_database where datname='gavo'\"" | grep -q 1 \
    || die "the gavo database was not created by gavodachs2-server's configure step"
for ext in pg_sphere q3c; do
    if ! su postgres -c "psql -d gavo -qtAc \"select 1 from pg_extension where extname='$ext'\"" | grep -q 1; then
        log "creating extension $ext in database gavo"
        su postgres -c "psql -d gavo -qc 'CREATE EXTENSION IF NOT EXISTS $ext'" \
            || die "CREATE EXTENSION $ext failed in database gavo"
    fi
done

write_gavo_rc
mkdir -p "$(dirname "$INSTALL_MARKER")"
echo "$INSTALL_VERSION" >"$INSTALL_MARKER"
log "install complete"
