#!/bin/sh
# Installs Debian's pandas and SciPy for the system python3 (/usr/bin/python3), which the CLI
# benchmark (bench/cli-large.ts) runs as its baseline. Idempotent: does nothing when both import.
set -eu
PYTHON=/usr/bin/python3
if "$PYTHON" -c 'import pandas, scipy' >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-python-deps: apt-get not found; install pandas and SciPy for $PYTHON yourself" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-pandas python3-scipy >/dev/null
"$PYTHON" -c 'import pandas, scipy; print("pandas", pandas.__version__, "scipy", scipy.__version__)'
