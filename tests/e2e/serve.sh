#!/usr/bin/env bash
# End-to-end test of fahras-serve with a real HTTP client (curl): every
# endpoint, malformed requests, invalid UTF-8, an oversized body, a wrong
# token, concurrent searches while fahras-index rewrites the index, the search
# page following fahras-index --watch, SIGTERM.
# Usage: serve.sh BUILD_DIR CORPUS_DIR
set -euo pipefail
build=$1 corpus=$2
work=$(mktemp -d)
server= watcher=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  [ -n "$watcher" ] && kill -9 "$watcher" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cp -r "$corpus" "$work/corpus"
"$build/indexer/fahras-index" -q --db "$work/db" "$work/corpus" >/dev/null
echo secret-token > "$work/token"
"$build/server/fahras-serve" --db "$work/db" --port 0 --threads 4 --token-file "$work/token" > "$work/out" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q listening "$work/out" && break; sleep 0.1; done
port=$(grep -o '[0-9]*$' "$work/out") || fail "server did not start: $(cat "$work/out")"
url=http://127.0.0.1:$port

source "$(dirname "$0")/http_expect.sh"

expect 200 '"status":"ok"' "$url/health"
expect 200 '"hits":\[{' -G "$url/search" --data-urlencode 'q=H200 الصين موافقة'
expect 200 '"highlights":\[\[' -G "$url/search" --data-urlencode 'q=Nvidia' -d limit=3
expect 200 '"profile":{"fetch":[0-9.]*,"highlight":' -G "$url/search" --data-urlencode 'q=Nvidia' -d profile=1
expect 200 '"total":' "$url/search?q=%FF%FE%E0"                      # invalid UTF-8
expect 400 'missing query parameter' "$url/search"
expect 400 'non-negative integers' "$url/search?q=x&limit=abc"
expect 400 'rerank_depth must be at most' "$url/search?q=x&rerank_depth=5000"
expect 200 '"hits":\[{' -G "$url/search" --data-urlencode 'q=H200 الصين' -d rerank_depth=10
expect 400 'at most 100' "$url/search?q=x&limit=5000"
expect 400 'longer than' -G "$url/search" --data-urlencode "q=$(head -c 6000 /dev/zero | tr '\0' 'a')"
expect 404 'no such endpoint' "$url/nothing-here"
expect 200 '"passages":\[{"line":1' "$url/documents/000_0fdb8642d30cb6d2.txt"
# The article's title (its first line), stored once for the article.
expect 200 '"title":"وافقت السلطات الصينية على استيراد الدفعة الأولى' "$url/documents/000_0fdb8642d30cb6d2.txt"
expect 404 'no document' "$url/documents/missing.txt"
expect 200 '"passages":106' "$url/stats"
expect 200 '"suggestion":"الصينية"' -G "$url/suggest" --data-urlencode 'q=الصنيية'
# A keep-alive client's requests share its connection, 1,000 at most: 1,001
# searches take two connections.
connects=$(for i in $(seq 1001); do printf 'url = "%s/search?q=Nvidia&limit=1"\noutput = "/dev/null"\n' "$url"; done |
  curl -s -K - -w '%{num_connects}\n' | awk '{ sum += $1 } END { print sum }')
[ "$connects" = 2 ] || fail "1,001 keep-alive searches took $connects connections, not 2"

# Writes: token required; malformed lines reported; oversized bodies refused.
record='{"id":"web-1","title":"خبر","text":"كوالكوم تطلق شريحة جديدة.","url":"https://example.com/1"}'
expect 401 'Bearer' -X POST --data-binary "$record" "$url/documents"
expect 401 'Bearer' -X POST -H 'Authorization: Bearer wrong' --data-binary "$record" "$url/documents"
expect 200 '"added":\["web-1"\]' -X POST -H 'Authorization: Bearer secret-token' --data-binary "$record" "$url/documents"
expect 200 '"url":"https://example.com/1"' -G "$url/search" --data-urlencode 'q=Qualcomm'
expect 422 'body:2' -X POST -H 'Authorization: Bearer secret-token' --data-binary $'{"id":"web-2","text":"نص"}\n{broken' "$url/documents"
head -c $((9 << 20)) /dev/zero | tr '\0' 'a' > "$work/big"
expect 413 'too large' -X POST -H 'Authorization: Bearer secret-token' --data-binary @"$work/big" "$url/documents"
expect 200 '"removed":\["web-1"\]' -X DELETE -H 'Authorization: Bearer secret-token' "$url/documents/web-1"
expect 404 'no such document' -X DELETE -H 'Authorization: Bearer secret-token' "$url/documents/web-1"
expect 404 'no document' "$url/documents/web-1"
# Writes add up: a post that brings the passages changed since the last
# compaction to a quarter of the index compacts it, and searches go on.
long_text=$(for i in $(seq 40); do printf 'فقرة %d عن مصانع رقائق سامسونج.\\n' "$i"; done)
expect 200 '"compaction":{"bytes_after":' -X POST -H 'Authorization: Bearer secret-token' \
  --data-binary "{\"id\":\"web-long\",\"title\":\"سامسونج\",\"text\":\"$long_text\"}" "$url/documents"
expect 200 '"line":41,"rank":1,.*"text":"فقرة 40 عن' -G "$url/search" --data-urlencode 'q=فقرة 40 سامسونج'
expect 200 '"hits":\[{' -G "$url/search" --data-urlencode 'q=H200 الصين موافقة'
[ ! -e "$work/db.compacting" ] || fail "compaction left its copy"

# Concurrent searches while the indexer rewrites the index: no failed request.
(
  for round in 1 2 3 4; do
    for f in "$work"/corpus/*.txt; do echo "فقرة جديدة رقم $round عن الصين" >> "$f"; done
    "$build/indexer/fahras-index" -q --db "$work/db" "$work/corpus" >/dev/null
  done
) &
indexer=$!
for client in 1 2 3 4; do
  (for i in $(seq 60); do
     curl -s -o /dev/null -w '%{http_code}\n' -G "$url/search" --data-urlencode "q=الصين H200 $i"
   done > "$work/codes-$client") &
done
wait $indexer
for job in $(jobs -p); do [ "$job" = "$server" ] || wait "$job" || true; done
total=$(cat "$work"/codes-* | wc -l)
bad=$(cat "$work"/codes-* | grep -vc '^200$' || true)
[ "$total" -eq 240 ] || fail "only $total concurrent requests answered"
[ "$bad" -eq 0 ] || fail "$bad of $total concurrent requests failed: $(grep -v $'\t' "$work/out" | tail -5)"
expect 200 'رقم 4' -G "$url/search" --data-urlencode 'q="فقرة جديدة رقم 4"'   # sees the latest commit

# The search page sees what a watcher indexes: a new article appears on it.
expect 200 'dir="rtl"' "$url/"
"$build/indexer/fahras-index" --db "$work/db" --watch --watch-quiet 100 "$work/corpus" 2>"$work/watch.log" &
watcher=$!
for _ in $(seq 100); do grep -q 'first run' "$work/watch.log" && break; sleep 0.1; done
printf 'عنوان المقال المراقب\nكتب المراقب عن زرافة قزحية اللون في الحديقة.\n' > "$work/corpus/watched.txt"
seen=
for _ in $(seq 100); do
  if [ "$(status "$work/body" -G "$url/" --data-urlencode 'q=زرافة قزحية')" = 200 ] &&
     grep -q 'watched.txt:2' "$work/body"; then seen=1; break; fi
  sleep 0.1
done
[ -n "$seen" ] || fail "the page never showed the watched article: $(cat "$work/watch.log")"
grep -q '<mark>زرافة</mark>' "$work/body" || fail "the page does not mark the query's words"
kill -TERM "$watcher"; wait "$watcher" || fail "the watcher did not exit 0 after SIGTERM"
watcher=

# SIGTERM: a clean exit, promptly.
kill -TERM "$server"
for _ in $(seq 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
kill -0 "$server" 2>/dev/null && fail "still running 10 s after SIGTERM"
wait "$server"; code=$?
server=
[ "$code" -eq 0 ] || fail "exit status $code after SIGTERM"
echo "e2e.serve: ok ($total concurrent requests, 0 failed)"
