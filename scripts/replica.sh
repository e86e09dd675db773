#!/usr/bin/env bash
# A primary and a streaming replica: two local PostgreSQL 15 clusters in .tmp/replica, for development
# and CI (docs/operations.md, "A read replica"; ADR 0018). The machine's own cluster is never touched.
#
#   scripts/replica.sh start    create both (first time) and start them; waits until the replica streams
#   scripts/replica.sh stop     stop both (the folders stay)
#   scripts/replica.sh clean    stop both and delete the folders
#   scripts/replica.sh status   whether each runs, and the replica's replication state
#   scripts/replica.sh env      the URLs, as shell assignments
#
# REPLICA_PRIMARY_PORT (5441) and REPLICA_STANDBY_PORT (5442) choose the ports, REPLICA_DIR the folder
# (.tmp/replica; an absolute path), so that a second pair can run beside the first; PG_BIN_DIR the binaries
# (default: the newest /usr/lib/postgresql/<version>/bin). initdb and postgres refuse to run as root:
# as root the clusters belong to the `postgres` user and every command runs as that user.
set -euo pipefail
cd "$(dirname "$0")/.."

PRIMARY_PORT="${REPLICA_PRIMARY_PORT:-5441}"
STANDBY_PORT="${REPLICA_STANDBY_PORT:-5442}"
BASE="${REPLICA_DIR:-$PWD/.tmp/replica}"
PRIMARY="$BASE/primary"
STANDBY="$BASE/standby"
BIN="${PG_BIN_DIR:-}"
if [ -z "$BIN" ]; then
  BIN="/usr/lib/postgresql/$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)/bin"
fi
if [ ! -x "$BIN/initdb" ]; then
  echo "no PostgreSQL binaries in $BIN (set PG_BIN_DIR)" >&2
  exit 1
fi

# Run as the clusters' owner: the postgres user when started as root, else the caller.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() { as_owner "$BIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }

url() { echo "postgres://postgres@127.0.0.1:$1/${2:-postgres}"; }

start() {
  mkdir -p "$BASE"
  if [ "$(id -u)" -eq 0 ]; then
    # The postgres user must reach the folders: open the path to them for traversal only.
    chown postgres: "$BASE"
    local dir="$BASE"
    while [ "$dir" != "/" ]; do
      dir=$(dirname "$dir")
      [ -x "$dir" ] && runuser -u postgres -- test -x "$dir" || chmod o+x "$dir"
    done
  fi
  if [ ! -f "$PRIMARY/PG_VERSION" ]; then
    rm -rf "$PRIMARY" "$STANDBY"
    as_owner "$BIN/initdb" -D "$PRIMARY" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >> "$PRIMARY/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$BASE'
wal_level = replica
max_wal_senders = 4
wal_keep_size = '256MB'
hot_standby = on
hot_standby_feedback = on
fsync = off
max_connections = 60
EOF
    echo "host replication postgres 127.0.0.1/32 trust" >> "$PRIMARY/pg_hba.conf"
  fi
  running "$PRIMARY" || as_owner "$BIN/pg_ctl" -D "$PRIMARY" -l "$BASE/primary.log" -w start >/dev/null
  if [ ! -f "$STANDBY/PG_VERSION" ]; then
    rm -rf "$STANDBY"
    # -R writes standby.signal and primary_conninfo; -X stream copies the WAL written meanwhile.
    as_owner "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$STANDBY" -R -X stream --no-sync
    cat >> "$STANDBY/postgresql.conf" <<EOF
port = $STANDBY_PORT
EOF
  fi
  running "$STANDBY" || as_owner "$BIN/pg_ctl" -D "$STANDBY" -l "$BASE/standby.log" -w start >/dev/null
  # Streaming: the primary sees a WAL sender in state 'streaming'.
  for _ in $(seq 1 100); do
    if [ "$(as_owner "$BIN/psql" -At -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -c "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" -ge 1 ]; then
      echo "primary $(url "$PRIMARY_PORT"), replica $(url "$STANDBY_PORT") (streaming)"
      return 0
    fi
    sleep 0.1
  done
  echo "the replica does not stream; see $BASE/standby.log" >&2
  return 1
}

stop() {
  local dir
  for dir in "$STANDBY" "$PRIMARY"; do
    if [ -f "$dir/PG_VERSION" ] && running "$dir"; then
      as_owner "$BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  clean) stop; rm -rf "$BASE" ;;
  status)
    for dir in "$PRIMARY" "$STANDBY"; do
      if [ -f "$dir/PG_VERSION" ] && running "$dir"; then echo "$(basename "$dir"): running"; else echo "$(basename "$dir"): stopped"; fi
    done
    running "$PRIMARY" && as_owner "$BIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -c "SELECT client_addr, state, replay_lsn FROM pg_stat_replication"
    ;;
  env)
    echo "REPLICA_PRIMARY_URL=$(url "$PRIMARY_PORT")"
    echo "REPLICA_READ_URL=$(url "$STANDBY_PORT")"
    ;;
  *)
    echo "usage: scripts/replica.sh start|stop|clean|status|env" >&2
    exit 2
    ;;
esac
