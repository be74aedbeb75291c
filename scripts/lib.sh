# Shared helpers for the scripts in scripts/ and infra/. Source it; it defines functions and
# a few variables and has no side effects beyond that.
# shellcheck shell=bash

CERTFLOW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CERTFLOW_TOOLS="$CERTFLOW_ROOT/.tools"
CERTFLOW_DATA="$CERTFLOW_ROOT/.data"
export CERTFLOW_ROOT CERTFLOW_TOOLS CERTFLOW_DATA

# Tools that the scripts install live in .tools; put them first so a plain `pnpm` is ours.
case ":$PATH:" in
  *":$CERTFLOW_TOOLS/pnpm/node_modules/.bin:"*) ;;
  *) PATH="$CERTFLOW_TOOLS/pnpm/node_modules/.bin:$PATH" ;;
esac
export PATH

log_step() { printf '==> %s\n' "$*" >&2; }
log_info() { printf '    %s\n' "$*" >&2; }
log_warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }
# Prints e.g. "12.3s" for the time since the given now_ms value.
elapsed_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1fs", (b - a) / 1000 }'; }

have() { command -v "$1" >/dev/null 2>&1; }
is_root() { [ "$(id -u)" = 0 ]; }

require_node() {
  have node || die "Node.js 20.19 or newer is required: install it (e.g. from nodejs.org or your package manager) and re-run."
  local v major minor
  v="$(node -p 'process.versions.node')"
  major="${v%%.*}"; minor="${v#*.}"; minor="${minor%%.*}"
  if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
    die "Node.js $v is too old: install Node.js 20.19 or newer and re-run."
  fi
}

require_go() {
  have go || die "Go 1.25 or newer is needed once to build the Temporal CLI: install Go (https://go.dev/dl or 'apt-get install golang-go' if recent enough), or put an existing 'temporal' binary on PATH / in TEMPORAL_CLI_PATH."
}

require_java_maven() {
  have java || die "Java 11 or newer is needed for the Temporal time-skipping test server: install a JDK (e.g. 'apt-get install openjdk-17-jdk-headless') and re-run."
  have mvn || die "Maven is needed once to fetch the Temporal test server jars: install it (e.g. 'apt-get install maven') and re-run."
}

# apt-get that waits for another apt/dpkg process instead of failing on its lock.
apt_get() {
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"
}

# One `apt-get update` per script run is enough; it is slow, so skip it when already done.
apt_update_once() {
  if [ -z "${CERTFLOW_APT_UPDATED:-}" ]; then
    log_info "apt-get update"
    apt_get update -qq >/dev/null
    CERTFLOW_APT_UPDATED=1
  fi
}

can_apt_install() { is_root && have apt-get; }

# Waits until a TCP port accepts connections; returns non-zero after the timeout (seconds).
wait_for_port() {
  local host="$1" port="$2" timeout="${3:-60}" deadline
  deadline=$(( $(date +%s) + timeout ))
  until (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
