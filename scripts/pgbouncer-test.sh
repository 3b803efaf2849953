#!/usr/bin/env bash
# Issue 18, "past one server": the API suite through PgBouncer in transaction mode, to prove Lantu works behind it.
# Needs Debian's pgbouncer and PostgreSQL on 127.0.0.1:5432 with trust auth (as in CI). Starts a private PgBouncer on
# port 6432 (PGBOUNCER_PORT), runs `vitest --project api` on PostgreSQL with the app's connections through it
# (LANTU_TEST_POOLER_URL; the test databases are still created and dropped directly), stops it. Not part of CI (its
# time): run it after changing how Lantu talks to the database. Usage: scripts/pgbouncer-test.sh [vitest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PGBOUNCER_PORT:-6432}
dir=$(mktemp -d)
trap 'kill "$(cat "$dir/pgbouncer.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$dir"' EXIT
echo '"postgres" ""' >"$dir/userlist.txt"
cat >"$dir/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=5432

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/userlist.txt
pool_mode = transaction
admin_users = postgres
max_client_conn = 2000
default_pool_size = 20
ignore_startup_parameters = extra_float_digits
server_reset_query =
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
chown -R postgres "$dir" 2>/dev/null || true
runner=(pgbouncer -d "$dir/pgbouncer.ini")
[ "$(id -u)" = 0 ] && runner=(su postgres -s /bin/sh -c "pgbouncer -d $dir/pgbouncer.ini")
"${runner[@]}"
for _ in $(seq 1 50); do pg_isready -h 127.0.0.1 -p "$port" -q && break; sleep 0.1; done
echo "[pgbouncer-test] PgBouncer $(pgbouncer --version | head -1) on port $port, transaction mode"
status=0
LANTU_TEST_DATABASE_URL=${LANTU_TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} \
  LANTU_TEST_POOLER_URL="postgres://postgres@127.0.0.1:$port/" LANTU_TEST_DATABASES=postgres \
  npx vitest run --project api "$@" || status=$?
# What went through PgBouncer: its transactions and queries, summed over the test databases.
psql -h 127.0.0.1 -p "$port" -U postgres -d pgbouncer -Atc 'show stats' |
  awk -F'|' '$1 ~ /^lantu_t_/ { x += $2; q += $3; n += 1 } END { printf "[pgbouncer-test] through PgBouncer: %d test databases, %d transactions, %d queries\n", n, x, q }'
exit "$status"
