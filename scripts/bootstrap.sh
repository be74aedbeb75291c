#!/usr/bin/env bash
# Installs pnpm (the version pinned in package.json#packageManager) into .tools/pnpm and the workspace's
# dependencies. Idempotent: a second run only lets `pnpm install` confirm that nothing changed.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$CERTFLOW_ROOT"

require_node

pnpm_version="$(node -p 'require("./package.json").packageManager.replace(/^pnpm@/, "").split("+")[0]')"
pnpm_bin="$CERTFLOW_TOOLS/pnpm/node_modules/.bin/pnpm"
if [ ! -x "$pnpm_bin" ] || [ "$("$pnpm_bin" --version 2>/dev/null)" != "$pnpm_version" ]; then
  log_info "installing pnpm $pnpm_version into .tools/pnpm"
  have npm || die "npm is missing: install Node.js with npm (20.19 or newer) and re-run."
  npm install --prefix "$CERTFLOW_TOOLS/pnpm" --no-audit --no-fund --loglevel=error "pnpm@$pnpm_version" >&2
fi

install_args=(install)
if [ "${CI:-}" = true ]; then
  install_args+=(--frozen-lockfile)
fi
# Serialise with other installs into the same store on this machine, when flock is available.
if have flock; then
  flock /tmp/certflow-pnpm.lock pnpm "${install_args[@]}" >&2
else
  pnpm "${install_args[@]}" >&2
fi
