#!/usr/bin/env bash
# End-to-end test of documents as users keep them: a folder of every format
# fahras-index reads (PDF from LibreOffice and Chromium, DOCX, ODT, EPUB,
# HTML, Markdown, text in Windows-1256 and UTF-16) is indexed with nothing to
# configure, and a paragraph of each is found by words typed as a person
# types them, shown at its page or chapter; documents that cannot be read
# (encrypted, scanned, damaged, not a ZIP, a zip bomb, 10 MB of script) are
# skipped or read with the reason and lose nothing; an edited document is
# re-indexed and nothing else is.
# Usage: documents.sh BUILD_DIR DOCUMENTS_DIR
set -euo pipefail
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND exited $?" >&2' ERR
build=$1 documents=$2
index=$build/indexer/fahras-index search=$build/searcher/fahras-search
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir "$work/docs"
cp "$documents"/*.pdf "$documents"/*.docx "$documents"/*.odt "$documents"/*.epub \
   "$documents"/*.txt "$work/docs/"
cp "$documents/source/statute.html" "$work/docs/statute.html"
cat > "$work/docs/statute.md" <<'MD'
# نظام التأمينات الاجتماعية

لا يجوز للمؤسسة أن تطالب **بالاشتراكات** بعد انقضاء عشر سنوات على استحقاقها، إلا إذا ثبت أن
صاحب العمل قد أخفى بيانات العمال أو أجورهم عمدا.
MD
head -c 3000 "$documents/statute-chromium.pdf" > "$work/docs/damaged.pdf"
echo 'نص عادي سمي باسم مستند وورد' > "$work/docs/fake.docx"
# A Word document whose body inflates to 300 MB of spaces.
python3 - "$work/docs/bomb.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        block = b" " * (1 << 20)
        for _ in range(300):
            f.write(block)
PY
# A page of 10 MB of script and a paragraph.
python3 - "$work/docs/scripted.html" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("<html><head><title>صفحة مثقلة</title><script>")
    f.write("var كلمةالنص = 1;\n" * 500000)
    f.write("</script></head><body><p>فقرة ظاهرة عن مطحنة الورق.</p></body></html>")
PY

status=0
"$index" -q --json --db "$work/db" "$work/docs" > "$work/report.json" 2> "$work/stderr" || status=$?
[ "$status" = 1 ] || fail "exit status $status, wanted 1 (files skipped): $(cat "$work/stderr")"
report=$(cat "$work/report.json")
for f in statute-libreoffice.pdf statute-chromium.pdf book-libreoffice.pdf book-chromium.pdf \
         statute.docx book.docx statute.odt book.odt book.epub statute.html statute.md \
         statute-windows-1256.txt statute-utf16.txt scripted.html; do
  grep -q "\"$f\"" <<< "$report" || fail "$f not in the report: $report"
done
python3 - "$work/report.json" <<'PY' || fail "report: $report"
import json, sys
r = json.load(open(sys.argv[1]))
added = set(r["added"])
skipped = {s["file"]: s["reason"] for s in r["skipped"]}
for name in ["statute-libreoffice.pdf", "book.epub", "statute.docx", "statute.odt", "statute.md",
             "scripted.html", "statute-utf16.txt", "statute-windows-1256.txt"]:
    assert name in added, name
assert "encrypted" in skipped["encrypted.pdf"], skipped
assert skipped["scanned.pdf"] == "no text: scanned image?", skipped
assert skipped["damaged.pdf"].startswith("not a readable PDF"), skipped
assert skipped["fake.docx"].startswith("not a ZIP archive"), skipped
assert "zip bomb" in skipped["bomb.docx"], skipped
assert r["encodings"]["statute-windows-1256.txt"] == "windows-1256", r["encodings"]
assert r["encodings"]["statute-utf16.txt"].startswith("UTF-16"), r["encodings"]
PY

# hits QUERY: "FILE:PLACE" of every hit, one per line
hits() { "$search" --db "$work/db" -n 50 "$1" | cut -d' ' -f1; }
# A paragraph of each format, typed without hamza seats or ta marbuta.
found=$(hits '"انقضاء عشر سنوات" للمؤسسه')
for where in statute-libreoffice.pdf:p1:4: statute-chromium.pdf:p1:4: statute.docx:5: statute.odt:5: \
             statute.html:6: statute.md:3: statute-windows-1256.txt: statute-utf16.txt:; do
  grep -q "^$where" <<< "$found" || fail "'انقضاء عشر سنوات' does not find $where: $found"
done
# LibreOffice writes this font's lam-alef backwards inside words: خلال still finds it.
grep -q '^statute-dejavu.pdf:p1:1:' <<< "$(hits 'خلال خمسة عشر يوما')" ||
  fail "'خلال' does not find the DejaVu PDF: $(hits 'خلال خمسة عشر يوما')"
found=$(hits '"سوق الوراقين" ازدهر')
for where in book-libreoffice.pdf:p3:2: book-chromium.pdf:p3:2: book.epub:c2:2: book.docx:6: book.odt:6:; do
  grep -q "^$where" <<< "$found" || fail "'سوق الوراقين' does not find $where: $found"
done
grep -q '"place":"c2:2"' <<< "$("$search" --db "$work/db" --json '"سوق الوراقين" ازدهر')" ||
  fail "JSON lacks the place"
[ "$(hits 'مطحنه')" != "" ] || fail "the paragraph after 10 MB of script is not found"
[ -z "$(hits 'كلمةالنص')" ] || fail "a word of a script is found"
[ -z "$(hits 'file')" ] || fail "Chromium's footer (the file URL) is found: $(hits file)"

# An edited document is re-indexed, and nothing else is.
sleep 1
cp "$work/docs/statute.docx" "$work/docs/book.docx"
"$index" -q --json --db "$work/db" "$work/docs" > "$work/report.json" 2> /dev/null || true
python3 - "$work/report.json" <<'PY' || fail "after an edit: $(cat "$work/report.json")"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["updated"] == ["book.docx"], r["updated"]
assert r["added"] == [], r["added"]
PY
[ -z "$(hits '"سوق الوراقين" ازدهر' | grep '^book.docx')" ] || fail "book.docx still holds its old text"
grep -q '^book.docx:5:' <<< "$(hits '"انقضاء عشر سنوات"')" || fail "book.docx's new text is not found"
# The reading view and the original file, through fahras-serve: ids only,
# never paths; a PDF replaced by a link out of its folder is not served.
source "$(dirname "$0")/http_expect.sh"
"$build/server/fahras-serve" --db "$work/db" --port 0 --threads 2 > "$work/serve.out" 2>&1 &
serve_pid=$!
trap 'kill $serve_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -q 'http://' "$work/serve.out" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/serve.out") || fail "fahras-serve did not start: $(cat "$work/serve.out")"
q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("سوق الوراقين"))')
expect 200 'class="passage hit target" id="L6" data-place="p3:2"' "$url/read?id=book-chromium.pdf&q=$q&line=6"
grep -q 'href="/original?id=book-chromium.pdf#page=3"' "$work/body" || fail "no link to the original page"
expect 200 'data-place="c2:2"' "$url/read?id=book.epub&q=$q&line=6"
! grep -q 'class="original"' "$work/body" || fail "an EPUB offers an original PDF"
[ "$(status "$work/original.pdf" "$url/original?id=book-chromium.pdf")" = 200 ] || fail "no original"
cmp -s "$work/original.pdf" "$work/docs/book-chromium.pdf" || fail "the original differs from the file"
for id in ../../etc/passwd /etc/passwd %2Fetc%2Fpasswd ..%2Fdocuments.sh book.epub statute.odt \
          missing.pdf encrypted.pdf; do
  [ "$(status "$work/body" "$url/original?id=$id")" = 404 ] || fail "/original?id=$id is served"
done
[ "$(status "$work/body" "$url/read?id=..%2F..%2Fetc%2Fpasswd")" = 404 ] || fail "/read of a path"
[ "$(status "$work/body" "$url/read?id=book.epub&line=x")" = 400 ] || fail "/read with a bad line"
ln -sf /etc/passwd "$work/docs/book-libreoffice.pdf.tmp" && mv "$work/docs/book-libreoffice.pdf.tmp" "$work/docs/book-libreoffice.pdf"
[ "$(status "$work/body" "$url/original?id=book-libreoffice.pdf")" = 404 ] || fail "a link out of the folder is served"
echo "documents: ok"
