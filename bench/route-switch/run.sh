#!/usr/bin/env bash
# Route switch in the demo, in headless Chromium (Debian's /usr/bin/chromium): click to first
# frame of the new child, for a child not loaded yet (cold cache) and one already loaded, on
# loopback and with 40 ms / 10 Mbit/s emulated. Prints a table. Usage: bench/route-switch/run.sh
# Settings: RUNS (default 15), WARMUP_SECONDS (15: the demo is sent its pages and files that
# long first, so the JVM's JIT is warm, as a server in service is).
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
cd "$repo_root"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
./mvnw -q -B install -DskipTests >&2
exec ./mvnw -q -B -pl pergola-e2e org.codehaus.mojo:exec-maven-plugin:3.6.2:java \
  -Dexec.classpathScope=test -Dexec.mainClass=io.pergola.e2e.RouteSwitchBenchmark -Druns="${RUNS:-15}" -DwarmupSeconds="${WARMUP_SECONDS:-15}"
