#!/usr/bin/env bash
# Documents in every format, made from real text by producers the tests do
# not use, measured beside the same text as UTF-8 .txt: indexing rate
# (passages/s, MB/s of the files), peak RSS, and known-item MRR@10 (a 3-5
# word fragment of a paragraph, typed without marks, must find its document).
#
# Text: the first N/2 statutes of legal/ and N/2 Wikipedia articles of
# arwiki/ over 3 kB (../shared/corpora). Producers: pandoc (DOCX, ODT, EPUB,
# HTML, Markdown, from an HTML page made of the text: first line the <h1>,
# each other line a <p>), cairo with Pango (PDF, as GTK applications print:
# bench/cairo_pdf.py), LibreOffice (PDF of pandoc's DOCX), WeasyPrint (PDF
# of the HTML page), iconv (Windows-1256, UTF-16). Known items:
# bench/make_known_items over the .txt folder (seed 42), judged against the
# document in each format (FILE:*).
# Usage: formats.sh BUILD_DIR [SHARED_DIR] [DOCUMENTS] [WORK_DIR]
set -euo pipefail
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
shared=$(cd "${2:-$here/../../shared}" && pwd)
count=${3:-60}
work=${4:-$(mktemp -d)}
mkdir -p "$work"
for tool in pandoc weasyprint soffice iconv python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "formats.sh needs $tool (make -f Makefile.dist bench-deps)" >&2; exit 2; }
done

src=$work/txt
if [ ! -d "$src" ]; then
  mkdir -p "$src.tmp"
  legal=("$shared/corpora/legal"/*.txt)
  cp "${legal[@]:0:$((count / 2))}" "$src.tmp/"
  find "$shared/corpora/arwiki" -name '*.txt' -size +3k | sort > "$work/wiki-files"
  mapfile -t wiki < "$work/wiki-files"
  cp "${wiki[@]:0:$((count / 2))}" "$src.tmp/"
  mv "$src.tmp" "$src"
fi

make_format() {  # make_format NAME: WORK/NAME/ holds every document in that format
  local name=$1 dir=$work/$1
  [ -d "$dir" ] && return
  mkdir -p "$dir.tmp"
  for f in "$src"/*.txt; do
    local base; base=$(basename "$f" .txt)
    local page=$work/html-source/$base.html
    case $name in
      txt) cp "$f" "$dir.tmp/" ;;
      windows-1256) iconv -f UTF-8 -t WINDOWS-1256//TRANSLIT "$f" > "$dir.tmp/$base.txt" 2>/dev/null || true ;;
      utf-16) iconv -f UTF-8 -t UTF-16 "$f" > "$dir.tmp/$base.txt" ;;
      pdf-cairo) /usr/bin/python3 "$here/cairo_pdf.py" "$f" "$dir.tmp/$base.pdf" ;;
      pdf-weasyprint) weasyprint -q "$page" "$dir.tmp/$base.pdf" 2>/dev/null ;;
      pdf-libreoffice)
        pandoc -f html "$page" -o "$work/lo-source.docx"
        HOME=$work timeout 300 soffice --headless --convert-to pdf --outdir "$work/lo" \
          "$work/lo-source.docx" >/dev/null 2>&1
        mv "$work/lo/lo-source.pdf" "$dir.tmp/$base.pdf" ;;
      html) pandoc -s -f html -t html --metadata title="$(head -1 "$f")" "$page" -o "$dir.tmp/$base.html" ;;
      md) pandoc -f html -t markdown "$page" -o "$dir.tmp/$base.md" ;;
      *) pandoc -f html "$page" -o "$dir.tmp/$base.$name" ;;
    esac
  done
  mv "$dir.tmp" "$dir"
}

if [ ! -d "$work/html-source" ]; then
  mkdir -p "$work/html-source.tmp"
  python3 - "$src" "$work/html-source.tmp" <<'PY'
import html, os, sys
src, out = sys.argv[1], sys.argv[2]
for name in sorted(os.listdir(src)):
    lines = [l.strip() for l in open(os.path.join(src, name), encoding="utf-8") if l.strip()]
    title = html.escape(lines[0])
    body = "\n".join("<p>%s</p>" % html.escape(l) for l in lines[1:])
    with open(os.path.join(out, name[:-4] + ".html"), "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8">'
                '<title>%s</title><style>body{font-family:"Noto Naskh Arabic",serif}</style>'
                '</head><body>\n<h1>%s</h1>\n%s\n</body></html>\n' % (title, title, body))
PY
  mv "$work/html-source.tmp" "$work/html-source"
fi

"$build/bench/make_known_items" --seed 42 --count 300 --prefix k \
  --queries "$work/known.tsv" --qrels "$work/known-lines.qrels" "$src" >/dev/null

printf '%-13s %-12s %5s %7s %8s %7s %10s %6s %8s %7s\n' format producer files MB passages seconds passages/s MB/s "RSS MB" MRR@10
for format in txt windows-1256 utf-16 md html pdf-cairo pdf-libreoffice pdf-weasyprint docx odt epub; do
  make_format "$format"
  case $format in
    txt) producer=- ;; windows-1256|utf-16) producer=iconv ;; pdf-*) producer=${format#pdf-} ;;
    *) producer=pandoc ;;
  esac
  ext=$format
  case $format in windows-1256|utf-16) ext=txt ;; pdf-*) ext=pdf ;; esac
  dir=$work/$format db=$work/$format.db
  rm -rf "$db"
  /usr/bin/time -f '%e %M' -o "$work/time" "$build/indexer/fahras-index" -q --json --threads 2 \
    --no-compact --db "$db" "$dir" > "$work/report.json" 2>/dev/null || true
  read -r seconds rss_kb < "$work/time"
  passages=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["passages_written"])' "$work/report.json")
  bytes=$(du -cb "$dir"/* | tail -1 | cut -f1)
  files=$(ls "$dir" | wc -l)
  # The known items judged against the document as this format names it.
  awk -v ext="$ext" '{ sub(/\.txt:[0-9]+$/, "." ext ":*", $3); print }' "$work/known-lines.qrels" > "$work/known-$format.qrels"
  mrr=$("$build/searcher/fahras-search" --db "$db" --eval "$work/known.tsv" "$work/known-$format.qrels" |
        awk '$1 == "overall" { print $4 }')
  python3 - "$format" "$producer" "$files" "$bytes" "$passages" "$seconds" "$((rss_kb / 1024))" "$mrr" <<'PY'
import sys
f, producer, files, size, passages, seconds, rss, mrr = sys.argv[1:]
size, passages, seconds = int(size), int(passages), max(float(seconds), 0.01)
print("%-13s %-12s %5s %7.2f %8d %7.2f %10.0f %6.2f %8s %7s" % (
    f, producer, files, size / 1e6, passages, seconds, passages / seconds, size / 1e6 / seconds, rss, mrr))
PY
done
