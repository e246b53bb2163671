#!/usr/bin/env bash
# The oldest Chromium and Firefox ESR that this machine's Debian sources offer (on Debian 12:
# bookworm main, what users without security updates run), unpacked inside this repository
# without installing them, for the older end of the end-to-end tests.
#
#   scripts/oldest-browsers.sh              fetch (or reuse) them and print their paths
#   scripts/oldest-browsers.sh CMD [ARG…]   the same, then run CMD with CHROME_PATH and
#                                           FIREFOX_PATH set to them (npm run test:e2e:oldest)
#
# The version is the lowest `apt-cache madison` lists (its last line), never a fixed number.
# `apt-get download` fetches chromium + chromium-common (same version) and firefox-esr,
# `dpkg -x` unpacks them into .cache/debian-oldest/<package>-<version>/ (gitignored; reused
# when present, other versions there are removed). Nothing is installed system-wide.
# Exits non-zero, saying why, when a browser cannot be fetched or does not start.
set -euo pipefail

case "${1:-}" in
  -h | --help)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
esac

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="$ROOT/.cache/debian-oldest"

die() {
  echo "oldest-browsers: $*" >&2
  exit 1
}

for tool in apt-cache apt-get dpkg; do
  command -v "$tool" >/dev/null 2>&1 || die "needs Debian's $tool, not found"
done

# Binary-package versions of $1 in apt's order (newest first); the last is the oldest.
versions() {
  apt-cache madison "$1" 2>/dev/null | awk -F'|' '$3 ~ /Packages/ { gsub(/ /, "", $2); print $2 }'
}

updated=0
oldest() {
  local v
  v="$(versions "$1" | tail -n 1)"
  if [ -z "$v" ] && [ "$updated" -eq 0 ] && [ "$(id -u)" -eq 0 ]; then
    echo "oldest-browsers: apt knows no $1 yet: apt-get update" >&2
    apt-get update -qq || die "apt-get update failed"
    updated=1
    v="$(versions "$1" | tail -n 1)"
  fi
  [ -n "$v" ] || die "apt-cache madison lists no $1 (run apt-get update?)"
  echo "$v"
}

mkdir -p "$CACHE"
TMPDIRS=()
cleanup() {
  local d
  for d in "${TMPDIRS[@]}"; do rm -rf "$d"; done
}
trap cleanup EXIT

# fetch NAME VERSION BINARY PACKAGE… : unpacks PACKAGE…=VERSION into $CACHE/NAME-VERSION unless
# BINARY (a path inside it) is already there; sets FETCHED to the binary's absolute path.
FETCHED=""
fetch() {
  local name="$1" version="$2" binary="$3"
  shift 3
  local dir="$CACHE/$name-${version//[^A-Za-z0-9.+-]/_}"
  if [ ! -x "$dir/$binary" ]; then
    echo "oldest-browsers: fetching $* $version from Debian…" >&2
    local tmp
    tmp="$(mktemp -d "$CACHE/.fetch-XXXXXX")"
    TMPDIRS+=("$tmp")
    # apt-get download drops root for _apt: let _apt write the folder (else apt only warns).
    if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then chown _apt "$tmp"; fi
    local specs=() p
    for p in "$@"; do specs+=("$p=$version"); done
    (cd "$tmp" && apt-get download -qq "${specs[@]}") ||
      die "apt-get download ${specs[*]} failed"
    local deb
    for deb in "$tmp"/*.deb; do
      [ -e "$deb" ] || die "apt-get download ${specs[*]} gave no .deb"
      dpkg -x "$deb" "$tmp/root" || die "dpkg -x $deb failed"
    done
    [ -x "$tmp/root/$binary" ] || die "$* $version has no $binary"
    rm -rf "$dir"
    mv "$tmp/root" "$dir"
  fi
  # Other versions of this browser left from earlier runs.
  local old
  for old in "$CACHE/$name"-*; do
    [ "$old" = "$dir" ] || rm -rf "$old"
  done
  FETCHED="$dir/$binary"
}

chromium_version="$(oldest chromium)"
common_versions="$(versions chromium-common)"
grep -qxF "$chromium_version" <<<"$common_versions" ||
  die "apt offers chromium $chromium_version but no chromium-common of that version"
firefox_version="$(oldest firefox-esr)"

fetch chromium "$chromium_version" usr/lib/chromium/chromium chromium chromium-common
CHROME_PATH="$FETCHED"
fetch firefox-esr "$firefox_version" usr/lib/firefox-esr/firefox-esr firefox-esr
FIREFOX_PATH="$FETCHED"

for pair in "Chromium:$CHROME_PATH" "Firefox:$FIREFOX_PATH"; do
  name="${pair%%:*}" path="${pair#*:}"
  v="$("$path" --version 2>&1 | head -n 1 | sed 's/[[:space:]]*$//')" ||
    die "$path does not start: $v"
  echo "oldest-browsers: $name: ${v:-?} ($path)" >&2
done

export CHROME_PATH FIREFOX_PATH
if [ $# -eq 0 ]; then
  echo "CHROME_PATH=$CHROME_PATH"
  echo "FIREFOX_PATH=$FIREFOX_PATH"
  exit 0
fi
exec "$@"
