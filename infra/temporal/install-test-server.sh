#!/usr/bin/env bash
# Installs Temporal's Java time-skipping test server and prints the path of its launcher on stdout.
#
# The TypeScript SDK starts the test server as `<executable> <port>`, kills it with SIGKILL and gives it about
# 5 s (50 x 100 ms) to answer gRPC. So the launcher `exec`s the JVM (no orphaned child keeps the port), and
# start-up is shortened with a class-data-sharing archive recorded here at install time.
#
# Layout: .tools/temporal-test-server/{lib/*.jar,classpath,app.jsa,stamp} and .tools/bin/temporal-test-server.
# Honours MAVEN_OPTS (e.g. -Dmaven.repo.local=...). Re-runs are no-ops unless the pom or the JDK changed.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

pom="$CERTFLOW_ROOT/infra/temporal/test-server/pom.xml"
home="$CERTFLOW_TOOLS/temporal-test-server"
bin_dir="${CERTFLOW_BIN_DIR:-$CERTFLOW_TOOLS/bin}"
launcher="$bin_dir/temporal-test-server"

require_java_maven
java_bin="$(command -v java)"
# The archive is only valid for the exact JVM that wrote it, and the launcher depends on this script: both are
# part of the stamp, so a JDK upgrade or a change of flags here reinstalls.
stamp="$(cat "$pom" "${BASH_SOURCE[0]}"; readlink -f "$java_bin"; java -Xshare:off -version 2>&1)"
stamp_hash="$(printf '%s' "$stamp" | sha256sum | cut -c1-16)"

if [ -x "$launcher" ] && [ -f "$home/stamp" ] && [ "$(cat "$home/stamp")" = "$stamp_hash" ]; then
  log_info "Temporal test server already installed: $launcher"
  echo "$launcher"
  exit 0
fi

start="$(now_ms)"
log_info "resolving io.temporal:temporal-test-server with Maven into $home/lib"
rm -rf "$home.tmp"
mkdir -p "$home.tmp/lib" "$bin_dir"
# MAVEN_OPTS is read by mvn itself. Its output is only interesting when it fails.
if ! mvn -B -q -f "$pom" dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$home.tmp/lib" > "$home.tmp/maven.log" 2>&1; then
  cat "$home.tmp/maven.log" >&2
  die "Maven could not resolve the Temporal test server (see above): check access to Maven Central or MAVEN_OPTS."
fi
log_info "resolved $(find "$home.tmp/lib" -name '*.jar' | wc -l) jars in $(elapsed_since "$start")"

rm -rf "$home"
mv "$home.tmp" "$home"
# An explicit, sorted jar list: the CDS archive records the class path and is ignored if it differs.
find "$home/lib" -name '*.jar' | LC_ALL=C sort | paste -sd: - > "$home/classpath"

# Start-up flags, measured in infra/README.md: C1 only and the serial collector cut JIT and GC threads
# competing for 2 cores; the archive skips class loading and verification for ~all classes used at start-up.
jvm_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:-UsePerfData
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)

write_launcher() {
  local cds_flags="$1"
  cat > "$launcher.tmp" <<SH
#!/bin/sh
# Written by infra/temporal/install-test-server.sh. Called by @temporalio/testing as: temporal-test-server <port>
# exec: the SDK SIGKILLs its direct child, which must be the JVM itself.
exec "$java_bin" ${jvm_flags[*]} $cds_flags -cp "\$(cat '$home/classpath')" io.temporal.testserver.TestServer "\$@"
SH
  chmod +x "$launcher.tmp"
  mv "$launcher.tmp" "$launcher"
}

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# Record the archive by running the server once until it serves, then stopping it normally (SIGTERM runs the
# shutdown hooks, and the JVM writes the dynamic archive on exit).
log_info "recording a class-data-sharing archive for faster start-up"
cds_start="$(now_ms)"
port="$(free_port)"
"$java_bin" "${jvm_flags[@]}" -XX:ArchiveClassesAtExit="$home/app.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -cp "$(cat "$home/classpath")" io.temporal.testserver.TestServer "$port" >"$home/cds.log" 2>&1 &
pid=$!
if wait_for_port 127.0.0.1 "$port" 60; then
  # A real call loads the request path too; the CLI is optional here.
  if cli="$(TEMPORAL_CLI_PATH="${TEMPORAL_CLI_PATH:-}" bash "$CERTFLOW_ROOT/infra/temporal/install-cli.sh" --no-build 2>/dev/null)"; then
    "$cli" operator cluster system --address "127.0.0.1:$port" >/dev/null 2>&1 || true
  fi
  sleep 1
fi
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true

if [ -s "$home/app.jsa" ] && "$java_bin" "${jvm_flags[@]}" -XX:SharedArchiveFile="$home/app.jsa" -Xshare:on \
     -cp "$(cat "$home/classpath")" -version >/dev/null 2>&1; then
  write_launcher "-XX:SharedArchiveFile=$home/app.jsa -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
  log_info "archive written ($(du -h "$home/app.jsa" | cut -f1)) in $(elapsed_since "$cds_start")"
else
  log_warn "no usable class-data-sharing archive (see $home/cds.log); the test server starts without one"
  rm -f "$home/app.jsa"
  write_launcher ""
fi

echo "$stamp_hash" > "$home/stamp"
log_info "Temporal test server installed in $(elapsed_since "$start"): $launcher"
echo "$launcher"
