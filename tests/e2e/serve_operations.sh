#!/usr/bin/env bash
# End-to-end test of what an operator gets from fahras-serve: an access log
# (a line per request, the token never in it, reopened on SIGHUP after
# logrotate moves it), GET /metrics in Prometheus's text format (with the
# last batch of fahras-index --watch on the same index), CORS for one origin
# (off by default, preflight included), and bad options refused.
# Usage: serve_operations.sh BUILD_DIR CORPUS_DIR
set -euo pipefail
build=$1 corpus=$2
work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
serve=$build/server/fahras-serve
source "$(dirname "$0")/http_expect.sh"

cp -r "$corpus" "$work/corpus"
"$build/indexer/fahras-index" -q --db "$work/db" "$work/corpus" >/dev/null
code=0; "$serve" --db "$work/db" --port 0 --cors-origin 'https://app.example/path' > "$work/bad" 2>&1 || code=$?
[ "$code" = 2 ] && grep -q 'an origin is scheme://host' "$work/bad" || fail "a bad --cors-origin: $code $(cat "$work/bad")"
code=0; "$serve" --db "$work/db" --port 0 --access-log "$work/no/such/dir/log" > "$work/bad" 2>&1 || code=$?
[ "$code" = 2 ] && grep -q 'cannot open the access log' "$work/bad" || fail "an access log that cannot be opened: $code"

start() {  # start ARGS...: fahras-serve on a free port; sets url
  "$serve" --db "$work/db" --port 0 --threads 2 "$@" > "$work/out" 2>"$work/err" &
  server=$!
  for _ in $(seq 50); do grep -q listening "$work/out" && break; sleep 0.1; done
  url=http://127.0.0.1:$(grep -o '[0-9]*$' "$work/out") || fail "no start: $(cat "$work/out" "$work/err")"
}
stop() { kill "$server"; wait "$server" || true; server=; }

# 1. The access log, a line per request, to a file; /metrics.
start --access-log "$work/access.log"
expect 200 '"hits"' -G "$url/search" --data-urlencode 'q=H200 الصين' --data-urlencode 'token=abc'
expect 200 'فهرس' "$url/?q=%D8%A7%D9%84%D8%B5%D9%8A%D9%86"
expect 404 'no such endpoint' "$url/nothing"
expect 200 '"status":"ok"' "$url/health"
expect 200 'fahras_requests_total{route="/search",status="200"} 1' "$url/metrics"
grep -q '^fahras_requests_total{route="other",status="404"} 1$' "$work/body" || fail "404 not counted: $(cat "$work/body")"
grep -q '^fahras_search_duration_seconds_count 2$' "$work/body" || fail "searches not timed: $(cat "$work/body")"
grep -q '^fahras_search_duration_seconds_bucket{le="+Inf"} 2$' "$work/body" || fail "no histogram"
grep -q '^fahras_index_passages 106$' "$work/body" || fail "no passages gauge"
grep -q '^fahras_index_revision [1-9]' "$work/body" || fail "no revision gauge"
grep -q '^fahras_index_last_commit_timestamp_seconds 1[0-9]\{9\}' "$work/body" || fail "no commit time"
! grep -q 'Access-Control' <<< "$(curl -s -D - -o /dev/null "$url/health")" || fail "CORS headers without --cors-origin"
lines=$(wc -l < "$work/access.log")
[ "$lines" = 6 ] || fail "$lines access log lines, wanted 6: $(cat "$work/access.log")"
awk -F'\t' 'NF != 6 || $1 !~ /^20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T.*Z$/ || $5 !~ /^[0-9.]+$/ { bad = 1 } END { exit bad }' \
  "$work/access.log" || fail "malformed access log: $(cat "$work/access.log")"
grep -q $'\tGET\t/search?q=.*&token=\\*\\*\\*\t200\t' "$work/access.log" || fail "token not hidden: $(cat "$work/access.log")"
grep -q $'\tGET\t/nothing\t404\t' "$work/access.log" || fail "404 not logged"
! grep -q 'abc' "$work/access.log" || fail "the token's value is logged"
# logrotate moves the file, then SIGHUP: the next line goes to a new file.
mv "$work/access.log" "$work/access.log.1"
kill -HUP "$server"
sleep 0.3
expect 200 '"status":"ok"' "$url/health"
[ "$(wc -l < "$work/access.log")" = 1 ] || fail "no new log after SIGHUP"
[ "$(wc -l < "$work/access.log.1")" = 6 ] || fail "the rotated log grew"
kill -0 "$server" || fail "SIGHUP stopped the server"
stop

# 2. CORS for one origin; the log to stderr; --quiet.
start --cors-origin https://app.example
headers=$(curl -s -D - -o /dev/null -G "$url/search" --data-urlencode 'q=الصين')
grep -qi '^Access-Control-Allow-Origin: https://app.example' <<< "$headers" || fail "no CORS header: $headers"
preflight=$(curl -s -D - -o /dev/null -X OPTIONS -H 'Origin: https://app.example' \
  -H 'Access-Control-Request-Method: POST' "$url/documents")
grep -q '^HTTP/1.1 204' <<< "$preflight" || fail "preflight: $preflight"
grep -qi '^Access-Control-Allow-Headers: Authorization, Content-Type' <<< "$preflight" || fail "preflight headers: $preflight"
grep -q $'\tGET\t/search?q=' "$work/err" || fail "no access log on stderr: $(cat "$work/err")"
stop
start --quiet
expect 200 '"status":"ok"' "$url/health"
[ ! -s "$work/err" ] || fail "--quiet still logs: $(cat "$work/err")"
! grep -q 'fahras_watch_last_batch' <<< "$(curl -s "$url/metrics")" || fail "a watch batch without a watcher"

# 3. fahras-index --watch beside the service, on the same index: /metrics
# reports the watcher's last batch, which it writes with the batch's commit.
"$build/indexer/fahras-index" --db "$work/db" --watch --watch-quiet 150 "$work/corpus" 2>"$work/watch.log" &
watcher=$!
trap 'kill $watcher 2>/dev/null || true; wait $watcher 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 100); do grep -q 'first run' "$work/watch.log" && break; sleep 0.1; done
echo 'فقرة جديدة عن شحنة رقائق وصلت إلى بكين اليوم.' >> "$work/corpus/000_0fdb8642d30cb6d2.txt"
batch=
for _ in $(seq 100); do
  batch=$(curl -s "$url/metrics" | grep '^fahras_watch_last_batch_files{change="updated"}' || true)
  [ -n "$batch" ] && break
  sleep 0.1
done
[ "$batch" = 'fahras_watch_last_batch_files{change="updated"} 1' ] || fail "the watcher's batch: '$batch' $(cat "$work/watch.log")"
grep -q '^fahras_watch_last_batch_timestamp_seconds 1[0-9]\{9\}' <<< "$(curl -s "$url/metrics")" || fail "no batch time"
kill $watcher; wait $watcher || true
stop
echo "serve_operations: ok"
