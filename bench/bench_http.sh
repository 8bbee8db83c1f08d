#!/usr/bin/env bash
# Load on fahras-serve's /search from wrk on loopback, bounded in time:
# requests per second, latency percentiles, failed requests.
# Usage: bench_http.sh BUILD_DIR DB QUERIES_FILE [SECONDS] [CONNECTIONS]
set -euo pipefail
build=$1 db=$2 queries=$3 seconds=${4:-10} connections=${5:-8}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp)
"$build/searcher/fahras-serve" --db "$db" --port 0 --threads "$connections" > "$out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 50); do grep -q listening "$out" && break; sleep 0.1; done
port=$(grep -o '[0-9]*$' "$out")
QUERIES=$queries wrk -t 2 -c "$connections" -d "${seconds}s" --latency -s "$here/search.lua" "http://127.0.0.1:$port" \
  | grep -E 'Requests/sec|Latency |  50%|  99%|requests in|Non-2xx|Socket errors' | sed 's/^/wrk: /'
