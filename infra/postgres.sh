#!/usr/bin/env bash
# A throwaway PostgreSQL server from Debian's packages, for the dev stack and the integration
# tests: `infra/postgres.sh start` prints the URL to export as LEARNFLOW_DATABASE_URL.
# Data lives in $PGDATA_DIR (default /tmp/learnflow-pg); `stop` stops it, `destroy` deletes it.
set -euo pipefail
PORT="${LEARNFLOW_PG_PORT:-55432}"
DATA="${PGDATA_DIR:-/tmp/learnflow-pg}"
BIN="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1)"
[ -x "$BIN/postgres" ] || { echo "PostgreSQL server binaries not found: run 'make system-deps'" >&2; exit 1; }
URL="postgresql://learnflow:learnflow@127.0.0.1:${PORT}/learnflow"

# PostgreSQL refuses to run as root; run it as the 'postgres' account Debian creates.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if [ ! -s "$DATA/PG_VERSION" ]; then
      mkdir -p "$DATA"
      [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DATA"
      as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 >/dev/null
    fi
    if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
        -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
    fi
    psql_() { as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qtAX "$@"; }
    psql_ -c "SELECT 1 FROM pg_roles WHERE rolname='learnflow'" | grep -q 1 ||
      psql_ -c "CREATE ROLE learnflow LOGIN PASSWORD 'learnflow' CREATEDB"
    psql_ -c "SELECT 1 FROM pg_database WHERE datname='learnflow'" | grep -q 1 ||
      psql_ -c "CREATE DATABASE learnflow OWNER learnflow"
    echo "$URL"
    ;;
  stop)
    as_pg "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    ;;
  destroy)
    as_pg "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$DATA"
    ;;
  url)
    echo "$URL"
    ;;
  *)
    echo "usage: $0 start|stop|destroy|url" >&2; exit 2
    ;;
esac
