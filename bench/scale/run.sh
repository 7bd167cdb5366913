#!/usr/bin/env bash
# Two Pergola nodes on one PostgreSQL database and one S3-compatible bucket, behind nginx as the
# load balancer, against one node, in one run: the asset path and the shell page under wrk.
# Prints a table and writes it to bench/results/scale-<timestamp>.md.
#
# Needs a PostgreSQL server it may create a database in (PERGOLA_TEST_POSTGRES_URL, _USER,
# _PASSWORD, as .ci/run sets up; default jdbc:postgresql://127.0.0.1:5432/pergola_test with
# pergola_test/pergola_test) and psql. S3Proxy comes from Maven Central.
#
#   bench/scale/run.sh          # 32 connections, 10 s per measurement
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
require wrk; require nginx; require curl; require psql postgresql-client; require python3

connections="${CONNECTIONS:-32}"
seconds="${SECONDS_EACH:-10}"
pg_url="${PERGOLA_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/pergola_test}"
pg_user="${PERGOLA_TEST_POSTGRES_USER:-pergola_test}"
pg_password="${PERGOLA_TEST_POSTGRES_PASSWORD:-pergola_test}"
pg_hostport="$(sed -E 's#jdbc:postgresql://([^/]+)/.*#\1#' <<<"$pg_url")"
database="pergola_bench_$$"
work="$(mktemp -d /tmp/pergola-bench-scale.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  PGPASSWORD="$pg_password" psql -q -h "${pg_hostport%:*}" -p "${pg_hostport#*:}" -U "$pg_user" -d postgres \
    -c "drop database if exists $database" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
chmod 755 "$work"

echo "bench: database $database..." >&2
PGPASSWORD="$pg_password" psql -q -h "${pg_hostport%:*}" -p "${pg_hostport#*:}" -U "$pg_user" -d postgres \
  -c "create database $database" >/dev/null
jdbc="jdbc:postgresql://$pg_hostport/$database"

echo "bench: S3Proxy from Maven Central..." >&2
(cd "$repo_root" && ./mvnw -q -B dependency:copy \
  -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies -DoutputDirectory="$work" >&2)
s3_port="$(free_port)"
mkdir -p "$work/s3"
cat >"$work/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$s3_port
s3proxy.authorization=none
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$work/s3
CONF
"${JAVA_HOME:-/usr}/bin/java" -jar "$work"/s3proxy-*-jar-with-dependencies.jar --properties "$work/s3proxy.conf" \
  >"$work/s3proxy.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$s3_port/" && break; sleep 1; done
curl -fs -X PUT "http://127.0.0.1:$s3_port/pergola" >/dev/null

export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1
export PERGOLA_ADMIN_TOKEN="pgl_bench-admin-token-$(date +%s)" PERGOLA_TOKEN
PERGOLA_TOKEN="$PERGOLA_ADMIN_TOKEN"
start_node() { # start_node NAME -> prints the port
  local port; port="$(free_port)"
  "$repo_root/pergola" serve --port "$port" --data "$work/$1" --server.address=127.0.0.1 \
    --logging.level.root=WARN --spring.datasource.url="$jdbc" \
    --spring.datasource.username="$pg_user" --spring.datasource.password="$pg_password" \
    --pergola.storage.type=s3 --pergola.storage.s3.bucket=pergola \
    --pergola.storage.s3.endpoint="http://127.0.0.1:$s3_port" --pergola.storage.s3.path-style=true \
    >"$work/$1.log" 2>&1 &
  pids+=($!)
  echo "$port"
}
echo "bench: two nodes..." >&2
port_a="$(start_node a)"; wait_for "http://127.0.0.1:$port_a/health"
port_b="$(start_node b)"; wait_for "http://127.0.0.1:$port_b/health"
export PERGOLA_URL="http://127.0.0.1:$port_a"

mkdir -p "$work/bundle"
echo '{"name": "bench", "version": "1.0.0", "kind": "module", "entry": "app.js", "routes": ["/bench"]}' \
  >"$work/bundle/pergola.json"
python3 -c "import sys; l='export const value = \'pergola benchmark payload\';\n'; open(sys.argv[1],'w').write((l*60)[:2048])" \
  "$work/bundle/app.js"
"$repo_root/pergola" teams create bench >/dev/null
"$repo_root/pergola" apps register bench --team bench >/dev/null
"$repo_root/pergola" publish "$work/bundle" --quiet >/dev/null
"$repo_root/pergola" promote bench 1.0.0 >/dev/null
sleep 1 # both nodes have polled the new revision (the poll interval is 500 ms)

echo "bench: nginx in front..." >&2
mkdir -p "$work/nginx"
lb_port="$(free_port)"; one_port="$(free_port)"
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  upstream two { server 127.0.0.1:$port_a; server 127.0.0.1:$port_b; keepalive 64; }
  upstream one { server 127.0.0.1:$port_a; keepalive 64; }
  server { listen 127.0.0.1:$lb_port; location / { proxy_pass http://two; proxy_http_version 1.1; proxy_set_header Connection ""; } }
  server { listen 127.0.0.1:$one_port; location / { proxy_pass http://one; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
wait_for "http://127.0.0.1:$lb_port/health" 20

asset="/assets/bench/1.0.0/app.js"
declare -A rps
for target in "node:$port_a" "lb-one:$one_port" "lb-two:$lb_port"; do
  name="${target%%:*}"; port="${target#*:}"
  for path in "$asset" "/bench"; do
    measure "http://127.0.0.1:$port$path" "$connections" 3 >/dev/null # warm-up
    read -r r _ p99 <<<"$(measure "http://127.0.0.1:$port$path" "$connections" "$seconds")"
    rps["$name$path"]="$r ($p99 ms p99)"
  done
done

mkdir -p "$bench_root/results"
result="$bench_root/results/scale-$(date -u +%Y%m%dT%H%M%SZ).md"
{
  echo "Two nodes vs one, PostgreSQL + S3Proxy, wrk -t2 -c$connections -d${seconds}s, loopback, $(nproc) cores, $(date -u +%Y-%m-%d)"
  echo
  echo "| path | one node, direct | nginx → one node | nginx → two nodes |"
  echo "|---|---|---|---|"
  echo "| asset (2 KB) req/s | ${rps[node$asset]} | ${rps[lb-one$asset]} | ${rps[lb-two$asset]} |"
  echo "| shell page req/s | ${rps[node/bench]} | ${rps[lb-one/bench]} | ${rps[lb-two/bench]} |"
} | tee "$result"
