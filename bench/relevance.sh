#!/usr/bin/env bash
# Scores the current build on every development collection at once and prints
# one table (issue: every ranking change is measured on all of them):
#   news dev      tests/data/eval-dev over corpus/ (nDCG@10 is its measure)
#   arcd-dev      585 ARCD questions over arcd/ + arwiki/ (MRR@10, Recall@10)
#   xquad-dev     383 translated XQuAD questions over xquad/ + arwiki/, whose
#                 articles' titles are English: title evidence must not hurt
#   known-wiki    300 fragments of arwiki/ paragraphs, typed without marks
#   known-legal   300 fragments of the statutes (legal/)
#   known-marked  300 fragments of fully marked words (Quranic verses and
#                 classical poetry quoted in arcd/ + arwiki/), typed with marks
# Known-item queries come from bench/make_known_items (seed 42): 3-5
# consecutive words that occur once in their collection, judged against
# their paragraph.
# Usage: relevance.sh BUILD_DIR [SHARED_DIR] [WORK_DIR]
#   (default SHARED_DIR ../shared; WORK_DIR keeps the indexes between runs:
#   they are built again when the indexer is newer than them)
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
shared=$(cd "${2:-$repo/../shared}" && pwd)
work=${3:-$(mktemp -d)}
mkdir -p "$work"
corpora=$shared/corpora
index() {  # index NAME ROOT... : builds WORK/NAME.db unless it is newer than the indexer
  local db=$work/$1.db; shift
  if [ ! -d "$db" ] || [ "$build/indexer/fahras-index" -nt "$db" ]; then
    rm -rf "$db"
    "$build/indexer/fahras-index" -q --db "$db" "$@" >/dev/null
    touch "$db"
  fi
}
index news "$repo/corpus"
index wiki "$corpora/arcd" "$corpora/arwiki"
index xquad "$corpora/xquad" "$corpora/arwiki"
index legal "$corpora/legal"
"$build/bench/make_known_items" --seed 42 --count 300 --prefix w \
  --queries "$work/known-wiki.tsv" --qrels "$work/known-wiki.qrels" "$corpora/arwiki"
"$build/bench/make_known_items" --seed 42 --count 300 --prefix l \
  --queries "$work/known-legal.tsv" --qrels "$work/known-legal.qrels" "$corpora/legal"
"$build/bench/make_known_items" --marked --seed 42 --count 300 --prefix m \
  --queries "$work/known-marked.tsv" --qrels "$work/known-marked.qrels" "$corpora/arcd" "$corpora/arwiki"
score() {  # score NAME DB QUERIES QRELS
  "$build/searcher/fahras-search" --db "$2" --eval "$3" "$4" |
    awk -v name="$1" '$1 == "overall" { printf "%-12s %5d %8s %8s %8s %8s\n", name, $2, $3, $4, $5, $6 }'
}
printf '%-12s %5s %8s %8s %8s %8s\n' collection n nDCG@10 MRR@10 P@5 R@10
score "news dev" "$work/news.db" "$repo/tests/data/eval-dev/queries.tsv" "$repo/tests/data/eval-dev/qrels.txt"
score arcd-dev "$work/wiki.db" "$shared/eval/arcd-dev/queries.tsv" "$shared/eval/arcd-dev/qrels.txt"
score xquad-dev "$work/xquad.db" "$shared/eval/xquad-dev/queries.tsv" "$shared/eval/xquad-dev/qrels.txt"
score known-wiki "$work/wiki.db" "$work/known-wiki.tsv" "$work/known-wiki.qrels"
score known-legal "$work/legal.db" "$work/known-legal.tsv" "$work/known-legal.qrels"
score known-marked "$work/wiki.db" "$work/known-marked.tsv" "$work/known-marked.qrels"
