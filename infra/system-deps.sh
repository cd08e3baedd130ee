#!/usr/bin/env bash
# Debian packages the tests and the strongest sandbox mode use: PostgreSQL (a real server for
# the integration tests), bubblewrap (network/mount isolation for student code), and Chromium
# with a font (the browser tests drive it headless; Playwright's own download is not used), and
# the shell linter that `make lint` runs.
# Needs root (or sudo); `--if-root` installs only when already root and otherwise just says
# what is missing (what `make run` and `make test` use). Without them the tutor still runs: embedded PostgreSQL from PyPI,
# and the sandbox falls back to resource limits only.
set -euo pipefail
need=()
command -v bwrap >/dev/null || need+=(bubblewrap)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v shellcheck >/dev/null || need+=(shellcheck)
# Without a font headless screenshots show boxes instead of text.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages present"
  exit 0
fi
if [ "${1:-}" = "--if-root" ] && [ "$(id -u)" -ne 0 ]; then
  echo "note: '${need[*]}' not installed; run 'make system-deps' (bubblewrap sandbox, browser tests)" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
