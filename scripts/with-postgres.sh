#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster on 127.0.0.1 and a free port.
# Usage: scripts/with-postgres.sh <command...>   (TEST_DATABASE_URL is set for the command)
# Needs initdb and pg_ctl (Debian: postgresql). Runs as root by switching to the postgres
# user for the server, since PostgreSQL refuses to run as root.
set -euo pipefail

find_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] || { echo "with-postgres: $1 not found; install PostgreSQL (apt-get install postgresql)" >&2; exit 3; }
  echo "$found"
}
INITDB=$(find_bin initdb)
PG_CTL=$(find_bin pg_ctl)

PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
DIR=$(mktemp -d /tmp/qualif-pg.XXXXXX)
RUN_AS=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown -R postgres "$DIR"
  RUN_AS=(runuser -u postgres --)
fi

cleanup() {
  "${RUN_AS[@]}" "$PG_CTL" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

"${RUN_AS[@]}" "$INITDB" -D "$DIR/data" -U qualif --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 3; }
"${RUN_AS[@]}" "$PG_CTL" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-h 127.0.0.1 -p $PORT -k $DIR -c max_connections=200 -c fsync=off" start >/dev/null \
  || { cat "$DIR/server.log" >&2; exit 3; }
echo "with-postgres: $("${RUN_AS[@]}" "$PG_CTL" --version) on 127.0.0.1:$PORT"

export TEST_DATABASE_URL="postgres://qualif@127.0.0.1:$PORT/postgres"
"$@"
