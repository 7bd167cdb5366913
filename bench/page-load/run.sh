#!/usr/bin/env bash
# Page load of the signed-in demo in headless Chromium (Debian's /usr/bin/chromium): Pergola
# beside the same children and libraries as one bundle on one static page (the monolith) and
# wrapped for single-spa behind an import map, both served by nginx; cold cache, on loopback and
# with 40 ms / 10 Mbit/s emulated. Prints a table per network and writes them, with each page's
# requests, to bench/results/page-load-<timestamp>.md.
# Usage: bench/page-load/run.sh
# Settings: RUNS (default 15 loads of each page), WARMUP (2 rounds, discarded), WARMUP_SECONDS
# (15: each server is sent its pages and files that long first, so the JVM's JIT is warm),
# ROUTES (default /shipping,/billing,/profile), FRAGMENTS (true: a fourth column, the demo with
# --server-fragments, whose billing list is rendered by its team's service into the page).
# Needs node and npm (esbuild and single-spa are installed here from npm, never committed), nginx
# and its brotli module.
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
require node nodejs
require npm
require nginx
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] ||
  { echo "bench: nginx's brotli module is missing (apt-get install libnginx-mod-http-brotli-static)" >&2; exit 1; }
cd "$repo_root"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Rebuilt every run, so the figures are those of this working tree.
./mvnw -q -B install -DskipTests >&2
(cd "$bench_root/page-load" && npm install --no-package-lock --no-audit --no-fund --loglevel=error >&2)
mkdir -p "$bench_root/results"
exec ./mvnw -q -B -pl pergola-e2e org.codehaus.mojo:exec-maven-plugin:3.6.2:java \
  -Dexec.classpathScope=test -Dexec.mainClass=io.pergola.e2e.PageLoadBenchmark \
  -Druns="${RUNS:-15}" -Dwarmup="${WARMUP:-2}" -DwarmupSeconds="${WARMUP_SECONDS:-15}" -Droutes="${ROUTES:-/shipping,/billing,/profile}" -Dfragments="${FRAGMENTS:-false}" \
  -Dbench.dir="$bench_root/page-load" -Dresults="$bench_root/results/page-load-$(date -u +%Y%m%dT%H%M%SZ).md"
