#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (the Grafana panel harness and the CLI's HTML
# report). playwright-core drives it through executablePath; Playwright's own browser download is
# not reachable here. Idempotent; prints the path of the browser.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "chromium: already installed: $(command -v chromium)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: apt-get not available: install Chromium yourself and set CHROMIUM_PATH" >&2
  exit 3
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium: not root: run 'sudo apt-get install chromium' or set CHROMIUM_PATH" >&2
  exit 3
fi
echo "chromium: installing Debian's chromium package"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
chromium --version
echo "chromium: installed: $(command -v chromium)"
