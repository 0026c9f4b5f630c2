#!/usr/bin/env bash
# Installs Astrolabe from the built update site into a host runtime that is not Astrolabe
# (Eclipse platform + p2, built by releng/host/org.astrolabe.host) with the host's own p2 director,
# then starts the host and runs the installation check inside it against a TAP service.
# Usage: update-site-test.sh [TAP_URL]     (default: the local DaCHS test server)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/releng/scripts/java-env.sh"
source "$ROOT/releng/scripts/checks.sh"
CHECKS_SUITE=update-site-installation
CHECKS_DIR="$ROOT/releng/host/org.astrolabe.host/target/script-tests"
TAP=${1:-http://127.0.0.1:18080/tap}
SITE_ZIP=$(ls "$ROOT"/releng/org.astrolabe.repository/target/astrolabe-update-site-*.zip)
HOST_BUILD="$ROOT/releng/host/org.astrolabe.host/target/products/org.astrolabe.host/linux/gtk/x86_64"
CHECK_REPO="$ROOT/releng/host/org.astrolabe.host/target/repository"
WORK="$ROOT/releng/host/org.astrolabe.host/target/install-test"
[ -f "$SITE_ZIP" ] && [ -d "$HOST_BUILD" ] || { echo "update-site-test: build first (./mvnw verify)" >&2; exit 2; }

rm -rf "$WORK" && mkdir -p "$WORK/site"
cp -r "$HOST_BUILD" "$WORK/host"
(cd "$WORK/site" && unzip -q "$SITE_ZIP")
HOST="$WORK/host"
LAUNCHER=$(ls "$HOST"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
run_host() { java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$LAUNCHER" -install "$HOST" \
  -configuration "$HOST/configuration" -data "$WORK/workspace" -nosplash "$@"; }

before=$(ls "$HOST/plugins" | grep -c '^org\.astrolabe\.' || true)
echo "update-site-test: host has $(ls "$HOST/plugins" | wc -l) plugins, $before of them Astrolabe's"
echo "update-site-test: p2 director installs org.astrolabe.feature from $(basename "$SITE_ZIP")"
run_host -application org.eclipse.equinox.p2.director \
  -repository "file:$WORK/site,file:$CHECK_REPO" \
  -installIU org.astrolabe.feature.feature.group,org.astrolabe.hostcheck \
  -destination "$HOST" -profile HostProfile
r=$?; checks_record "p2 director installs org.astrolabe.feature from the update site" "$r"
after=$(ls "$HOST/plugins" | grep -c '^org\.astrolabe\.' || true)
[ "$before" -eq 0 ] && [ "$after" -ge 4 ]
r=$?; checks_record "host had no Astrolabe plugins before ($before) and has them after ($after)" "$r"
echo "update-site-test: starting the host and checking the services against $TAP"
out=$(run_host -application org.astrolabe.hostcheck.app "$TAP" 2>&1); rc=$?
echo "$out"
while IFS= read -r line; do
  case "$line" in
    "ok   "*) checks_record "in host: ${line#ok   }" 0 ;;
    "FAIL "*) checks_record "in host: ${line#FAIL }" 1 ;;
  esac
done <<<"$out"
checks_record "installation check application exits 0 in the host" "$rc"
checks_report
