#!/usr/bin/env bash
# Stops a stack started by scripts/start.sh (from another terminal, or after the terminal was lost).
# Asks the supervisor first, which stops the services in order; then cleans up anything left behind.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUN_DIR="$CERTFLOW_DATA/run"
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }
wait_gone() {
  local pid="$1"
  for _ in $(seq 1 "$2"); do alive "$pid" || return 0; sleep 0.1; done
  ! alive "$pid"
}

if [ ! -d "$RUN_DIR" ] || [ -z "$(ls -A "$RUN_DIR" 2>/dev/null)" ]; then
  log_info "nothing to stop"
  exit 0
fi

supervisor="$(cat "$RUN_DIR/start.pid" 2>/dev/null || true)"
if alive "$supervisor"; then
  log_step "stopping Certflow (supervisor pid $supervisor)"
  kill -TERM "$supervisor"
  wait_gone "$supervisor" 600 || log_warn "the supervisor is still running after 60 s"
fi

# Services left behind (supervisor killed hard, terminal closed, ...): each pid is a process group.
for file in "$RUN_DIR"/*.pid; do
  [ -e "$file" ] || continue
  name="$(basename "$file" .pid)"
  pid="$(cat "$file")"
  [ "$name" = start ] && { rm -f "$file"; continue; }
  if alive "$pid"; then
    log_info "stopping $name (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" 100; then
      log_warn "$name did not stop within 10 s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$file"
done
log_info "stopped"
