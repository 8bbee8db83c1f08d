#!/usr/bin/env bash
# Scale-out end to end: corpus/ indexed as 2 shards, the shards served by
# xapian-tcpsrv on 127.0.0.1, and fahras-search over the remote shards must
# rank exactly as over one local index of the same corpus (same passages,
# same scores), with synonyms and spelling suggestions still working.
# Usage: shards.sh BUILD_DIR CORPUS_DIR
set -euo pipefail
build=$1 corpus=$2
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$build/indexer/fahras-index" -q --db "$work/one" "$corpus" >/dev/null
"$build/indexer/fahras-index" -q --db "$work/sharded" --shards 2 "$corpus" >/dev/null
[ -f "$work/sharded/XAPIANDB" ] || fail "no stub file"
xapian-check "$work/sharded/shard-00" | grep -q 'No errors' || fail "shard-00 fails xapian-check"

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

ranking() { "$build/searcher/fahras-search" --json -n 20 "$@" | grep -o '"file":"[^"]*"\|"line":[0-9]*\|"score":[0-9.]*' | paste -sd' '; }
for q in 'H200 الصين موافقة' 'Nvidia' 'هوانج' 'Huawei' 'شرائح الذكاء الاصطناعي' '"الذكاء الاصطناعي"' 'ترامب NOT الصين'; do
  local_ranking=$(ranking --db "$work/one" -- "$q")
  [ -n "$local_ranking" ] || fail "no local hits for $q"
  [ "$(ranking "${remote[@]}" -- "$q")" = "$local_ranking" ] || fail "remote shards rank '$q' differently"
  [ "$(ranking --db "$work/sharded" -- "$q")" = "$local_ranking" ] || fail "local shards rank '$q' differently"
done
"$build/searcher/fahras-search" "${remote[@]}" --json Huawei | grep -q 'هواوي' || fail "synonyms over remote shards"
suggestion=$("$build/searcher/fahras-search" "${remote[@]}" --json الصنيية || true)  # no hits: exit 1
grep -q '"suggestion":"الصينيه"' <<< "$suggestion" || fail "spelling over remote shards: $suggestion"
echo "e2e.shards: ok"
