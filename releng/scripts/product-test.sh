#!/usr/bin/env bash
# Uses the built product's astrolabe command as a new user would (empty ASTROLABE_HOME, another
# current directory) against the local DaCHS server: rows printed, exit codes and one-line errors
# for a bad TAP URL, an unreachable host, an unknown host and malformed ADQL, and the workbench
# opening under Xvfb (screenshot saved in the product module's target/screenshots).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/releng/scripts/java-env.sh"
source "$ROOT/releng/scripts/checks.sh"
source "$ROOT/releng/scripts/product-env.sh"
CHECKS_SUITE=product-command-line
CHECKS_DIR="$ROOT/releng/org.astrolabe.product/target/script-tests"
TAP=${1:-http://127.0.0.1:18080/tap}
[ -x "$ASTROLABE_BIN" ] || { echo "product-test: build the product first (./mvnw verify)" >&2; exit 2; }

export ASTROLABE_HOME=$(mktemp -d /tmp/astrolabe-home.XXXXXX)
CWD=$(mktemp -d /tmp/astrolabe-cwd.XXXXXX)
cd "$CWD"
OUT=$(mktemp); ERR=$(mktemp)
run() { "$ASTROLABE_BIN" "$@" >"$OUT" 2>"$ERR"; echo $?; }
one_clear_line() { # stderr is exactly one line starting "astrolabe:" and no stack trace
  [ "$(wc -l <"$ERR")" -eq 1 ] && grep -q '^astrolabe: ' "$ERR" && ! grep -q 'Exception\|	at ' "$ERR"
}

rc=$(run --service "$TAP" availability)
[ "$rc" = 0 ] && grep -q 'available: true' "$OUT"
r=$?; checks_record "availability of the local server (exit $rc)" "$r" "$(cat "$ERR")"

rc=$(run --service "$TAP" query "SELECT TOP 5 source_id, ra, dec, src_class FROM astrolabe.sources ORDER BY source_id")
[ "$rc" = 0 ] && grep -q '| 1 *| 175.005 *| -4.995 *| star' "$OUT" && [ "$(grep -c '^| [0-9]' "$OUT")" -eq 5 ]
r=$?; checks_record "query prints 5 aligned rows with known values (exit $rc)" "$r" "$(head -c 300 "$OUT"; cat "$ERR")"
cat "$OUT"

rc=$(run --service "$TAP" query --maxrec 3 "SELECT * FROM astrolabe.sources")
[ "$rc" = 0 ] && grep -q 'warning: result truncated at 3 rows' "$ERR"
r=$?; checks_record "MAXREC truncation warned on stderr (exit $rc)" "$r" "$(cat "$ERR")"

rc=$(run --service "$TAP" query --format csv --out "$ASTROLABE_HOME/cone.csv" \
  "SELECT source_id FROM astrolabe.sources WHERE 1=CONTAINS(POINT('ICRS',ra,dec), CIRCLE('ICRS',180.005,0.005,0.025))")
[ "$rc" = 0 ] && [ "$(wc -l <"$ASTROLABE_HOME/cone.csv")" -eq 22 ]
r=$?; checks_record "cone query saved as CSV with the known 21 rows (exit $rc)" "$r" "$(cat "$ERR")"

rc=$(run --service "${TAP%/tap}/no-such-service" query "SELECT 1")
[ "$rc" = 4 ] && one_clear_line
r=$?; checks_record "bad TAP URL: exit 4 and one clear line ($(cat "$ERR"))" "$r" "exit $rc"

rc=$(run --service "http://127.0.0.1:9/tap" availability)
[ "$rc" = 5 ] && one_clear_line
r=$?; checks_record "unreachable host: exit 5 and one clear line ($(cat "$ERR"))" "$r" "exit $rc"

rc=$(run --service "http://no-such-host.invalid/tap" availability)
[ "$rc" = 5 ] && one_clear_line
r=$?; checks_record "unknown host: exit 5 and one clear line ($(cat "$ERR"))" "$r" "exit $rc"

rc=$(run --service "$TAP" query "SELEKT ra FROM astrolabe.sources")
[ "$rc" = 1 ] && one_clear_line
r=$?; checks_record "ADQL syntax error: exit 1 and the server's message on one line ($(cat "$ERR"))" "$r" "exit $rc"

rc=$(run --service "not-a-url" query "SELECT 1")
[ "$rc" = 2 ] && one_clear_line
r=$?; checks_record "not a URL: exit 2 and one clear line ($(cat "$ERR"))" "$r" "exit $rc"

rc=$(run --service "$TAP" capabilities)
[ "$rc" = 0 ] && grep -q '^languages  *ADQL 2\.0' "$OUT" && grep -q '^output limit  *default 20000 rows, hard 2000000 rows' "$OUT" \
  && grep -q '^ *text/csv;header=present  \[csv\]' "$OUT" && grep -q '^ivo://ivoa.net/std/TAP  *ParamHTTP  *std  *http.*/tap (full)  *anonymous' "$OUT"
r=$?; checks_record "capabilities: ADQL, output formats, MAXREC limits, interfaces (exit $rc)" "$r" "$(head -c 300 "$OUT"; cat "$ERR")"

rc=$(run --service "$TAP" tables)
[ "$rc" = 0 ] && grep -q '^| astrolabe.sources ' "$OUT" && grep -qi '^| ivoa.obscore ' "$OUT"
r=$?; checks_record "tables lists astrolabe.sources and ivoa.ObsCore (exit $rc)" "$r" "$(head -c 300 "$OUT"; cat "$ERR")"

rc=$(run --service "$TAP" tables astrolabe.sources)
[ "$rc" = 0 ] && grep -q '^| ra  *| double  *| deg  *| pos.eq.ra;meta.main ' "$OUT" && [ "$(grep -c '^| [a-z]' "$OUT")" -eq 6 ]
r=$?; checks_record "tables astrolabe.sources: its 5 columns with units and UCDs (exit $rc)" "$r" "$(head -c 300 "$OUT"; cat "$ERR")"

rc=$(run --service "$TAP" tables astrolabe.nope)
[ "$rc" = 4 ] && one_clear_line
r=$?; checks_record "unknown table: exit 4 and one clear line ($(cat "$ERR"))" "$r" "exit $rc"

[ -z "$(ls -A "$CWD")" ] && [ -d "$ASTROLABE_HOME/configuration-0.1.0" ] && [ -z "$(ls -A "$PRODUCT_DIR/configuration" | grep -v -x 'config.ini\|org.eclipse.equinox.simpleconfigurator\|org.eclipse.update')" ]
r=$?; checks_record "configuration and workspace live in ASTROLABE_HOME, nothing in the current or install directory" "$r" \
  "cwd: $(ls -A "$CWD" | tr '\n' ' ') install config: $(ls -A "$PRODUCT_DIR/configuration" | tr '\n' ' ')"

# Ctrl-C (or a SIGTERM) during a download: the command stops at once and leaves no file behind (no temporary
# .part, nothing that looks complete). A loopback server announces 20 MB and trickles them.
SLOW_PORT=18099
python3 -c '
import http.server, socketserver, time, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.send_header("Content-Length", str(20 << 20))
        self.send_header("Content-Type", "application/fits"); self.end_headers()
        try:
            for i in range(2000):
                self.wfile.write(b"\0" * 8192); self.wfile.flush(); time.sleep(0.05)
        except Exception:
            pass
    def log_message(self, *a):
        pass
socketserver.TCPServer.allow_reuse_address = True
with socketserver.ThreadingTCPServer(("127.0.0.1", int(sys.argv[1])), H) as s:
    s.serve_forever()
' "$SLOW_PORT" &
SLOW_PID=$!
sleep 1
DL_DIR="$ASTROLABE_HOME/interrupted"; mkdir -p "$DL_DIR"
setsid "$ASTROLABE_BIN" download --out "$DL_DIR" "http://127.0.0.1:$SLOW_PORT/big.fits" >"$OUT" 2>"$ERR" &
DL_PID=$!
for i in $(seq 1 100); do ls -A "$DL_DIR" | grep -q . && break; sleep 0.1; done   # the transfer has begun
sleep 1
started=$(date +%s%N)
# SIGTERM takes the same path as Ctrl-C's SIGINT (the JVM's shutdown hooks); a background job of a
# script has SIGINT ignored, which the JVM inherits, so the test cannot send SIGINT itself.
kill -TERM "$DL_PID" 2>/dev/null
for i in $(seq 1 150); do kill -0 "$DL_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$DL_PID" 2>/dev/null; then kill -KILL "$DL_PID"; wait "$DL_PID"; rc=0; else wait "$DL_PID"; rc=$?; fi
took_ms=$(( ($(date +%s%N) - started) / 1000000 ))
kill "$SLOW_PID" 2>/dev/null; wait "$SLOW_PID" 2>/dev/null
[ "$rc" != 0 ] && [ "$took_ms" -lt 10000 ] && [ -z "$(ls -A "$DL_DIR")" ]
r=$?; checks_record "SIGTERM (as Ctrl-C) stops a download within ${took_ms} ms (exit $rc) and leaves nothing in the folder" "$r" \
  "left: $(ls -A "$DL_DIR" | tr '\n' ' ') $(cat "$ERR")"

# The workbench: no arguments opens the Astrolabe perspective.
SHOTS="$ROOT/releng/org.astrolabe.product/target/screenshots"
mkdir -p "$SHOTS"
if command -v xvfb-run >/dev/null; then
  xvfb-run -a -s "-screen 0 1280x1024x24" bash -c '
    "$0" >"$1/workbench.log" 2>&1 &
    pid=$!
    for i in $(seq 1 60); do
      if xdotool search --name "Astrolabe" >/dev/null 2>&1; then sleep 4; break; fi
      sleep 1
    done
    xdotool search --name "Astrolabe" >/dev/null 2>&1; found=$?
    import -window root "$1/product-workbench.png" 2>/dev/null
    kill $pid 2>/dev/null; wait $pid 2>/dev/null
    exit $found' "$ASTROLABE_BIN" "$SHOTS"
  r=$?; checks_record "workbench window 'Astrolabe' opens under Xvfb (screenshot $SHOTS/product-workbench.png)" "$r" \
    "$(tail -5 "$SHOTS/workbench.log")"
else
  checks_record "workbench opens under Xvfb" 1 "xvfb-run missing: run releng/scripts/system-packages.sh"
fi
rm -rf "$CWD" "$OUT" "$ERR" "$ASTROLABE_HOME"
checks_report
