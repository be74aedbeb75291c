#!/usr/bin/env bash
# Makes a PostgreSQL server available for the tests and prints a TEST_DATABASE_URL on stdout whose role may
# CREATE DATABASE (each test file creates its own database). Logs go to stderr. Idempotent and fast when the
# server already runs.
#
# Order:
#   1. TEST_DATABASE_URL already set and answering: reuse it.
#   2. A server on 127.0.0.1:5432 where role certflow/certflow logs in: reuse it.
#   3. root with apt: install Debian's `postgresql` if missing, start (or create) the Debian cluster, create the
#      role certflow (SUPERUSER, password certflow).
#   4. not root: a private cluster in .data/postgres-test on port 55432, using /usr/lib/postgresql/*/bin.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

ROLE=certflow
PASSWORD=certflow
PRIVATE_PORT=55432
export PGCONNECT_TIMEOUT=3

# Only the URL may reach stdout: the caller captures it. Everything else (including tools that print to stdout,
# such as pg_ctlcluster's "Removed stale pid file.") goes to stderr.
# Commands that leave a server running close fd 3 (`3>&-`), or the caller's $(...) would wait for the server.
exec 3>&1 1>&2
emit_url() { echo "$1" >&3; }

url_for() { echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$1/postgres"; }
answers() { have psql && psql "$1" -XAtqc 'select 1' >/dev/null 2>&1; }
can_create_db() {
  [ "$(psql "$1" -XAtqc 'select rolsuper or rolcreatedb from pg_roles where rolname = current_user' 2>/dev/null)" = t ]
}

# 1. An explicitly configured server wins.
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  if ! have psql; then
    log_warn "psql is not installed, so TEST_DATABASE_URL is used without checking it"
    emit_url "$TEST_DATABASE_URL"; exit 0
  fi
  answers "$TEST_DATABASE_URL" || die "TEST_DATABASE_URL is set but the server does not answer: start it, fix the URL, or unset it to let this script provide one."
  can_create_db "$TEST_DATABASE_URL" || die "the role in TEST_DATABASE_URL may not CREATE DATABASE: grant it CREATEDB or use another role."
  log_info "PostgreSQL from TEST_DATABASE_URL"
  emit_url "$TEST_DATABASE_URL"; exit 0
fi

# 2. Ours (or a compatible one) already runs on the default port.
if answers "$(url_for 5432)" && can_create_db "$(url_for 5432)"; then
  log_info "PostgreSQL already running on 127.0.0.1:5432 (role $ROLE)"
  emit_url "$(url_for 5432)"; exit 0
fi
if answers "$(url_for "$PRIVATE_PORT")"; then
  log_info "private PostgreSQL already running on 127.0.0.1:$PRIVATE_PORT"
  emit_url "$(url_for "$PRIVATE_PORT")"; exit 0
fi

pg_bin_dir() {
  # The newest installed server version.
  local d
  d="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
  [ -n "$d" ] && [ -x "$d/postgres" ] && echo "$d"
}

# 3. root: the Debian way, with the distribution's cluster tooling.
if is_root; then
  if ! pg_bin_dir >/dev/null || ! have pg_ctlcluster || ! have psql; then
    can_apt_install || die "PostgreSQL is not installed and apt-get is unavailable: install PostgreSQL 13+ or set TEST_DATABASE_URL to a server whose role may CREATE DATABASE."
    start="$(now_ms)"
    log_info "installing PostgreSQL with apt-get"
    apt_update_once
    apt_get install -y -qq postgresql >/dev/null
    log_info "installed in $(elapsed_since "$start")"
  fi
  version="$(basename "$(dirname "$(pg_bin_dir)")")"
  if ! pg_lsclusters -h 2>/dev/null | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
    log_info "creating PostgreSQL $version cluster 'main'"
    pg_createcluster "$version" main >/dev/null
  fi
  port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')"
  status="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $4 }')"
  if [ "$status" != online ]; then
    log_info "starting PostgreSQL $version cluster 'main' on port $port"
    pg_ctlcluster "$version" main start 3>&-
  fi
  wait_for_port 127.0.0.1 "$port" 30 || die "PostgreSQL $version/main did not start: see /var/log/postgresql/postgresql-$version-main.log."
  # ALTER as well as CREATE, so a role left with another password is repaired.
  # From / because the postgres user may not be allowed into the checkout (psql would complain on every run).
  (cd / && su postgres -c "psql -X -q -p $port -v ON_ERROR_STOP=1") >/dev/null <<SQL
DO \$\$ BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    ALTER ROLE $ROLE LOGIN SUPERUSER CREATEDB PASSWORD '$PASSWORD';
  ELSE
    CREATE ROLE $ROLE LOGIN SUPERUSER CREATEDB PASSWORD '$PASSWORD';
  END IF;
END \$\$;
SQL
  answers "$(url_for "$port")" || die "role $ROLE cannot log in on 127.0.0.1:$port: check pg_hba.conf of PostgreSQL $version/main (host connections need password auth)."
  log_info "PostgreSQL $version ready on 127.0.0.1:$port (role $ROLE)"
  emit_url "$(url_for "$port")"; exit 0
fi

# 4. Not root: a private throw-away cluster owned by the current user.
bin="$(pg_bin_dir)" || die "PostgreSQL server binaries are missing (/usr/lib/postgresql/*/bin): install PostgreSQL (e.g. 'sudo apt-get install postgresql') or set TEST_DATABASE_URL."
have psql || die "the psql client is missing: install it (e.g. 'sudo apt-get install postgresql-client') or set TEST_DATABASE_URL."
data="$CERTFLOW_DATA/postgres-test"
if [ ! -s "$data/PG_VERSION" ]; then
  log_info "initialising a private PostgreSQL cluster in $data"
  mkdir -p "$data"
  pwfile="$(mktemp)"
  echo "$PASSWORD" > "$pwfile"
  "$bin/initdb" -D "$data" -U "$ROLE" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --no-instructions >/dev/null
  rm -f "$pwfile"
fi
log_info "starting the private PostgreSQL on 127.0.0.1:$PRIVATE_PORT"
# No Unix socket: the default socket directory is usually not writable for a normal user.
"$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 \
  -o "-p $PRIVATE_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=''" start >/dev/null 3>&- \
  || die "the private PostgreSQL did not start: see $data/server.log."
answers "$(url_for "$PRIVATE_PORT")" || die "the private PostgreSQL started but role $ROLE cannot log in: remove $data and re-run."
emit_url "$(url_for "$PRIVATE_PORT")"
