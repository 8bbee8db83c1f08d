#!/usr/bin/env bash
# Fahras beside Lucene 4.10 (ArabicAnalyzer + BM25), in one run, on the same
# synthetic passages and queries. Prints one line per measurement and ratios.
# Usage: run_benchmarks.sh BUILD_DIR [PASSAGES...]   (default: 10000 100000)
set -euo pipefail
build=$(cd "$1" && pwd); shift
sizes=("${@:-10000 100000}")
[ $# -gt 0 ] || sizes=(10000 100000)
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lucene_peer.sh"

echo "== analysis chain (per word and MB/s), beside Xapian's Snowball arabic"
"$build/bench/bench_analysis" --benchmark_min_time=0.3 2>/dev/null | grep BM_

for n in "${sizes[@]}"; do
  files=$((n / 10))
  corpus="$work/corpus-$n"
  "$build/bench/make_corpus" --from "$here/../corpus" --out "$corpus" --passages "$n" --files "$files" \
    --seed 42 --queries "$work/queries-$n.txt" --query-count 1000
  bytes=$(find "$corpus" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  echo "== $n passages in $files files ($((bytes / 1000000)) MB)"
  start=$(date +%s.%N)
  measured "$build/indexer/fahras-index" -q --db "$work/fahras-$n" "$corpus" | tail -3
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  printf 'fahras-index passages=%d seconds=%.2f passages_per_s=%.0f mb_per_s=%.2f index_mb=%d\n' \
    "$n" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$bytes / 1000000 / $secs" | bc -l)" \
    "$(( $(du -sb "$work/fahras-$n" | cut -f1) / 1000000 ))"
  measured "${lucene[@]}" index "$work/lucene-$n" "$corpus"
  echo "lucene index_mb=$(( $(du -sb "$work/lucene-$n" | cut -f1) / 1000000 ))"
  # One file of the corpus changes; the incremental run redoes only it.
  one=$(find "$corpus" -name '*.txt' | sort | sed -n 1p)
  echo "نص جديد عن الصين وإنفيديا" >> "$one"
  start=$(date +%s.%N)
  "$build/indexer/fahras-index" -q --db "$work/fahras-$n" "$corpus"
  printf 'fahras-index incremental: 1 of %d files changed, seconds=%.3f\n' "$files" "$(echo "$(date +%s.%N) - $start" | bc)"
  "$build/bench/bench_search" --db "$work/fahras-$n" --queries "$work/queries-$n.txt" --stages
  "${lucene[@]}" search "$work/lucene-$n" "$work/queries-$n.txt"
  "${lucene[@]}" search "$work/lucene-$n" "$work/queries-$n.txt" --no-highlight
done

echo "== HTTP /search under load (wrk, 8 connections, 10 s, last corpus)"
"$here/bench_http.sh" "$build" "$work/fahras-${sizes[-1]}" "$work/queries-${sizes[-1]}.txt" 10 8
