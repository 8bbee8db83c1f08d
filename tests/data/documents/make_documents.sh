#!/usr/bin/env bash
# Makes the documents the format readers are tested on (tests/test_documents.cc,
# tests/e2e/documents.sh) from the texts in source/, written for these tests,
# with real producers:
#   LibreOffice 7.4 headless (Debian libreoffice-writer-nogui): NAME.odt,
#     NAME.docx, NAME-libreoffice.pdf, book.epub, encrypted.pdf (password
#     "fahras"), statute-dejavu.pdf (the statute in DejaVu Sans, whose
#     lam-alef LibreOffice writes backwards inside words too), and the text
#     in Windows-1256 and UTF-16 (iconv);
#   Chromium headless print-to-PDF (Debian chromium): NAME-chromium.pdf,
#     book-chromium.pdf with Chromium's own header and footer on every page,
#     scanned.pdf (drawings only: no text layer).
# The fonts are Noto Naskh Arabic (Debian fonts-noto-core).
# Run it from anywhere; it rewrites the documents next to it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work  # LibreOffice's profile, not the user's

lo() { timeout 300 soffice --headless "$@" >/dev/null 2>&1; }
chromium_pdf() {  # SOURCE OUT [header]
  local flags=(--headless --no-sandbox --disable-gpu --user-data-dir="$work/chromium")
  [ "${3:-}" = header ] || flags+=(--no-pdf-header-footer)
  timeout 120 chromium "${flags[@]}" --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
}

for name in statute book; do
  cp "$here/source/$name.html" "$work/"
  lo --infilter="HTML (StarWriter)" --convert-to odt --outdir "$work" "$work/$name.html"
  lo --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/$name.odt"
  lo --convert-to pdf:writer_pdf_Export --outdir "$work/pdf" "$work/$name.odt"
  cp "$work/$name.odt" "$work/$name.docx" "$here/"
  cp "$work/pdf/$name.pdf" "$here/$name-libreoffice.pdf"
done
mkdir -p "$work/dejavu"
sed 's/Noto Naskh Arabic/DejaVu Sans/' "$here/source/statute.html" > "$work/dejavu/statute.html"
lo --infilter="HTML (StarWriter)" --convert-to odt --outdir "$work/dejavu" "$work/dejavu/statute.html"
lo --convert-to pdf:writer_pdf_Export --outdir "$work/dejavu/pdf" "$work/dejavu/statute.odt"
cp "$work/dejavu/pdf/statute.pdf" "$here/statute-dejavu.pdf"
lo --convert-to epub:EPUB --outdir "$work" "$work/book.odt"
cp "$work/book.epub" "$here/"
lo --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"fahras"}}' \
  --outdir "$work/encrypted" "$work/statute.odt"
cp "$work/encrypted/statute.pdf" "$here/encrypted.pdf"
lo --convert-to 'txt:Text (encoded):UTF8' --outdir "$work" "$work/statute.odt"
sed '1s/^\xEF\xBB\xBF//' "$work/statute.txt" | iconv -f UTF-8 -t WINDOWS-1256 > "$here/statute-windows-1256.txt"
sed '1s/^\xEF\xBB\xBF//' "$work/statute.txt" | iconv -f UTF-8 -t UTF-16 > "$here/statute-utf16.txt"

chromium_pdf "$here/source/statute.html" "$here/statute-chromium.pdf"
chromium_pdf "$here/source/book.html" "$here/book-chromium.pdf" header
chromium_pdf "$here/source/scanned.html" "$here/scanned.pdf"
ls -l "$here"
