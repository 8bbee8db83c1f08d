#!/usr/bin/env bash
# End-to-end test of fahras-serve under clients that are slow, malformed or
# hostile, and of its messages: 64 connections trickling headers while others
# search, request framing (Content-Length with Transfer-Encoding, a negative
# length), JSON Lines bodies of any Content-Type, ids holding a newline, paged
# documents, writers racing readers, wildcard floods, bad --port and token files.
# Usage: serve_safety.sh BUILD_DIR CORPUS_DIR
set -euo pipefail
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND exited $?" >&2' ERR
build=$1 corpus=$2
serve=$build/server/fahras-serve
work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  for job in $(jobs -p); do kill "$job" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cp -r "$corpus" "$work/corpus"
"$build/indexer/fahras-index" -q --db "$work/db" "$work/corpus" >/dev/null

# Messages at start-up.
code=0; "$serve" --db "$work/db" --port 70000 > "$work/out" 2>&1 || code=$?
[ "$code" = 2 ] && grep -q 'a port is a number from 0 to 65535' "$work/out" || fail "--port 70000: $code $(cat "$work/out")"
code=0; "$serve" --db "$work/db" --port 0 --token-file "$work/none" > "$work/out" 2>&1 || code=$?
[ "$code" = 2 ] && grep -q 'cannot read the token file: No such file' "$work/out" || fail "--token-file missing: $code $(cat "$work/out")"
mkdir -p "$work/docs" && echo 'تقرير' > "$work/docs/report.odt"
code=0; FAHRAS_TOKEN=t "$serve" --db "$work/docs" --port 0 > "$work/out" 2>&1 || code=$?
[ "$code" = 2 ] && grep -q 'not a Fahras index' "$work/out" || fail "--db docs/ with writes: $code $(cat "$work/out")"
[ "$(cat "$work/docs/report.odt")" = 'تقرير' ] || fail "docs/ changed"

printf 'secret-token \r\n' > "$work/token"   # CRLF and a space, as editors leave them
"$serve" --db "$work/db" --port 0 --threads 4 --request-timeout 3 --token-file "$work/token" \
  > "$work/out" 2>"$work/err" &
server=$!
for _ in $(seq 50); do grep -q listening "$work/out" && break; sleep 0.1; done
port=$(grep -o '[0-9]*$' "$work/out") || fail "server did not start: $(cat "$work/out" "$work/err")"
url=http://127.0.0.1:$port
auth='Authorization: Bearer secret-token'

source "$(dirname "$0")/http_expect.sh"
# raw REQUEST: sends bytes as they are and prints the first line of the answer.
# (Called in $(...): the server may close before the request is all sent.)
raw() {
  trap '' PIPE
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf '%b' "$1" >&3 2>/dev/null || true
  timeout 5 head -1 <&3 | tr -d '\r' || true
  exec 3<&- 3>&-
}

# The listening backlog holds at least 128 connections (ss shows it as Send-Q).
if command -v ss >/dev/null; then
  backlog=$(ss -ltnH "sport = :$port" 2>&1 | awk 'NR == 1 {print $3}') || true
  [ "${backlog:-0}" -ge 128 ] || fail "listen backlog ${backlog:-unknown}"
fi

# A token file's CRLF and spaces are not part of the token.
record='{"id":"web-1","title":"خبر","text":"كوالكوم تطلق شريحة جديدة."}'
expect 200 '"added":\["web-1"\]' -X POST -H "$auth" --data-binary "$record" "$url/documents"

# 10. Framing: both Content-Length and Transfer-Encoding, or a bad length, is a 400.
answer=$(raw 'POST /documents HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n')
[[ "$answer" == *' 400 '* ]] || fail "Content-Length with Transfer-Encoding was not refused: '$answer'"
answer=$(raw 'POST /documents HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n')
[[ "$answer" == *' 400 '* ]] || fail "Content-Length: -5 was not a 400: '$answer'"

# 12. A JSON Lines body of 35 kB with curl's default Content-Type (form-urlencoded).
for i in $(seq 220); do
  printf '{"id":"bulk-%d","title":"خبر رقم %d","text":"نص طويل عن شرائح الذكاء الاصطناعي وأسواق الصين وتايوان والولايات المتحدة رقم %d."}\n' "$i" "$i" "$i"
done > "$work/news.jsonl"
[ "$(stat -c %s "$work/news.jsonl")" -gt 30000 ] || fail "the bulk body is too small"
expect 200 '"added":\["bulk-1"' -X POST -H "$auth" --data-binary @"$work/news.jsonl" "$url/documents"

# 13. An id holding a newline can be fetched and deleted; documents come in pages.
expect 200 '"added"' -X POST -H "$auth" --data-binary '{"id":"two\nlines","title":"عنوان","text":"سطر أول.\nسطر ثان.\nسطر ثالث."}' "$url/documents"
expect 200 '"id":"two\\nlines"' "$url/documents/two%0Alines"
expect 200 '"next_offset":2' "$url/documents/two%0Alines?limit=2"
expect 200 '"total_passages":4' "$url/documents/two%0Alines?offset=2&limit=2"
expect 400 'limit must be at most' "$url/documents/two%0Alines?limit=100000"
expect 200 '"removed"' -X DELETE -H "$auth" "$url/documents/two%0Alines"
# 8. A document of one 7 MB word: stored in bounded windows, sent in pages of at most 4 MB,
# and the memory its requests took is returned.
anon() { awk '/^RssAnon:/ {print $2}' "/proc/$server/status"; }
baseline=$(anon)
{ printf '{"id":"giant","title":"كلمة عملاقة","text":"'; head -c 7000000 /dev/zero | tr '\0' 'k'; printf '"}\n'; } > "$work/giant.jsonl"
expect 200 '"added":\["giant"\]' -X POST -H "$auth" --data-binary @"$work/giant.jsonl" "$url/documents"
expect 200 '"next_offset":' "$url/documents/giant"
[ "$(stat -c %s "$work/body")" -lt $((5 << 20)) ] || fail "GET /documents/giant sent $(stat -c %s "$work/body") bytes"
expect 200 '"removed"' -X DELETE -H "$auth" "$url/documents/giant"
sleep 0.5
after=$(anon)
[ "$after" -lt $((baseline + 40000)) ] || fail "memory held after large requests: ${baseline} kB -> ${after} kB"
echo "anonymous memory around a 7 MB document's requests: ${baseline} kB -> ${after} kB"

# 2. A corpus file's id cannot be posted over: 409, and its passages stay.
expect 409 "the id is a corpus file's" -X POST -H "$auth" \
  --data-binary '{"id":"000_0fdb8642d30cb6d2.txt","title":"مزور","text":"نص."}' "$url/documents"
expect 200 '"file":"000_0fdb8642d30cb6d2.txt"' -G "$url/search" --data-urlencode 'q=إنفيديا H200' -d limit=50

# 4. A flood of wildcards ends within its budget.
wild=$(for i in $(seq 60); do printf 'ا* '; done)
expect 200 'searched as plain words' -G "$url/search" --data-urlencode "q=$wild"

# 6. 64 slow clients trickling headers leave searches answering.
for c in $(seq 64); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 0
   printf 'GET /search?q=x HTTP/1.1\r\nHost: x\r\n' >&3
   for _ in $(seq 20); do sleep 1; printf 'X-Slow: %d\r\n' "$c" >&3 2>/dev/null || exit 0; done) &
done
sleep 1
for i in $(seq 100); do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -G "$url/search" --data-urlencode "q=الصين H200 $i"
done > "$work/times"
bad=$(grep -vc '^200 ' "$work/times" || true)
[ "$bad" -eq 0 ] || fail "$bad of 100 searches failed beside 64 slow clients"
p99=$(awk '{print $2}' "$work/times" | sort -n | awk '{a[NR]=$1} END {print a[int(NR*0.99)]}')
awk -v t="$p99" 'BEGIN {exit !(t < 1.0)}' || fail "p99 $p99 s beside 64 slow clients"
echo "searches beside 64 slow clients: p99 ${p99}s"
# A trickling client is cut off by the request deadline (3 s here), not served forever.
started=$(date +%s)
(exec 3<>"/dev/tcp/127.0.0.1/$port"
 printf 'GET /search?q=x HTTP/1.1\r\n' >&3
 for _ in $(seq 30); do sleep 0.5; printf 'X-Slow: 1\r\n' >&3 2>/dev/null || exit 0; done; exit 1) ||
  true
elapsed=$(( $(date +%s) - started ))
[ "$elapsed" -le 8 ] || fail "a trickling client held its connection ${elapsed}s"

# 7. Writers and readers at once: no search fails.
for w in 1 2 3; do
  (for i in $(seq 15); do
     curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "$auth" \
       --data-binary "{\"id\":\"race-$w-$i\",\"title\":\"سباق\",\"text\":\"نص السباق $w $i عن الصين.\"}" "$url/documents"
     curl -s -o /dev/null -w '%{http_code}\n' -X DELETE -H "$auth" "$url/documents/race-$w-$i"
   done > "$work/writes-$w") &
done
for r in 1 2 3; do
  (for i in $(seq 60); do
     curl -s -o /dev/null -w '%{http_code}\n' -G "$url/search" --data-urlencode "q=سباق الصين $i"
   done > "$work/reads-$r") &
done
wait $(jobs -p | grep -v "^$server\$") 2>/dev/null || true
bad=$(cat "$work"/reads-* | grep -vc '^200$' || true)
if [ "$bad" -ne 0 ]; then
  # What failed, for the record: the statuses, and the server's lines for them.
  cat "$work"/reads-* | sort | uniq -c >&2
  { grep -hv "	200	" "$work/out" "$work/err" | grep "/search" | tail -10; } >&2 || true
  fail "$bad searches failed while documents were written"
fi
! grep -q "$work" "$work/body" || fail "an answer showed the index's path"

kill -TERM "$server"; wait "$server" || true
server=
echo "serve safety: ok"
