#!/usr/bin/env bash
# Adds up the JUnit reports of the last build by layer and prints the closing line
# "N passed, M failed, K skipped". Exits 1 if any test failed or none ran.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
count() { # count LABEL GLOB...
  local label=$1; shift
  local t=0 f=0 e=0 s=0 file
  for file in "$@"; do
    [ -f "$file" ] || continue
    local line; line=$(grep -m1 -o '<testsuite [^>]*' "$file")
    t=$((t + $(sed -n 's/.* tests="\([0-9]*\)".*/\1/p' <<<"$line")))
    f=$((f + $(sed -n 's/.* failures="\([0-9]*\)".*/\1/p' <<<"$line")))
    e=$((e + $(sed -n 's/.* errors="\([0-9]*\)".*/\1/p' <<<"$line")))
    s=$((s + $(sed -n 's/.* skipped="\([0-9]*\)".*/\1/p' <<<"$line")))
  done
  printf '%-32s %4d run, %3d failed, %3d skipped\n' "$label" "$t" "$((f + e))" "$s"
  TOTAL=$((TOTAL + t)); FAILED=$((FAILED + f + e)); SKIPPED=$((SKIPPED + s))
}
TOTAL=0; FAILED=0; SKIPPED=0
shopt -s nullglob
unit=()
for b in "$ROOT"/bundles/*/; do
  case "$b" in *.tests/) continue ;; esac
  unit+=("$b"target/surefire-reports/TEST-*.xml)
done
count "unit (JUnit 5, no OSGi)" "${unit[@]}"
count "OSGi + integration (DaCHS)" "$ROOT"/bundles/org.astrolabe.tests/target/surefire-reports/TEST-*.xml
count "UI (Xvfb) + integration" "$ROOT"/bundles/org.astrolabe.ui.tests/target/surefire-reports/TEST-*.xml
count "installation + product checks" "$ROOT"/releng/*/target/script-tests/TEST-*.xml "$ROOT"/releng/host/*/target/script-tests/TEST-*.xml
PASSED=$((TOTAL - FAILED - SKIPPED))
echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" -eq 0 ] && [ "$TOTAL" -gt 0 ]
