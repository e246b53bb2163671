#!/usr/bin/env bash
# Makes sure Chromium and Firefox are there for the demo and the end-to-end tests, installing
# Debian's `chromium` and `firefox-esr` packages (apt-get update first) only when a browser is
# missing. Used by the README's quick start and by .ci/run.
#
#   scripts/setup-browsers.sh            install what is missing
#   scripts/setup-browsers.sh --newest   also upgrade both packages to the newest version the
#                                        apt sources offer (CI: the newest end of what is tested)
#
# A browser given by CHROME_PATH / FIREFOX_PATH is used as it is and never installed.
# Uses sudo when not root. Prints the browsers it found, with their versions.
set -euo pipefail

newest=0
case "${1:-}" in
  '') ;;
  --newest) newest=1 ;;
  -h | --help)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    echo "setup-browsers: unknown argument: $1 (try --help)" >&2
    exit 2
    ;;
esac

# The same places tests/e2e/browsers.ts looks in.
CHROMIUM_CANDIDATES=(/usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome
  /usr/bin/google-chrome-stable /snap/bin/chromium)
FIREFOX_CANDIDATES=(/usr/bin/firefox-esr /usr/bin/firefox /usr/lib/firefox-esr/firefox-esr
  /snap/bin/firefox)

first_existing() {
  local p
  for p in "$@"; do
    if [ -x "$p" ]; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

need=()
if [ -z "${CHROME_PATH:-}" ] && { [ "$newest" -eq 1 ] || ! first_existing "${CHROMIUM_CANDIDATES[@]}" >/dev/null; }; then
  need+=(chromium)
fi
if [ -z "${FIREFOX_PATH:-}" ] && { [ "$newest" -eq 1 ] || ! first_existing "${FIREFOX_CANDIDATES[@]}" >/dev/null; }; then
  need+=(firefox-esr)
fi

if [ ${#need[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-browsers: ${need[*]} missing and no apt-get here: install Chromium (or Chrome) and" \
      "Firefox yourself, or set CHROME_PATH / FIREFOX_PATH" >&2
    exit 1
  fi
  SUDO=()
  [ "$(id -u)" -eq 0 ] || SUDO=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  echo "setup-browsers: apt-get update, then apt-get install ${need[*]}…"
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi

version_of() {
  # Debian's /usr/bin/chromium wrapper may print a harmless shell warning on stderr.
  "$1" --version 2>/dev/null | head -n 1 | sed 's/[[:space:]]*$//'
}

chrome="${CHROME_PATH:-$(first_existing "${CHROMIUM_CANDIDATES[@]}" || true)}"
firefox="${FIREFOX_PATH:-$(first_existing "${FIREFOX_CANDIDATES[@]}" || true)}"
status=0
for pair in "Chromium:$chrome" "Firefox:$firefox"; do
  name="${pair%%:*}" path="${pair#*:}"
  if [ -n "$path" ] && [ -x "$path" ] && v="$(version_of "$path")" && [ -n "$v" ]; then
    echo "setup-browsers: $name: $v ($path)"
  else
    echo "setup-browsers: $name: not found or not runnable (${path:-no path})" >&2
    status=1
  fi
done
exit "$status"
