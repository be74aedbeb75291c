#!/usr/bin/env bash
# `npm test`: installs what the tests need, then builds, typechecks, lints and tests every package against the
# real services (Temporal dev server + Java time-skipping test server, PostgreSQL), then the browser tests.
# Exit status is non-zero on any failure. CI runs exactly this (.ci/run sets CI=true).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$CERTFLOW_ROOT"

# No phoning home from turbo; it must behave the same offline.
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 TURBO_NO_UPDATE_NOTIFIER=1

run_start="$(now_ms)"
summary=()
current=""
step_start=0

begin() { current="$1"; step_start="$(now_ms)"; log_step "$1"; }
end() { summary+=("ok      $(elapsed_since "$step_start")  $current"); current=""; }
print_summary() {
  local rc=$?
  [ -n "$current" ] && summary+=("FAILED  $(elapsed_since "$step_start")  $current")
  echo >&2
  log_step "summary"
  local line
  for line in "${summary[@]}"; do log_info "$line"; done
  if [ "$rc" = 0 ]; then
    log_info "all steps passed in $(elapsed_since "$run_start")"
    count_tests
  else
    log_info "failed (exit $rc) after $(elapsed_since "$run_start")"
  fi
}
# Sums vitest's "Tests  N passed (| M failed | K skipped | T todo)" lines into one closing line; skipped and todo
# tests count as skipped, so a test that did not run cannot hide (eslint.config.js forbids committing them).
count_tests() {
  cat "$test_logs"/*.log 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' | awk '
    / Tests +[0-9]/ {
      for (i = 1; i <= NF; i++) {
        if ($(i + 1) ~ /^passed/) passed += $i
        if ($(i + 1) ~ /^failed/) failed += $i
        if ($(i + 1) ~ /^(skipped|todo)/) skipped += $i
      }
    }
    END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }'
}
trap print_summary EXIT

# The install scripts print one value on stdout; anything else there would corrupt it silently.
expect_one_line() {
  local name="$1" value="$2" pattern="$3"
  [[ "$value" != *$'\n'* && "$value" =~ $pattern ]] \
    || die "$name is not what the set-up script should print (one line matching $pattern): '$value'"
}

begin "bootstrap (pnpm, dependencies)"
bash scripts/bootstrap.sh
end

begin "Temporal CLI (dev server)"
TEMPORAL_CLI_PATH="$(bash infra/temporal/install-cli.sh)"
expect_one_line TEMPORAL_CLI_PATH "$TEMPORAL_CLI_PATH" '^/'
export TEMPORAL_CLI_PATH
end

begin "Temporal time-skipping test server"
TEMPORAL_TEST_SERVER_PATH="$(bash infra/temporal/install-test-server.sh)"
expect_one_line TEMPORAL_TEST_SERVER_PATH "$TEMPORAL_TEST_SERVER_PATH" '^/'
export TEMPORAL_TEST_SERVER_PATH
end

begin "PostgreSQL for tests"
TEST_DATABASE_URL="$(bash infra/postgres/ensure-postgres.sh)"
expect_one_line TEST_DATABASE_URL "$TEST_DATABASE_URL" '^postgres(ql)?://'
export TEST_DATABASE_URL
end

log_info "TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH"
log_info "TEMPORAL_TEST_SERVER_PATH=$TEMPORAL_TEST_SERVER_PATH"
log_info "TEST_DATABASE_URL=$TEST_DATABASE_URL"

begin "formatting (prettier --check)"
pnpm exec prettier --check --log-level warn .
end

# Test output is also kept in .data/test-logs so the final line can count what ran.
test_logs="$CERTFLOW_DATA/test-logs"
rm -rf "$test_logs" && mkdir -p "$test_logs"

begin "turbo run build typecheck lint test"
pnpm exec turbo run build typecheck lint test --concurrency=2 \
  --ui=stream --log-order=stream --output-logs=new-only 2>&1 | tee "$test_logs/turbo.log"
end

if [ -d apps/web/e2e ]; then
  begin "Chromium for browser tests"
  if [ -z "${CHROMIUM_PATH:-}" ]; then
    if ! have chromium; then
      can_apt_install || die "the browser tests need Chromium: install Debian's 'chromium' package (or set CHROMIUM_PATH) and re-run."
      apt_update_once
      apt_get install -y -qq chromium >/dev/null
    fi
    CHROMIUM_PATH="$(command -v chromium)"
  fi
  [ -x "$CHROMIUM_PATH" ] || die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable: point it at a Chromium binary or unset it."
  export CHROMIUM_PATH
  log_info "CHROMIUM_PATH=$CHROMIUM_PATH"
  end

  begin "browser tests (@certflow/web test:e2e)"
  pnpm --filter @certflow/web test:e2e 2>&1 | tee "$test_logs/e2e.log"
  end
fi
