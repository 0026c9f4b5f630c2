# Sourced by the script tests: records named checks and writes them as a JUnit XML report,
# so that scripted checks are counted with the JUnit ones.
# Usage: CHECKS_SUITE=name CHECKS_DIR=dir; check "what" command...; expect_* helpers; checks_report
CHECKS_PASSED=0
CHECKS_FAILED=0
CHECKS_CASES=""
checks_xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g'; }
checks_record() { # checks_record NAME OK(0/1) [MESSAGE]
  local name; name=$(printf '%s' "$1" | checks_xml_escape)
  if [ "$2" = 0 ]; then
    CHECKS_PASSED=$((CHECKS_PASSED + 1)); echo "ok   $1"
    CHECKS_CASES+="  <testcase classname=\"$CHECKS_SUITE\" name=\"$name\"/>"$'\n'
  else
    CHECKS_FAILED=$((CHECKS_FAILED + 1)); echo "FAIL $1${3:+: $3}"
    local msg; msg=$(printf '%s' "${3:-failed}" | checks_xml_escape)
    CHECKS_CASES+="  <testcase classname=\"$CHECKS_SUITE\" name=\"$name\"><failure message=\"$msg\"/></testcase>"$'\n'
  fi
}
checks_report() {
  mkdir -p "$CHECKS_DIR"
  {
    echo "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    echo "<testsuite name=\"$CHECKS_SUITE\" tests=\"$((CHECKS_PASSED + CHECKS_FAILED))\" failures=\"$CHECKS_FAILED\" errors=\"0\" skipped=\"0\">"
    printf '%s' "$CHECKS_CASES"
    echo "</testsuite>"
  } > "$CHECKS_DIR/TEST-$CHECKS_SUITE.xml"
  echo "$CHECKS_SUITE: $CHECKS_PASSED passed, $CHECKS_FAILED failed"
  [ "$CHECKS_FAILED" -eq 0 ]
}
