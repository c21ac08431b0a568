#!/usr/bin/env bash
# Makes sure a headless-capable Chromium is installed, for the report's browser tests and scripts/bench-report.
# Sourced (`. scripts/lib/ensure-chromium.sh; ensure_chromium`) or run (`scripts/lib/ensure-chromium.sh`).
# Prints the browser's path on stdout. On Debian as root: installs Debian's `chromium` with apt-get when missing.
# Elsewhere: a clear message of what to install, and exit status 1.
# FIXPOINT_CHROMIUM, when set, names the browser to use and nothing is installed.
ensure_chromium() {
  local b
  if [ -n "${FIXPOINT_CHROMIUM:-}" ]; then
    if [ -x "$FIXPOINT_CHROMIUM" ]; then echo "$FIXPOINT_CHROMIUM"; return 0; fi
    echo "[chromium] FIXPOINT_CHROMIUM=$FIXPOINT_CHROMIUM is not an executable" >&2
    return 1
  fi
  for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then command -v "$b"; return 0; fi
  done
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "[chromium] no Chromium found. Install it (Debian: apt-get install chromium) or set FIXPOINT_CHROMIUM." >&2
    return 1
  fi
  echo "[chromium] installing Debian's chromium (apt-get)" >&2
  apt-get update -qq >/dev/null 2>&1 || echo "[chromium] apt-get update failed; trying the install anyway" >&2
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
    echo "[chromium] apt-get install chromium failed" >&2
    return 1
  fi
  command -v chromium
}

# Run as a script rather than sourced: do it and report.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  ensure_chromium
fi
