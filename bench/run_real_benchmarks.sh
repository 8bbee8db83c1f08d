#!/usr/bin/env bash
# Fahras beside Lucene 4.10 (ArabicAnalyzer, BM25, text stored, highlighted
# fragments) and plain Xapian (TermGenerator + Snowball arabic, tuned bulk
# build), in one run, on real text: the Wikipedia collection (arcd/ + arwiki/
# of ../shared/corpora, the ARCD evaluation collection) and the statutes
# (legal/). Queries: the ARCD questions (../shared/eval/arcd-dev) on the
# Wikipedia collection, and 2-4 word keyword queries drawn from each
# collection's own paragraphs (keyword_queries.awk, seed 42), whole
# Wikipedia paragraphs pasted as queries, and Latin words of Wikipedia three
# at a time.
# Reports passages/s, MB/s, peak RSS, index bytes (per Xapian table), and
# query p50/p90/p99/max for the first (cold-cache) pass and warm passes, with
# the stages of the slowest 1% of Fahras's searches; fahras-serve under wrk
# on the Wikipedia index (bench_http.sh: right after start, warm, while
# documents are posted).
# Usage: run_real_benchmarks.sh BUILD_DIR [SHARED_DIR]   (default: ../shared)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
shared=$(cd "${2:-$here/../../shared}" && pwd)
corpora=$shared/corpora
[ -d "$corpora/arwiki" ] || { echo "run_real_benchmarks: no $corpora/arwiki" >&2; exit 2; }
source "$here/lucene_peer.sh"
mb() { echo $(( $(du -sb "$1" | cut -f1) / 1000000 )); }
tables() { (cd "$1" && for t in *.glass; do printf '%s=%dMB ' "${t%.glass}" $(( $(stat -c %s "$t") / 1000000 )); done; echo); }

bench_collection() {
  local name=$1; shift
  local queries=("$@")
  local roots=("${roots[@]}")
  local bytes passages
  bytes=$(find "${roots[@]}" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  echo "== $name: ${roots[*]##*/} ($((bytes / 1000000)) MB)"
  local start secs
  start=$(date +%s.%N)
  measured "$build/indexer/fahras-index" -q --db "$work/fahras-$name" "${roots[@]}" | tail -3
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  passages=$(xapian-delve "$work/fahras-$name" | sed -n 's/^number of documents = //p')
  printf 'fahras-index passages=%d seconds=%.2f passages_per_s=%.0f mb_per_s=%.2f index_mb=%d\n' \
    "$passages" "$secs" "$(echo "$passages / $secs" | bc -l)" "$(echo "$bytes / 1000000 / $secs" | bc -l)" \
    "$(mb "$work/fahras-$name")"
  echo "fahras tables: $(tables "$work/fahras-$name")"
  XAPIAN_FLUSH_THRESHOLD=2000 measured "$build/bench/plain_xapian_index" --db "$work/xapian-$name" "${roots[@]}"
  echo "plain-xapian index_mb=$(mb "$work/xapian-$name") (compacted: $(xapian-compact "$work/xapian-$name" "$work/xapian-$name.c" >/dev/null && mb "$work/xapian-$name.c"))"
  measured "${lucene[@]}" index "$work/lucene-$name" "${roots[@]}"
  echo "lucene index_mb=$(mb "$work/lucene-$name")"
  for q in "${queries[@]}"; do
    echo "-- queries: ${q##*/} ($(wc -l < "$q"))"
    "$build/bench/bench_search" --db "$work/fahras-$name" --queries "$q" --stages
    "${lucene[@]}" search "$work/lucene-$name" "$q"
  done
}

echo "== incremental run: 1 file changed among the copies of legal/ and arwiki/"
mkdir -p "$work/inc"
cp -r "$corpora/legal" "$corpora/arwiki" "$work/inc/"
chmod -R u+w "$work/inc"
"$build/indexer/fahras-index" -q --db "$work/inc.db" "$work/inc"
one=$(find "$work/inc" -name '*.txt' | sort | sed -n 1p)
echo "فقرة جديدة عن الأنظمة" >> "$one"
start=$(date +%s.%N)
"$build/indexer/fahras-index" -q --db "$work/inc.db" "$work/inc"
printf 'fahras-index incremental: 1 of %d files changed, seconds=%.3f\n' \
  "$(find "$work/inc" -name '*.txt' | wc -l)" "$(echo "$(date +%s.%N) - $start" | bc)"
rm -rf "$work/inc" "$work/inc.db"

cut -f2 "$shared/eval/arcd-dev/queries.tsv" > "$work/arcd-questions.txt"
awk -v seed=42 -v every=40 -f "$here/keyword_queries.awk" "$corpora"/arwiki/*.txt | head -1000 > "$work/wiki-keywords.txt"
awk -v seed=42 -v every=60 -f "$here/keyword_queries.awk" "$corpora"/legal/*.txt | head -1000 > "$work/legal-keywords.txt"
# Pasted paragraphs (30-200 words, brackets and numbers as written): the
# longest queries users type.
awk 'length > 400 && length < 1200 && FNR % 13 == 0 { print; if (++n == 200) exit }' \
  "$corpora"/arwiki/*.txt > "$work/wiki-paragraphs.txt"
# Names and words in Latin script, three a query (the 101st to 1,100th
# commonest Latin words of 5-12 letters, in a fixed shuffled order): each
# follows its phonetic key into Arabic script, one word or two.
LC_ALL=C grep -ohE '\b[A-Za-z]{5,12}\b' "$corpora"/arwiki/*.txt | LC_ALL=C sort | uniq -c | LC_ALL=C sort -k1,1nr -k2,2 |
  awk 'NR > 100 && NR <= 1100 { print $2 }' | shuf --random-source=<(yes) | paste -d' ' - - - \
  > "$work/wiki-latin.txt"

roots=("$corpora/arcd" "$corpora/arwiki")
bench_collection wiki "$work/arcd-questions.txt" "$work/wiki-keywords.txt" "$work/wiki-paragraphs.txt" \
  "$work/wiki-latin.txt"
# Idle between searches, as a service's requests often come: caches cool.
echo "-- queries: arcd-questions.txt, 1 ms idle before each search"
"$build/bench/bench_search" --db "$work/fahras-wiki" --queries "$work/arcd-questions.txt" --pause-ms 1 |
  sed 's/^fahras-search/fahras-search-idle-1ms/'
"${lucene[@]}" search "$work/lucene-wiki" "$work/arcd-questions.txt" --pause-ms 1 |
  sed 's/^lucene-search/lucene-search-idle-1ms/'
echo "-- fahras-serve, 8 threads, wrk 8 connections, ARCD questions"
"$here/bench_http.sh" "$build" "$work/fahras-wiki" "$work/arcd-questions.txt" 5 8
rm -rf "$work"/{fahras,xapian,lucene}-wiki*
roots=("$corpora/legal")
bench_collection legal "$work/legal-keywords.txt"
