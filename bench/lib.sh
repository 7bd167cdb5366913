# Shared helpers for the benchmark scripts (sourced, not run).

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$bench_root/.." && pwd)"

# The scripts build with ./mvnw, which needs a JDK 21+: found as the launcher finds it.
source "$repo_root/.mvn/find-jdk.sh"
JAVA_HOME="$(find_java_home || true)"
[[ -n "$JAVA_HOME" ]] || { echo "bench: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm)" >&2; exit 1; }
export JAVA_HOME

require() { # require TOOL [debian-package]
  command -v "$1" >/dev/null 2>&1 || { echo "bench: '$1' is missing (apt-get install ${2:-$1})" >&2; exit 1; }
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

wait_for() { # wait_for URL [seconds]
  local url="$1" limit="${2:-120}"
  for _ in $(seq 1 "$limit"); do
    curl -fs -o /dev/null "$url" && return 0
    sleep 1
  done
  echo "bench: $url did not answer in ${limit}s" >&2
  return 1
}

# Starts Pergola on a free port with a fresh data directory; sets PERGOLA_URL, PERGOLA_PID.
start_pergola() { # start_pergola WORKDIR
  local work="$1"
  local port; port="$(free_port)"
  export PERGOLA_ADMIN_TOKEN="pgl_bench-admin-token-$(date +%s)"
  export PERGOLA_TOKEN="$PERGOLA_ADMIN_TOKEN"
  export PERGOLA_URL="http://127.0.0.1:$port"
  "$repo_root/pergola" --version >/dev/null # builds pergola.jar on first use
  PERGOLA_JAVA_OPTS="${PERGOLA_JAVA_OPTS:-}" "$repo_root/pergola" serve --port "$port" --data "$work/data" \
    --server.address=127.0.0.1 --logging.level.root=WARN ${PERGOLA_SERVE_ARGS:-} >"$work/pergola.log" 2>&1 &
  PERGOLA_PID=$!
  wait_for "$PERGOLA_URL/health"
}

# Runs wrk and prints "requests_per_second p50_ms p99_ms"; any further arguments go to wrk.
measure() { # measure URL CONNECTIONS SECONDS [WRK_ARGS...]
  local out
  out="$(wrk -t2 -c"$2" -d"$3"s --latency "${@:4}" "$1")"
  local rps p50 p99
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}

to_ms() { # wrk prints 812.00us, 1.20ms or 2.01s
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else { print v } }'
}

# Prints the CPU time a process has used, user and system, in clock ticks.
cpu_ticks() { # cpu_ticks PID
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

# Prints the microseconds of CPU per request, from ticks before and after, requests/s and seconds.
cpu_per_request() { # cpu_per_request TICKS_BEFORE TICKS_AFTER REQUESTS_PER_SECOND SECONDS
  awk -v t="$(( $2 - $1 ))" -v hz="$(getconf CLK_TCK)" -v rps="$3" -v s="$4" \
    'BEGIN { printf "%.1f", t / hz * 1000000 / (rps * s) }'
}

# Prints "rss_mb cpu_seconds" of a process.
process_usage() {
  ps -o rss=,times= -p "$1" | awk '{ printf "%.0f %d", $1 / 1024, $2 }'
}
