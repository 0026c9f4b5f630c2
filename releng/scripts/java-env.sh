# Sourced by Astrolabe's scripts: picks a JDK >= 21 for Maven/Tycho and the product.
# Order: $JAVA_HOME if it is >= 21, then Temurin 25, then any JDK >= 21 under /usr/lib/jvm.
astrolabe_java_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}
astrolabe_pick_jdk() {
  local c v
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$c" ] && [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v=$(astrolabe_java_version "$c")
    case "$v" in ''|1.*) continue ;; esac
    if [ "${v%%.*}" -ge 21 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}
if ! ASTROLABE_JDK=$(astrolabe_pick_jdk); then
  echo "astrolabe: no JDK 21 or newer found (set JAVA_HOME, or install Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64)." >&2
  exit 2
fi
export JAVA_HOME="$ASTROLABE_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's bundled Guice uses sun.misc.Unsafe; JDK 24+ warns about it on every build.
if [ "$(astrolabe_java_version "$JAVA_HOME" | cut -d. -f1)" -ge 24 ] 2>/dev/null; then
  case " ${MAVEN_OPTS:-} " in *unsafe-memory-access*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi
