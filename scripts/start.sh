#!/usr/bin/env bash
# `npm start`: builds everything, then runs the local stack in the foreground with prefixed logs until Ctrl-C
# (or `bash scripts/stop.sh` from another terminal), which stops every child cleanly.
#
#   temporal  Temporal dev server  gRPC 127.0.0.1:7233, UI http://localhost:8233, data .data/temporal
#             (skipped when TEMPORAL_ADDRESS is set: an external cluster, see infra/README.md)
#   db        embedded PostgreSQL (PGlite over the wire protocol) 127.0.0.1:5433, data .data/pglite
#             (skipped when DATABASE_URL is set)
#   mail      local mailbox (SMTP)             127.0.0.1:1025, messages as .eml in .data/mail
#             (skipped when SMTP_HOST is set)
#   worker    Temporal worker                  apps/worker/dist/main.js
#   api       HTTP API                         http://localhost:3000 (PORT), health /health, OpenAPI /docs
#             then, on an empty database, the first run: a demo organisation with one person per role whose
#             generated passwords are printed once (apps/api/dist/cli/first-run.js)
#   web       built web app (vite preview)     http://localhost:5173, proxies /api to the API
#
# Pids (one process group each) are written to .data/run/*.pid for scripts/stop.sh.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$CERTFLOW_ROOT"

export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 TURBO_NO_UPDATE_NOTIFIER=1

TEMPORAL_PORT=7233
TEMPORAL_UI_PORT=8233
EMBEDDED_DB_PORT=5433
MAILBOX_PORT=1025
API_PORT="${PORT:-3000}"
WEB_PORT=5173
RUN_DIR="$CERTFLOW_DATA/run"

if [ -f "$RUN_DIR/start.pid" ] && kill -0 "$(cat "$RUN_DIR/start.pid")" 2>/dev/null; then
  die "Certflow is already running (pid $(cat "$RUN_DIR/start.pid")): stop it with 'bash scripts/stop.sh' first."
fi

log_step "bootstrap"
bash scripts/bootstrap.sh

if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  log_step "Temporal CLI"
  temporal_cli="$(bash infra/temporal/install-cli.sh)"
fi

log_step "build"
pnpm exec turbo run build --ui=stream --log-order=stream --output-logs=new-only

for port in $([ -z "${TEMPORAL_ADDRESS:-}" ] && echo "$TEMPORAL_PORT $TEMPORAL_UI_PORT") \
            $([ -z "${DATABASE_URL:-}" ] && echo "$EMBEDDED_DB_PORT") \
            $([ -z "${SMTP_HOST:-}" ] && echo "$MAILBOX_PORT") "$API_PORT" "$WEB_PORT"; do
  if port_open 127.0.0.1 "$port"; then
    die "port $port is already in use: stop whatever listens there (a previous run: 'bash scripts/stop.sh') and re-run."
  fi
done

mkdir -p "$RUN_DIR"
echo $$ > "$RUN_DIR/start.pid"

# Each service runs in its own session (setsid), so stopping its process group also stops its children
# (pnpm -> vite), and Ctrl-C reaches only this script, which then stops the services in order.
services=()
declare -A service_pid=()

prefix() {
  # Keep relaying while the services shut down after Ctrl-C.
  trap '' INT TERM
  local tag
  tag="$(printf '%-8s|' "$1")"
  sed -u "s/^/$tag /"
}

start_service() {
  local name="$1"; shift
  setsid "$@" > >(prefix "$name") 2>&1 &
  service_pid[$name]=$!
  services+=("$name")
  echo "$!" > "$RUN_DIR/$name.pid"
}

stop_service() {
  local name="$1" pid="${service_pid[$1]}" i
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      log_warn "$name did not stop within 10 s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || true
  rm -f "$RUN_DIR/$name.pid"
}

stopping=""
shutdown() {
  local rc="${1:-0}" i
  [ -n "$stopping" ] && return
  stopping=1
  trap '' INT TERM
  echo >&2
  log_step "stopping"
  for (( i=${#services[@]}-1; i>=0; i-- )); do
    log_info "stopping ${services[$i]}"
    stop_service "${services[$i]}"
  done
  rm -f "$RUN_DIR/start.pid"
  log_info "stopped"
  exit "$rc"
}
trap 'shutdown 0' INT TERM
trap 'shutdown $?' EXIT

fail() { log_warn "$*"; shutdown 1; }

# Waits for a condition while making sure the service it belongs to is still alive.
await() {
  local name="$1" what="$2" timeout="$3"; shift 3
  local deadline=$(( $(date +%s) + timeout ))
  until "$@" >/dev/null 2>&1; do
    kill -0 "${service_pid[$name]}" 2>/dev/null || fail "$name exited before $what."
    [ "$(date +%s)" -lt "$deadline" ] || fail "$name: no $what after ${timeout}s."
    sleep 0.3
  done
}

http_ok() { node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"; }

# Registers attributes the dev server skipped. On an existing database `start-dev --search-attribute` silently
# registers nothing (seen with CLI 1.5.1), so a list that grew would never reach .data/temporal otherwise.
reconcile_search_attributes() {
  local address="$1" existing name type
  existing="$("$temporal_cli" operator search-attribute list --address "$address" --output json)"
  while IFS='=' read -r name type; do
    local have_type
    have_type="$(node -e '
      const attrs = JSON.parse(process.argv[1]).customAttributes ?? {};
      process.stdout.write(String(attrs[process.argv[2]] ?? ""));' "$existing" "$name")"
    if [ -z "$have_type" ]; then
      log_info "registering search attribute $name ($type)"
      "$temporal_cli" operator search-attribute create --address "$address" --name "$name" --type "$type" >/dev/null
    elif [ "$(echo "$have_type" | tr -d '_' | tr '[:upper:]' '[:lower:]')" != "indexedvaluetype$(echo "$type" | tr '[:upper:]' '[:lower:]')" ]; then
      log_warn "search attribute $name is $have_type in .data/temporal but $type in infra/temporal/search-attributes.txt; delete .data/temporal to start over"
    fi
  done < <(grep -Ev '^\s*(#|$)' infra/temporal/search-attributes.txt)
}

started_at="$(now_ms)"

if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  log_step "Temporal dev server"
  mkdir -p "$CERTFLOW_DATA/temporal"
  sa_flags=()
  while IFS= read -r attribute; do sa_flags+=(--search-attribute "$attribute"); done \
    < <(grep -Ev '^\s*(#|$)' infra/temporal/search-attributes.txt)
  start_service temporal "$temporal_cli" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" \
    --ui-port "$TEMPORAL_UI_PORT" --db-filename "$CERTFLOW_DATA/temporal/temporal.sqlite" --namespace default \
    --log-level error "${sa_flags[@]}"
  await temporal "gRPC on 127.0.0.1:$TEMPORAL_PORT" 60 \
    "$temporal_cli" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT"
  reconcile_search_attributes "127.0.0.1:$TEMPORAL_PORT"
  export TEMPORAL_ADDRESS="127.0.0.1:$TEMPORAL_PORT"
  export TEMPORAL_NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
else
  log_step "using the external Temporal at $TEMPORAL_ADDRESS (namespace ${TEMPORAL_NAMESPACE:-default})"
fi

if [ -z "${DATABASE_URL:-}" ]; then
  log_step "embedded database (PGlite)"
  # The CLI entry point serves; embedded-server.js is its library (kept as a fallback name).
  db_entry=packages/db/dist/embedded-server-cli.js
  [ -f "$db_entry" ] || db_entry=packages/db/dist/embedded-server.js
  [ -f "$db_entry" ] || fail "$db_entry is missing: the @certflow/db build did not produce its embedded server."
  mkdir -p "$CERTFLOW_DATA/pglite"
  EMBEDDED_DB_PORT="$EMBEDDED_DB_PORT" PGLITE_DATA_DIR="$CERTFLOW_DATA/pglite" start_service db node "$db_entry"
  await db "a listener on 127.0.0.1:$EMBEDDED_DB_PORT" 60 port_open 127.0.0.1 "$EMBEDDED_DB_PORT"
  export DATABASE_URL="postgres://postgres:postgres@127.0.0.1:$EMBEDDED_DB_PORT/postgres"
else
  log_step "using the external PostgreSQL from DATABASE_URL"
fi

if [ -z "${SMTP_HOST:-}" ]; then
  log_step "mailbox (SMTP on 127.0.0.1:$MAILBOX_PORT, messages in .data/mail)"
  MAILBOX_PORT="$MAILBOX_PORT" MAILBOX_DIR="$CERTFLOW_DATA/mail" start_service mail node apps/worker/dist/mailbox/main.js
  await mail "a listener on 127.0.0.1:$MAILBOX_PORT" 30 port_open 127.0.0.1 "$MAILBOX_PORT"
  export SMTP_HOST=127.0.0.1 SMTP_PORT="$MAILBOX_PORT"
else
  log_step "using the external SMTP server $SMTP_HOST"
fi

log_step "worker"
# A bounded heap keeps the worker small: the SDK sizes its sticky cache from it (about 200 programs at 512 MiB).
start_service worker node --max-old-space-size="${WORKER_HEAP_MB:-512}" apps/worker/dist/main.js

export PUBLIC_WEB_URL="${PUBLIC_WEB_URL:-http://localhost:$WEB_PORT}"

log_step "API"
PORT="$API_PORT" start_service api node apps/api/dist/main.js
await api "http://127.0.0.1:$API_PORT/health" 90 http_ok "http://127.0.0.1:$API_PORT/health"

# On an empty database: the demo organisation with one person per role, passwords generated and shown once.
log_step "first run"
node apps/api/dist/cli/first-run.js demo || fail "the first-run set-up failed (see above)."

log_step "web"
API_URL="http://127.0.0.1:$API_PORT" start_service web pnpm --filter @certflow/web preview --port "$WEB_PORT" --strictPort
await web "a listener on 127.0.0.1:$WEB_PORT" 60 port_open 127.0.0.1 "$WEB_PORT"

log_step "Certflow is running (started in $(elapsed_since "$started_at")); Ctrl-C stops everything"
log_info "web          http://localhost:$WEB_PORT  (sign in at /sign-in; demo accounts are printed above on the first run)"
log_info "API          http://localhost:$API_PORT  (health /health, OpenAPI /docs)"
if [ -n "${temporal_cli:-}" ] && [ "${service_pid[temporal]:-}" ]; then
  log_info "Temporal UI  http://localhost:$TEMPORAL_UI_PORT"
  log_info "Temporal     localhost:$TEMPORAL_PORT (gRPC)"
fi

# Supervise: if any service dies, stop the rest rather than leave a half-working stack.
while :; do
  for name in "${services[@]}"; do
    if ! kill -0 "${service_pid[$name]}" 2>/dev/null; then
      fail "$name exited unexpectedly; stopping the others."
    fi
  done
  sleep 1 &
  wait $! || true
done
