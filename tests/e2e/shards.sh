#!/usr/bin/env bash
# Scale-out end to end: corpus/ indexed as 2 shards, the shards served by
# xapian-tcpsrv on 127.0.0.1, and fahras-search over the remote shards must
# rank exactly as the same shards opened locally, and score as one index of the
# same corpus, with synonyms and spelling suggestions still working; and a
# fahras-serve connected to the remote shards sees what a run that compacts
# the shards wrote.
# Usage: shards.sh BUILD_DIR CORPUS_DIR
set -euo pipefail
build=$1 corpus=$2
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
cp -r "$corpus" "$work/corpus"
corpus=$work/corpus
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$build/indexer/fahras-index" -q --db "$work/one" "$corpus" >/dev/null
"$build/indexer/fahras-index" -q --db "$work/sharded" --shards 2 "$corpus" >/dev/null
[ -f "$work/sharded/XAPIANDB" ] || fail "no stub file"
grep -q 'No errors' <<< "$(xapian-check "$work/sharded/shard-00")" || fail "shard-00 fails xapian-check"

# xapian-tcpsrv signals its whole process group on SIGTERM: give it its own session.
start_server() { # start_server SHARD -> prints the port it listens on
  for _ in $(seq 20); do
    local port=$((20000 + RANDOM % 20000))
    setsid xapian-tcpsrv --port "$port" --interface 127.0.0.1 --quiet "$1" >"$work/tcpsrv-$port.log" 2>&1 &
    local pid=$!
    sleep 0.3
    if kill -0 "$pid" 2>/dev/null; then echo "$pid $port"; return; fi
  done
  fail "xapian-tcpsrv did not start"
}
read -r pid0 port0 < <(start_server "$work/sharded/shard-00"); pids+=("$pid0")
read -r pid1 port1 < <(start_server "$work/sharded/shard-01"); pids+=("$pid1")
remote=(--db "127.0.0.1:$port0" --db "127.0.0.1:$port1" --spelling "$work/sharded")

ranking() { "$build/searcher/fahras-search" --json -n 20 "$@" | grep -o '"file":"[^"]*"\|"title":"[^"]*"\|"line":[0-9]*\|"score":[0-9.]*' | paste -sd' '; }
# Remote shards rank exactly as the same shards opened locally, and as one
# index of the same corpus: passage by passage, score by score, title by title (statistics are
# global, and passages of equal weight make the re-ranking cut by their
# location, not by docids, which depend on the layout).
for q in 'H200 الصين موافقة' 'Nvidia' 'هوانج' 'Huawei' 'شرائح الذكاء الاصطناعي' '"الذكاء الاصطناعي"' 'ترامب NOT الصين'; do
  sharded_ranking=$(ranking --db "$work/sharded" -- "$q")
  [ -n "$sharded_ranking" ] || fail "no hits for $q"
  # Each article's title is its shard's metadata: read from that shard.
  [[ $sharded_ranking != *'"title":""'* ]] || fail "a hit of '$q' without its article's title"
  [ "$(ranking "${remote[@]}" -- "$q")" = "$sharded_ranking" ] || fail "remote shards rank '$q' differently"
  [ "$(ranking --db "$work/sharded" -- "$q")" = "$(ranking --db "$work/one" -- "$q")" ] ||
    fail "sharded and single index rank '$q' differently"
done
# The stems under a phonetic key are each shard's metadata (indexer/key_vocabulary.h):
# read from every shard, local or remote, they expand a query as one index does.
expansion() { "$build/searcher/fahras-search" --show-query -n 1 "$@" 2>&1 >/dev/null | grep '^Query('; }
# A stub file naming the remote shards.
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$port0" "$port1" > "$work/remote.stub"
for q in 'Nvidia' 'Huang' 'بايتدانس'; do
  expected=$(expansion --db "$work/one" -- "$q")
  [ "$(expansion --db "$work/sharded" -- "$q")" = "$expected" ] || fail "sharded index expands '$q' otherwise"
  [ "$(expansion "${remote[@]}" -- "$q")" = "$expected" ] || fail "remote shards expand '$q' otherwise"
  [ "$(expansion --db "$work/remote.stub" --spelling "$work/sharded" -- "$q")" = "$expected" ] ||
    fail "a stub of remote shards expands '$q' otherwise"
done
grep -q 'هواوي' <<< "$("$build/searcher/fahras-search" "${remote[@]}" --json Huawei)" || fail "synonyms over remote shards"
suggestion=$("$build/searcher/fahras-search" "${remote[@]}" --json الصنيية || true)  # no hits: exit 1
grep -q '"suggestion":"الصينية"' <<< "$suggestion" || fail "spelling over remote shards: $suggestion"
# A server holding connections to the shards across a run that compacts them:
# the copies' new UUIDs, seen through its --spelling index, make it reconnect
# (docs/scaling.md: xapian-tcpsrv itself does not report a copy made at the
# revision its database had).
"$build/server/fahras-serve" "${remote[@]}" --port 0 --threads 1 >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do grep -q listening "$work/serve.log" && break; sleep 0.1; done
serve_port=$(grep -o '[0-9]*$' "$work/serve.log") || fail "fahras-serve did not start"
found() { curl -s -G "http://127.0.0.1:$serve_port/search" --data-urlencode "q=$1" | grep -c "$2" || true; }
[ "$(found مقايضة 'فقرة عن المقايضة')" = 0 ] || fail "the new paragraph is found before it was indexed"
echo "فقرة عن المقايضة بين الشركتين." >> "$corpus/000_0fdb8642d30cb6d2.txt"
grep -q 'compacted the index' <<< "$("$build/indexer/fahras-index" -q --db "$work/sharded" --compact "$corpus")" ||
  fail "the shards were not compacted"
[ "$(found مقايضة 'فقرة عن المقايضة')" = 1 ] || fail "fahras-serve on remote shards misses what was indexed"
echo "e2e.shards: ok"
