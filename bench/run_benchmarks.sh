#!/usr/bin/env bash
# How each cost grows with the corpus: Fahras beside Lucene 4.10
# (ArabicAnalyzer + BM25) and plain Xapian (index size), in one run, on
# Markov text trained on ../shared/corpora/{arcd,arwiki,legal} (make_corpus:
# real words at real frequencies) at each size asked (default 100,000 and
# 1,000,000 passages; 3,000,000 where time allows). Per size: indexing rate,
# index size, peak RSS (plain Xapian's rate also with one writer per core,
# merged); the ARCD development questions through the library
# (bench_search, warm passes: p50/p99/max) and Lucene; check_matcher (the
# pruning matcher's top k against Xapian's, question by question); and through
# fahras-serve (bench_http.sh: one connection, then 8, the service's own
# milliseconds from its access log, its RSS with 8 threads).
# Usage: run_benchmarks.sh BUILD_DIR [SHARED_DIR] [PASSAGES...]
# SCALE_KEEP=DIR keeps the generated corpora there between runs (they take
# about 20 s per 100,000 passages to make).
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
shared=$(cd "${2:-$here/../../shared}" && pwd)
shift $(($# < 2 ? $# : 2))
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)
corpora=$shared/corpora
[ -d "$corpora/arwiki" ] || { echo "run_benchmarks: no $corpora/arwiki" >&2; exit 2; }
source "$here/lucene_peer.sh"
keep=${SCALE_KEEP:-$work}
mkdir -p "$keep"
mb() { echo $(( $(du -sb "$1" | cut -f1) / 1000000 )); }
cut -f2 "$shared/eval/arcd-dev/queries.tsv" > "$work/arcd-questions.txt"

echo "== analysis chain (per word and MB/s), beside Xapian's Snowball arabic"
"$build/bench/bench_analysis" --benchmark_min_time=0.3 2>/dev/null | grep BM_

for n in "${sizes[@]}"; do
  corpus="$keep/corpus-$n"
  if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    "$build/bench/make_corpus" --from "$corpora/arcd" --from "$corpora/arwiki" --from "$corpora/legal" \
      --out "$corpus" --passages "$n" --files "$((n / 50))" --seed 7
    touch "$corpus/.complete"
  fi
  bytes=$(find "$corpus" -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  echo "== $n passages in $((n / 50)) files ($((bytes / 1000000)) MB), Markov text of ../shared/corpora"
  start=$(date +%s.%N)
  measured "$build/indexer/fahras-index" -q --db "$work/fahras-$n" "$corpus" | tail -3
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  printf 'fahras-index passages=%d seconds=%.2f passages_per_s=%.0f mb_per_s=%.2f index_mb=%d\n' \
    "$n" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$bytes / 1000000 / $secs" | bc -l)" \
    "$(mb "$work/fahras-$n")"
  XAPIAN_FLUSH_THRESHOLD=2000 measured "$build/bench/plain_xapian_index" --db "$work/xapian-$n" "$corpus" | tail -1
  xapian-compact "$work/xapian-$n" "$work/xapian-$n.c" > /dev/null
  echo "plain-xapian index_mb=$(mb "$work/xapian-$n.c") (compacted)"
  rm -rf "$work/xapian-$n" "$work/xapian-$n.c"
  # Xapian's own way to use every core: one writer per core on consecutive
  # runs of files, merged by xapian-compact (what fahras-index does with its
  # parts); the ceiling for a Xapian 1.4 indexer on this machine.
  cores=$(nproc)
  start=$(date +%s.%N)
  for ((k = 0; k < cores; ++k)); do
    XAPIAN_FLUSH_THRESHOLD=2000 "$build/bench/plain_xapian_index" --db "$work/xapian-$n-part$k" \
      --part "$k" --parts "$cores" "$corpus" > /dev/null &
  done
  wait
  xapian-compact "$work/xapian-$n"-part* "$work/xapian-$n.c" > /dev/null
  secs=$(echo "$(date +%s.%N) - $start" | bc)
  printf 'plain-xapian-parallel writers=%d passages=%d seconds=%.2f passages_per_s=%.0f (merge included)\n' \
    "$cores" "$n" "$secs" "$(echo "$n / $secs" | bc -l)"
  rm -rf "$work/xapian-$n"-part* "$work/xapian-$n.c"
  measured "${lucene[@]}" index "$work/lucene-$n" "$corpus"
  echo "lucene index_mb=$(mb "$work/lucene-$n")"
  "$build/bench/bench_search" --db "$work/fahras-$n" --queries "$work/arcd-questions.txt" --passes 3 --stages
  "${lucene[@]}" search "$work/lucene-$n" "$work/arcd-questions.txt"
  echo "-- the matcher's top 10 and 30 against Xapian's matcher, per question"
  "$build/bench/check_matcher" --db "$work/fahras-$n" --queries "$work/arcd-questions.txt" | tail -5
  echo "-- fahras-serve, 8 threads, ARCD questions"
  "$here/bench_http.sh" "$build" "$work/fahras-$n" "$work/arcd-questions.txt" 10 8
  rm -rf "$work/fahras-$n" "$work/lucene-$n"
done
