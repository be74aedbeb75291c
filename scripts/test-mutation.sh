#!/usr/bin/env bash
# `pnpm test:mutation`: StrykerJS over the certification rules, the date, audit-time and cost rules and the catalog's
# coverage engine, one package after another (docs/testing/mutation.md). Incremental: a re-run tests only the
# mutants whose code or covering tests changed. Reports: .data/mutation/<package>/index.html. Not part of npm test.
# STRYKER_CONCURRENCY (default 1) sets the test processes; arguments name packages (worker, contracts, catalog).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$CERTFLOW_ROOT"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 TURBO_NO_UPDATE_NOTIFIER=1

declare -A dirs=([contracts]=packages/contracts [catalog]=packages/catalog [worker]=apps/worker)
selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=(contracts catalog worker)

log_step "build (the worker's rules import the built contracts and catalog)"
pnpm exec turbo run build --filter=@certflow/worker... --output-logs=errors-only
for name in "${selected[@]}"; do
  dir="${dirs[$name]:-}"
  [ -n "$dir" ] || die "unknown package '$name' (worker, contracts or catalog)"
  log_step "mutation testing: $dir"
  (cd "$dir" && pnpm run test:mutation)
done
log_step "mutation score per file"
node scripts/mutation/summary.mjs
