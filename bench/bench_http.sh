#!/usr/bin/env bash
# Load on fahras-serve's /search from wrk on loopback, bounded in time:
# requests per second, latency percentiles, failed requests; first right after
# the server starts (its threads' searchers open, caches fill), then warm,
# with one connection (each search alone) and with CONNECTIONS, with the
# server's memory (RSS, and of it the private part) and the milliseconds its
# access log gives the warm passes' searches, then while an
# application streams documents in (POST /documents, one record
# every 0.2 s: five commits a second; ten ids in turn, so after the first ten
# each post replaces an article), which the server's searchers follow
# (searcher/match/index_delta.h).
# Usage: bench_http.sh BUILD_DIR DB QUERIES_FILE [SECONDS] [CONNECTIONS]
set -euo pipefail
build=$1 db=$2 queries=$3 seconds=${4:-10} connections=${5:-8}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp) token=$(mktemp)
echo "bench-token-$$" > "$token"
"$build/server/fahras-serve" --db "$db" --port 0 --threads "$connections" --token-file "$token" > "$out" 2>&1 &
server=$!
writer=
trap 'kill $server $writer 2>/dev/null; rm -f "$out" "$token"' EXIT
for _ in $(seq 50); do grep -q listening "$out" && break; sleep 0.1; done
port=$(grep -o '[0-9]*$' "$out")
load() {
  local c=${2:-$connections}
  QUERIES=$queries TOOK=${TOOK:-} wrk -t "$((c < 2 ? c : 2))" -c "$c" -d "${seconds}s" --latency -s "$here/search.lua" "http://127.0.0.1:$port" \
    | grep -E 'Requests/sec|Latency |  50%|  99%|requests in|Non-2xx|Socket errors' | sed "s/^/$1: /"
}
# The milliseconds the service logged for each /search answered since line $1
# of its log: what a request costs inside the service, queueing included.
service_ms() {
  tail -n +"$1" "$out" | awk -F'\t' -v what="$2" '$2 == "GET" && $3 ~ /^\/search/ && $4 == 200 { print $5 }' |
    sort -g | awk -v what="$2" '{ v[NR] = $1 } END { if (NR) printf "%s: service_ms requests=%d p50=%.3f p99=%.3f max=%.3f\n", what, NR, v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1], v[NR] }'
}
load wrk-first
# One connection: each search alone, as bench_search times the library; and
# the searcher's own milliseconds in each answer (took_ms), as bench_search
# measures them.
from=$(($(wc -l < "$out") + 1))
took=$(mktemp)
TOOK=$took load wrk-1-connection 1
service_ms "$from" wrk-1-connection
sort -g "$took" | awk '{ v[NR] = $1 } END { if (NR) printf "wrk-1-connection: took_ms requests=%d p50=%.3f p99=%.3f max=%.3f\n", NR, v[int(NR * 0.5) + 1], v[int(NR * 0.99) + 1], v[NR] }'
rm -f "$took"
from=$(($(wc -l < "$out") + 1))
load wrk
service_ms "$from" wrk
grep -E '^(VmRSS|RssAnon)' "/proc/$server/status" | tr -s ' \t' ' ' | tr '\n' ' ' | sed 's/^/server memory: /'
echo
(
  for i in $(seq 1000000); do
    printf '{"id":"bench-live-%d","title":"خبر عاجل %d","text":"وافقت بكين على شحنة جديدة من رقائق H200 رقم %d."}\n' \
      "$((i % 10))" "$i" "$i" |
      curl -s -o /dev/null -X POST -H "Authorization: Bearer $(cat "$token")" --data-binary @- "http://127.0.0.1:$port/documents"
    sleep 0.2
  done
) &
writer=$!
load wrk-while-posting
kill $writer 2>/dev/null; wait $writer 2>/dev/null || true
writer=
