#!/usr/bin/env bash
# The asset path and the shell page under load: Pergola's origin against nginx serving the same
# file from disk, and the shell page (a visitor's; a signed-in user's, from a second Pergola with
# the login on) against nginx serving that page as a static file, all on loopback, same wrk
# settings, in one run. Prints a table and writes it to bench/results/assets-<timestamp>.md.
#
#   bench/assets/run.sh                 # 2 KB file, 32 connections, 15 s per measurement
#   CONNECTIONS=64 SECONDS_EACH=30 bench/assets/run.sh
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
require wrk; require nginx; require curl; require python3

connections="${CONNECTIONS:-32}"
seconds="${SECONDS_EACH:-15}"
size="${FILE_BYTES:-2048}"
work="$(mktemp -d /tmp/pergola-bench-assets.XXXXXX)"
nginx_pid=""
login_pid=""
cleanup() {
  [[ -n "${PERGOLA_PID:-}" ]] && kill "$PERGOLA_PID" 2>/dev/null || true
  [[ -n "$login_pid" ]] && kill "$login_pid" 2>/dev/null || true
  [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The bundle: a manifest and one JavaScript file of the chosen size.
mkdir -p "$work/bundle"
cat >"$work/bundle/pergola.json" <<JSON
{"name": "bench", "version": "1.0.0", "kind": "module", "entry": "app.js", "routes": ["/bench"]}
JSON
python3 - "$work/bundle/app.js" "$size" <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2])
line = "export const value = 'pergola benchmark payload';\n"
text = (line * (size // len(line) + 1))[:size]
open(path, "w").write(text)
PY

publish_bench() { # onto the Pergola at PERGOLA_URL
  "$repo_root/pergola" teams create bench >/dev/null
  "$repo_root/pergola" apps register bench --team bench >/dev/null
  "$repo_root/pergola" publish "$work/bundle" --quiet >/dev/null
  "$repo_root/pergola" promote bench 1.0.0 >/dev/null
}

# A second Pergola, idle while the first is measured, with the shell's login on (the embedded
# provider, one user, /bench public), for the shell page as a signed-in user gets it.
echo "bench: starting Pergola with a login..." >&2
bench_password="bench-$(date +%s)"
mkdir -p "$work/login"
PERGOLA_SERVE_ARGS="${PERGOLA_SERVE_ARGS:-} --pergola.login.provider=embedded --pergola.login.public-routes[0]=/bench
  --pergola.identity.users[0].username=bench --pergola.identity.users[0].password=$bench_password" \
  start_pergola "$work/login"
login_pid="$PERGOLA_PID"
publish_bench
signed_in_url="$PERGOLA_URL/bench"
# Signing in as a browser does: a protected page sends to the provider's form, the form back.
jar="$work/cookies.txt"
form="$(curl -fsSL -c "$jar" -b "$jar" "$PERGOLA_URL/")"
csrf="$(grep -o 'name="_csrf" value="[^"]*"' <<<"$form" | sed 's/.*value="//; s/"$//')"
curl -fsSL -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=bench" \
  --data-urlencode "password=$bench_password" --data-urlencode "_csrf=$csrf" "$PERGOLA_URL/idp/login"
session_cookie="PERGOLA_SESSION=$(awk '$6 == "PERGOLA_SESSION" {print $7}' "$jar")"
curl -fs -H "Cookie: $session_cookie" "$signed_in_url" | grep -q '"user":{"sub":"bench"' \
  || { echo "bench: signing in failed" >&2; exit 1; }

echo "bench: starting Pergola..." >&2
start_pergola "$work"
publish_bench
pergola_url="$PERGOLA_URL/assets/bench/1.0.0/app.js"
shell_url="$PERGOLA_URL/bench"
curl -fs -o "$work/served.js" "$pergola_url"
cmp -s "$work/served.js" "$work/bundle/app.js" || { echo "bench: Pergola served different bytes" >&2; exit 1; }

echo "bench: starting nginx..." >&2
nginx_port="$(free_port)"
mkdir -p "$work/www/assets/bench/1.0.0" "$work/nginx"
cp "$work/bundle/app.js" "$work/www/assets/bench/1.0.0/app.js"
# The shell page's baseline: the same page, as nginx would serve a static HTML file of that size.
curl -fs -o "$work/www/shell.html" "$shell_url"
# nginx's worker drops root privileges; let it read the files.
chmod 755 "$work" && chmod -R a+rX "$work/www"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  open_file_cache max=1000 inactive=60s;
  types { text/javascript js; text/html html; }
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    add_header Cache-Control "public, max-age=31536000, immutable";
  }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
nginx_url="http://127.0.0.1:$nginx_port/assets/bench/1.0.0/app.js"
nginx_shell_url="http://127.0.0.1:$nginx_port/shell.html"
wait_for "$nginx_url" 20

echo "bench: warming up (${seconds}s each)..." >&2
measure "$pergola_url" "$connections" "$seconds" >/dev/null
measure "$nginx_url" "$connections" 5 >/dev/null

echo "bench: measuring..." >&2
usage_before="$(process_usage "$PERGOLA_PID")"
p_ticks="$(cpu_ticks "$PERGOLA_PID")"
read -r p_rps p_p50 p_p99 <<<"$(measure "$pergola_url" "$connections" "$seconds")"
p_cpu="$(cpu_per_request "$p_ticks" "$(cpu_ticks "$PERGOLA_PID")" "$p_rps" "$seconds")"
usage_after="$(process_usage "$PERGOLA_PID")"
nginx_worker="$(pgrep -P "$nginx_pid" | head -1)"
n_ticks="$(cpu_ticks "$nginx_worker")"
read -r n_rps n_p50 n_p99 <<<"$(measure "$nginx_url" "$connections" "$seconds")"
n_cpu="$(cpu_per_request "$n_ticks" "$(cpu_ticks "$nginx_worker")" "$n_rps" "$seconds")"
measure "$shell_url" "$connections" 5 >/dev/null
read -r ps_rps ps_p50 ps_p99 <<<"$(measure "$shell_url" "$connections" "$seconds")"
read -r ns_rps ns_p50 ns_p99 <<<"$(measure "$nginx_shell_url" "$connections" "$seconds")"
signed_in=(-H "Cookie: $session_cookie" -H "Accept-Encoding: gzip, deflate, br, zstd") # as Chromium asks: brotli
measure "$signed_in_url" "$connections" "$seconds" "${signed_in[@]}" >/dev/null # its JVM is cold
read -r pu_rps pu_p50 pu_p99 <<<"$(measure "$signed_in_url" "$connections" "$seconds" "${signed_in[@]}")"
page_bytes="$(wc -c <"$work/www/shell.html")"

rss="$(cut -d' ' -f1 <<<"$usage_after")"
cpu="$(( $(cut -d' ' -f2 <<<"$usage_after") - $(cut -d' ' -f2 <<<"$usage_before") ))"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }

mkdir -p "$bench_root/results"
result="$bench_root/results/assets-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "Asset path, ${size}-byte file, wrk -t2 -c$connections -d${seconds}s, loopback, $(nproc) cores, $(date -u +%Y-%m-%d)"
  echo
  echo "| figure | Pergola | nginx | ratio (Pergola / nginx) |"
  echo "|---|---|---|---|"
  echo "| requests/s | $p_rps | $n_rps | $(ratio "$p_rps" "$n_rps") |"
  echo "| p50 latency (ms) | $p_p50 | $n_p50 | $(ratio "$p_p50" "$n_p50") |"
  echo "| p99 latency (ms) | $p_p99 | $n_p99 | $(ratio "$p_p99" "$n_p99") |"
  echo "| server CPU per request (µs) | $p_cpu | $n_cpu | $(ratio "$p_cpu" "$n_cpu") |"
  echo "| shell page (${page_bytes} bytes) requests/s | $ps_rps | $ns_rps (static file) | $(ratio "$ps_rps" "$ns_rps") |"
  echo "| shell page p99 latency (ms) | $ps_p99 | $ns_p99 | $(ratio "$ps_p99" "$ns_p99") |"
  echo "| shell page, signed in (login on; brotli), requests/s | $pu_rps | $ns_rps (static file) | $(ratio "$pu_rps" "$ns_rps") |"
  echo "| shell page, signed in, p99 latency (ms) | $pu_p99 | $ns_p99 | $(ratio "$pu_p99" "$ns_p99") |"
  echo
  echo "Pergola server during its measurement: RSS ${rss} MB, CPU ${cpu} s over ${seconds} s."
} | tee "$result"
