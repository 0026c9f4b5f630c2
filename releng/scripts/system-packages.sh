#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need when they are missing:
# Xvfb and GTK 3 for the UI tests and the workbench, unzip/curl for the scripts.
set -euo pipefail
need=()
command -v xvfb-run >/dev/null || need+=(xvfb xauth)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || need+=(libgtk-3-0)
command -v unzip >/dev/null || need+=(unzip)
command -v curl >/dev/null || need+=(curl)
command -v xdotool >/dev/null || need+=(xdotool)
command -v import >/dev/null && import -version 2>/dev/null | grep -q ImageMagick || need+=(imagemagick)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
if [ ${#need[@]} -eq 0 ]; then
  echo "system-packages: all present"
  exit 0
fi
[ "$(id -u)" = 0 ] || { echo "system-packages: need ${need[*]}; run as root or install them" >&2; exit 2; }
echo "system-packages: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
for attempt in 1 2 3; do
  if apt-get install -y -q --no-install-recommends "${need[@]}" >/tmp/astrolabe-apt.log 2>&1; then exit 0; fi
  apt-get update -q >/tmp/astrolabe-apt-update.log 2>&1 || true
  sleep $((attempt * 5))
done
echo "system-packages: apt-get install ${need[*]} failed; see /tmp/astrolabe-apt.log" >&2
exit 1
