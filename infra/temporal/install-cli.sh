#!/usr/bin/env bash
# Makes the Temporal CLI (which contains the dev server) available and prints its path on stdout.
# Order: TEMPORAL_CLI_PATH, `temporal` on PATH, .tools/bin/temporal, else build it with `go install`.
# With --no-build it only looks, and exits 1 when there is none.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

# v1.5.1 is the last tag whose go.mod has no `replace` directive, which `go install pkg@version` refuses.
CLI_VERSION=1.5.1

if [ -n "${TEMPORAL_CLI_PATH:-}" ]; then
  [ -x "$TEMPORAL_CLI_PATH" ] || die "TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not an executable file: point it at a Temporal CLI binary or unset it."
  log_info "Temporal CLI from TEMPORAL_CLI_PATH: $TEMPORAL_CLI_PATH"
  echo "$TEMPORAL_CLI_PATH"
  exit 0
fi

if have temporal; then
  log_info "Temporal CLI on PATH: $(command -v temporal)"
  command -v temporal
  exit 0
fi

# CERTFLOW_BIN_DIR exists so a cold build can be tried into a scratch directory.
bin_dir="${CERTFLOW_BIN_DIR:-$CERTFLOW_TOOLS/bin}"
target="$bin_dir/temporal"
if [ -x "$target" ]; then
  log_info "Temporal CLI already installed: $target"
  echo "$target"
  exit 0
fi

if [ "${1:-}" = "--no-build" ]; then
  exit 1
fi

require_go
log_info "building Temporal CLI v$CLI_VERSION with $(go version | awk '{print $3}') into $bin_dir (3-8 minutes on 2 cores with empty Go caches, seconds with warm ones)"
start="$(now_ms)"
mkdir -p "$bin_dir"
GOBIN="$bin_dir" CGO_ENABLED=0 go install -trimpath \
  -ldflags "-s -w -X github.com/temporalio/cli/temporalcli.Version=$CLI_VERSION" \
  "github.com/temporalio/cli/cmd/temporal@v$CLI_VERSION" >&2
[ -x "$target" ] || die "go install finished but $target is missing."
log_info "built $("$target" --version) in $(elapsed_since "$start")"
echo "$target"
