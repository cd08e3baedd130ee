#!/usr/bin/env bash
# Debian packages the tests and the strongest sandbox mode use: PostgreSQL (a real server for
# the integration tests) and bubblewrap (network/mount isolation for student code).
# Needs root (or sudo). Without them the tutor still runs: embedded PostgreSQL from PyPI,
# and the sandbox falls back to resource limits only.
set -euo pipefail
need=()
command -v bwrap >/dev/null || need+=(bubblewrap)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
