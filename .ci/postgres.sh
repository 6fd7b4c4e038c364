# Sourced by .ci/run: start_postgres starts a throwaway PostgreSQL server on
# a loopback port in a temporary directory and exports FARABI_TEST_POSTGRES
# for the store's conformance suite; stop_postgres stops it and removes the
# directory. PostgreSQL comes from Debian's packages when it is missing.
# The server runs as the unprivileged user "postgres" (created by the
# package) when this script runs as root, as CI does.

start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "== installing PostgreSQL (apt-get install postgresql)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || true
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  fi
  if [ -z "$bin" ]; then
    echo "== PostgreSQL is not installed and could not be installed: its conformance suite will fail in CI"
    return 0
  fi
  local run=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    run=(runuser -u postgres --)
  fi
  PG_DIR=$(mktemp -d /tmp/farabi-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  local port=$(( 20000 + RANDOM % 20000 ))
  "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U farabi --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { echo "initdb failed:"; cat "$PG_DIR/initdb.log"; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null \
    || { echo "pg_ctl start failed:"; cat "$PG_DIR/server.log"; return 1; }
  PG_BIN=$bin
  PG_RUN=("${run[@]}")
  export FARABI_TEST_POSTGRES="postgres://farabi@127.0.0.1:$port/postgres?sslmode=disable"
  echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($PG_DIR)"
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ]; then
    "${PG_RUN[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
