#!/usr/bin/env bash
# Speed of parallel downloads (issue 5): 50 SODA cutouts (dlget CIRCLEs on img_a, img_b, img_c of
# the local DaCHS server) downloaded by Astrolabe's DownloadManager with PARALLEL transfers per host
# (default 4) and one after another, RUNS times each (default 5), alternated, in one JVM
# (DownloadBench.java: the real HttpDownloadManager on the real HttpClient5Transport, made as DS
# makes them). Prints each run and a table of medians. Target: parallel at least 2.5 x faster.
# Then the yardstick: curl fetching the same 50 URLs through xargs -P 1 and -P PARALLEL (what the
# server itself allows on this machine).
# Needs the bundles built (./mvnw verify -pl ... bundles/org.astrolabe.datalink, or the product)
# and the local DaCHS server (releng/test-server/ensure.sh).
#
#   releng/benchmarks/download-bench.sh [BASE_URL]        RUNS=9 PARALLEL=4 releng/benchmarks/download-bench.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/releng/scripts/java-env.sh"
BASE=${1:-http://127.0.0.1:18080}
RUNS=${RUNS:-5}
PARALLEL=${PARALLEL:-4}
M2=${M2_REPO:-$HOME/.m2/repository}

curl -sf -m 5 "$BASE/tap/availability" >/dev/null || { echo "download-bench: no DaCHS server at $BASE" >&2; exit 2; }
CLASSES=
for b in org.astrolabe.core org.astrolabe.datalink; do
  d="$ROOT/bundles/$b/target/classes"
  [ -d "$d/org" ] || { echo "download-bench: build $b first (./mvnw -o clean verify -pl target-platform,bundles/org.astrolabe.core,bundles/org.astrolabe.tap,bundles/org.astrolabe.datalink -DskipTests)" >&2; exit 2; }
  CLASSES="$CLASSES$d:"
done
jar() { # groupId-path artifactId version
  local f="$M2/$1/$2/$3/$2-$3.jar"
  [ -f "$f" ] || { echo "download-bench: missing $f (the target platform's version)" >&2; exit 2; }
  printf '%s:' "$f"
}
CP="$CLASSES$(jar org/apache/httpcomponents/client5 httpclient5 5.6.5)$(jar org/apache/httpcomponents/core5 httpcore5 5.4.4)"
CP="$CP$(jar org/apache/httpcomponents/core5 httpcore5-h2 5.4.4)$(jar org/eclipse/platform org.eclipse.equinox.common 3.20.200)"
CP="$CP$(jar org/eclipse/platform org.eclipse.osgi 3.24.300)$(jar org/slf4j slf4j-api 1.7.36)"

WORK=$(mktemp -d /tmp/astrolabe-download-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
"$JAVA_HOME/bin/javac" -nowarn -cp "$CP" -d "$WORK" "$ROOT/releng/benchmarks/DownloadBench.java"
echo "download-bench: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $BASE, $RUNS runs, $PARALLEL parallel"
"$JAVA_HOME/bin/java" -Xmx256m -cp "$CP$WORK" DownloadBench "$BASE" "$RUNS" "$PARALLEL"

"$JAVA_HOME/bin/java" -cp "$CP$WORK" DownloadBench --urls "$BASE" > "$WORK/urls.txt"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for p in 1 "$PARALLEL"; do : > "$WORK/curl-$p"; done
for r in $(seq 1 "$RUNS"); do
  for p in 1 "$PARALLEL"; do
    s=$(date +%s%N)
    (cd "$WORK" && xargs -P "$p" -n 1 curl -sf -o /dev/null < urls.txt)
    echo "scale=3; ($(date +%s%N) - $s) / 1000000000" | bc >> "$WORK/curl-$p"
  done
done
c1=$(median < "$WORK/curl-1"); cp=$(median < "$WORK/curl-$PARALLEL")
echo
echo "| curl, same 50 URLs | wall (median of $RUNS) |"
echo "|---|---|"
echo "| xargs -P 1 curl | ${c1} s |"
echo "| xargs -P $PARALLEL curl | ${cp} s |"
echo "| curl speed-up (ratio of medians) | $(echo "scale=2; $c1 / $cp" | bc) x |"
