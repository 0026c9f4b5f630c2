#!/usr/bin/env bash
# Speed and memory of a million-row synchronous TAP query (issue 3), side by side in one run:
#   curl saving the service's VOTable      vs  astrolabe query --format votable --out FILE
#   curl saving the service's CSV          vs  astrolabe query --format csv --out FILE  vs  STILTS tapquery ofmt=csv
#   Astrolabe's API into a result table    vs  pyvo search().to_table()
# Every command runs RUNS times (default 3), interleaved (curl, astrolabe, curl, ...), so that a
# machine whose speed drifts affects all of them alike; the table gives the median wall time and
# the median peak RSS of each (/usr/bin/time -v), and each Astrolabe figure as a ratio to its
# yardstick (median of the run-by-run ratios). Needs: the built product (./mvnw verify -DskipTests), curl, /usr/bin/time, stilts,
# Debian's python3-pyvo, the local DaCHS server (releng/test-server/ensure.sh).
#
#   releng/benchmarks/sync-bench.sh [TAP_URL]        RUNS=5 releng/benchmarks/sync-bench.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/releng/scripts/java-env.sh"
source "$ROOT/releng/scripts/product-env.sh"
TAP=${1:-http://127.0.0.1:18080/tap}
RUNS=${RUNS:-3}
ROWS=1000000
ADQL="SELECT * FROM astrolabe.sources"
# The API harness is a plain JVM; these are the settings of a headless tool (STIL keeps large
# results on disk, so the heap only holds what is being parsed).
API_VMARGS=${API_VMARGS:--Xmx512m -XX:+UseSerialGC}

for tool in curl stilts /usr/bin/time /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "sync-bench: $tool is missing" >&2; exit 2; }
done
/usr/bin/python3 -c 'import pyvo' 2>/dev/null || { echo "sync-bench: apt-get install python3-pyvo" >&2; exit 2; }
[ -x "$ASTROLABE_BIN" ] || { echo "sync-bench: build the product first: ./mvnw verify -DskipTests" >&2; exit 2; }
curl -sf -m 5 "$TAP/availability" >/dev/null || { echo "sync-bench: no TAP service at $TAP" >&2; exit 2; }

WORK=$(mktemp -d /tmp/astrolabe-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
PLUGINS="$PRODUCT_DIR/plugins"
CP=$(ls "$PLUGINS"/org.astrolabe.core_*.jar "$PLUGINS"/org.astrolabe.tap_*.jar \
  "$PLUGINS"/org.apache.httpcomponents.*.jar "$PLUGINS"/uk.ac.starlink.stil_*.jar \
  "$PLUGINS"/org.eclipse.equinox.common_*.jar "$PLUGINS"/org.eclipse.osgi_*.jar \
  "$PLUGINS"/slf4j.api_*.jar "$PLUGINS"/slf4j.simple_*.jar | tr '\n' ':')
"$JAVA_HOME/bin/javac" -nowarn -cp "$CP" -d "$WORK/classes" "$ROOT/releng/benchmarks/ApiBench.java" 2>/dev/null
printf 'handlers=\n' > "$WORK/logging.properties"

ENC_ADQL=$(/usr/bin/python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$ADQL")
PYVO="import pyvo, sys
t = pyvo.dal.TAPService(sys.argv[1]).search(sys.argv[2], maxrec=int(sys.argv[3])).to_table()
print(len(t))"

# name | command (run by bash -c, output to $WORK)
CASES=(
  "curl votable|curl -sf -o $WORK/curl.vot --data LANG=ADQL --data MAXREC=$ROWS --data QUERY=$ENC_ADQL $TAP/sync"
  "astrolabe --format votable --out|$ASTROLABE_BIN -q --service $TAP query --maxrec $ROWS --format votable --out $WORK/astrolabe.vot '$ADQL'"
  "curl --compressed votable|curl --compressed -sf -o $WORK/curl-gzip.vot --data LANG=ADQL --data MAXREC=$ROWS --data QUERY=$ENC_ADQL $TAP/sync"
  "curl csv|curl -sf -o $WORK/curl.csv --data LANG=ADQL --data MAXREC=$ROWS --data RESPONSEFORMAT=csv --data QUERY=$ENC_ADQL $TAP/sync"
  "astrolabe --format csv --out|$ASTROLABE_BIN -q --service $TAP query --maxrec $ROWS --format csv --out $WORK/astrolabe.csv '$ADQL'"
  "stilts tapquery ofmt=csv|stilts tapquery tapurl=$TAP adql='$ADQL' maxrec=$ROWS sync=true ofmt=csv out=$WORK/stilts.csv"
  "astrolabe API -> ResultTable|$JAVA_HOME/bin/java $API_VMARGS -Djava.util.logging.config.file=$WORK/logging.properties -cp $CP:$WORK/classes ApiBench $TAP $ROWS '$ADQL' > $WORK/api.out"
  "pyvo search().to_table()|/usr/bin/python3 -c '$PYVO' $TAP '$ADQL' $ROWS > $WORK/pyvo.out 2>/dev/null"
  "astrolabe --format csv --convert --out|$ASTROLABE_BIN -q --service $TAP query --maxrec $ROWS --format csv --convert --out $WORK/astrolabe-converted.csv '$ADQL'"
)

measure() { # $1 case index, $2 run: appends "wall rss_kb" to $WORK/case$1
  local cmd=${CASES[$1]#*|}
  /usr/bin/time -v -o "$WORK/time.txt" bash -c "exec $cmd" || { echo "sync-bench: failed: $cmd" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
  echo "$wall $rss" >> "$WORK/case$1"
  printf '  run %d  %-32s %7.2f s %8.0f MiB\n' "$2" "${CASES[$1]%%|*}" "$wall" "$(echo "$rss / 1024" | bc -l)" >&2
}

echo "sync-bench: $ROWS rows x 5 columns from $TAP, $RUNS runs each, interleaved ($(date -u +%FT%TZ), $(nproc) cores)" >&2
# A first command prepares Astrolabe's headless configuration and class-data archive (once per
# installation, as for a user): not part of any measurement.
"$ASTROLABE_BIN" -q --service "$TAP" query --format votable --out "$WORK/warm-up.vot" "SELECT TOP 10 * FROM astrolabe.sources"
for run in $(seq 1 "$RUNS"); do
  for i in "${!CASES[@]}"; do measure "$i" "$run"; done
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
declare -a WALL RSS
for i in "${!CASES[@]}"; do
  WALL[$i]=$(awk '{print $1}' "$WORK/case$i" | median)
  RSS[$i]=$(awk '{print $2/1024}' "$WORK/case$i" | median)
done
# The ratio of two commands is the median of their run-by-run ratios (each pair ran back to back,
# so a drifting machine speed cancels out), not the ratio of the medians.
ratio() { paste -d' ' "$WORK/case$1" "$WORK/case$2" | awk '{printf "%.4f\n", $1 / $3}' | median | xargs printf '%.2f'; }

echo
echo "| client | wall (median of $RUNS) | peak RSS (median) | wall ratio (median of the run-by-run ratios) |"
echo "|---|---|---|---|"
row() { printf '| %s | %.2f s | %.0f MiB | %s |\n' "${CASES[$1]%%|*}" "${WALL[$1]}" "${RSS[$1]}" "$2"; }
row 0 "1 (yardstick)"
row 1 "$(ratio 1 0) × curl votable, $(ratio 1 2) × curl --compressed (Astrolabe asks for gzip too)"
row 2 "$(ratio 2 0) × curl votable"
row 3 "1 (yardstick)"
row 4 "$(ratio 4 3) × curl csv, $(ratio 4 5) × STILTS"
row 5 "$(ratio 5 3) × curl csv"
row 6 "$(ratio 6 0) × curl votable; pyvo takes $(ratio 7 6) × as long"
row 7 "$(ratio 7 0) × curl votable"
row 8 "$(ratio 8 3) × curl csv, $(ratio 8 5) × STILTS (the VOTable converted while it streams in, as STILTS does)"
echo
echo "Checks: astrolabe.vot $(stat -c %s "$WORK/astrolabe.vot") bytes, curl.vot $(stat -c %s "$WORK/curl.vot") bytes;" \
  "astrolabe.csv $(wc -l < "$WORK/astrolabe.csv") lines, curl.csv $(wc -l < "$WORK/curl.csv") lines," \
  "stilts.csv $(wc -l < "$WORK/stilts.csv") lines, astrolabe-converted.csv $(wc -l < "$WORK/astrolabe-converted.csv") lines; API: $(cat "$WORK/api.out"); pyvo: $(cat "$WORK/pyvo.out") rows"
