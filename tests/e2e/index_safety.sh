#!/usr/bin/env bash
# End-to-end test of what fahras-index and fahras-search never do to a
# user's files, and of the messages an unlucky operator gets: a mistyped
# --db, an index inside the corpus, foreign files in an index, posted ids
# that are corpus files', unreadable folders, links out of the corpus, file
# names with control characters, files that are not text, -n 0.
# Usage: index_safety.sh BUILD_DIR CORPUS_DIR
set -euo pipefail
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND exited $?" >&2' ERR
build=$1 corpus=$2
index=$build/indexer/fahras-index search=$build/searcher/fahras-search
work=$(mktemp -d)
chmod 755 "$work"
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# expect_status CODE PATTERN COMMAND...: runs it, checks its exit status and output
expect_status() {
  local code=$1 pattern=$2; shift 2
  local got=0
  "$@" > "$work/out" 2>&1 || got=$?
  [ "$got" = "$code" ] || fail "$* -> exit $got (wanted $code): $(head -c 600 "$work/out")"
  [ -z "$pattern" ] || grep -q -- "$pattern" "$work/out" || fail "$* -> output lacks '$pattern': $(head -c 600 "$work/out")"
}
# tree DIR: every file under DIR with its checksum, to compare before and after
tree() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha1sum); }

cp -r "$corpus" "$work/corpus"
before_corpus=$(tree "$work/corpus")

# 1. A --db that is not an index, or overlaps the corpus, is refused; nothing changes.
mkdir -p "$work/docs/sub"
echo 'تقرير' > "$work/docs/report.odt"
echo 'a,b' > "$work/docs/sub/data.csv"
before_docs=$(tree "$work/docs")
expect_status 2 'is a directory that is not a Fahras index' "$index" -q --db "$work/docs" "$work/corpus"
expect_status 2 'is a directory that is not a Fahras index' "$index" -q --db "$work/docs" --jsonl /dev/null
expect_status 2 ' is the corpus root' "$index" -q --db "$work/corpus" "$work/corpus"
expect_status 2 'lies inside the corpus root' "$index" -q --db "$work/corpus/db" "$work/corpus"
expect_status 2 'contains the corpus root' "$index" -q --db "$work" "$work/corpus"
expect_status 2 'is a directory that is not a Fahras index' \
  bash -c "cd '$work/docs' && '$index' -q --db . '$work/corpus'"
expect_status 2 'is a directory that is not a Fahras index' "$index" -q --shards 2 --db "$work/docs" "$work/corpus"
[ "$(tree "$work/docs")" = "$before_docs" ] || fail "a refused --db changed docs/"
[ "$(tree "$work/corpus")" = "$before_corpus" ] || fail "a refused --db changed the corpus"
[ ! -e "$work/corpus/db" ] || fail "an index was made inside the corpus"

# A foreign file inside an index survives a compaction, which is refused with its name.
expect_status 0 'added' "$index" -q --db "$work/db" "$work/corpus"
echo 'ملاحظاتي' > "$work/db/notes.txt"
expect_status 0 'notes.txt' "$index" -q --compact --db "$work/db" "$work/corpus"
grep -q 'not compacted' "$work/out" || fail "compaction with a foreign file: $(cat "$work/out")"
[ "$(cat "$work/db/notes.txt")" = 'ملاحظاتي' ] || fail "a foreign file in the index was lost"
rm "$work/db/notes.txt"
# A directory of the user's named like a workspace is left alone.
mkdir -p "$work/db.compacting" && echo 'لي' > "$work/db.compacting/mine.txt"
"$index" -q --compact --db "$work/db" "$work/corpus" > "$work/out" 2>&1 || true
[ "$(cat "$work/db.compacting/mine.txt")" = 'لي' ] || fail "a user's db.compacting/ was emptied"
rm -r "$work/db.compacting"

# 2. Posted ids and corpus files never replace one another.
article=000_0fdb8642d30cb6d2.txt
passages() { "$search" --db "$work/db" --json -n 100 -- "$1" | grep -o "\"file\":\"$2\"" | wc -l; }
held=$(passages 'إنفيديا H200' "$article")
[ "$held" -gt 0 ] || fail "the article is not found before the collision"
printf '{"id":"%s","title":"خبر مزور","text":"نص يحل محل المقال."}\n{"id":"posted-1","title":"خبر","text":"كوالكوم تطلق شريحة."}\n' \
  "$article" > "$work/posted.jsonl"
expect_status 1 "the id is a corpus file's" "$index" --db "$work/db" --jsonl "$work/posted.jsonl"
grep -q '1 added' "$work/out" || fail "the other record was not added: $(cat "$work/out")"
[ "$(passages 'إنفيديا H200' "$article")" = "$held" ] || fail "a posted id replaced a corpus article"
expect_status 0 '0 added' "$index" -q --db "$work/db" "$work/corpus"   # the corpus is unchanged
echo 'خبر عن كوالكوم' > "$work/corpus/posted-1"
cp "$work/corpus/posted-1" "$work/corpus/posted-1.txt"
printf '{"id":"posted-1.txt","title":"خبر","text":"كوالكوم تطلق شريحة ثانية."}\n' > "$work/p2.jsonl"
expect_status 0 '1 added' "$index" -q --db "$work/db" --jsonl "$work/p2.jsonl"
expect_status 1 'a posted document holds the id posted-1.txt' "$index" -q --db "$work/db" "$work/corpus"
"$search" --db "$work/db" --json -- 'كوالكوم ثانية' > "$work/out"
grep -q '"file":"posted-1.txt"' "$work/out" ||
  fail "a corpus file replaced a posted document"
rm "$work/corpus/posted-1" "$work/corpus/posted-1.txt"

# 3. A folder that cannot be read keeps its articles (as a user who cannot read it).
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; }
else
  as_user() { "$@"; }
fi
mkdir -p "$work/c3/sub"
cp "$work/corpus/$article" "$work/c3/sub/"
cp "$work/corpus/004_14b02d1ffb8d8581.txt" "$work/c3/"
chmod -R a+rwX "$work/c3"
mkdir "$work/db3" && chmod 777 "$work/db3"
as_user "$index" -q --db "$work/db3" "$work/c3" > "$work/out" 2>&1 || fail "indexing c3: $(cat "$work/out")"
chmod 000 "$work/c3/sub"
if ! as_user test -r "$work/c3/sub"; then
  expect_status 1 'kept as indexed' as_user "$index" --db "$work/db3" "$work/c3"
  grep -q 'cannot read directory' "$work/out" || fail "unreadable folder not named: $(cat "$work/out")"
  grep -q '0 removed' "$work/out" || fail "an unreadable folder's articles were removed: $(cat "$work/out")"
  chmod 755 "$work/c3/sub"
  expect_status 0 '0 removed' as_user "$index" -q --db "$work/db3" "$work/c3"
else
  echo "note: cannot drop privileges here; the unreadable-folder case is not run" >&2
  chmod 755 "$work/c3/sub"
fi

# 9. Links out of the corpus are skipped and named; --follow-links follows them.
mkdir -p "$work/c9" "$work/private"
cp "$work/corpus/$article" "$work/c9/"
echo 'كلمة سر خاصة جدا' > "$work/private/secret.txt"
ln -s "$work/private/secret.txt" "$work/c9/passwd.txt"
ln -s "$work/private" "$work/c9/root"
expect_status 1 'outside the corpus roots' "$index" --db "$work/db9" "$work/c9"
grep -q '1 added' "$work/out" || fail "links out of the corpus were indexed: $(cat "$work/out")"
expect_status 1 '' "$search" --db "$work/db9" -- 'كلمة سر خاصة'
expect_status 0 '2 added' "$index" --follow-links --db "$work/db9" "$work/c9"
# A link loop is named as one.
ln -s "$work/c9/loop1.txt" "$work/c9/loop2.txt" && ln -s "$work/c9/loop2.txt" "$work/c9/loop1.txt"
expect_status 1 'symbolic link loop' "$index" --db "$work/db9" "$work/c9"

# 11. File names with control characters cannot forge output lines; --json keeps their bytes.
mkdir -p "$work/c11"
cp "$work/corpus/$article" "$work/c11/$(printf 'evil\nforged.txt:1: \033[31mred.txt')"
cp "$work/corpus/$article" "$work/c11/$(printf 'latin1-\xe9.txt')"
expect_status 0 'added' "$index" --db "$work/db11" "$work/c11"
"$search" --db "$work/db11" -n 20 -- 'إنفيديا H200' > "$work/out"
grep -q 'evil\\x0aforged.txt:1: \\x1b\[31mred.txt:' "$work/out" || fail "name not escaped: $(head -3 "$work/out")"
! grep -q $'\033' "$work/out" || fail "an escape sequence reached the terminal"
! grep -q '^forged' "$work/out" || fail "a file name forged a line"
"$search" --db "$work/db11" --json -n 20 -- 'إنفيديا H200' > "$work/out"
grep -q '"file_bytes":"latin1-\\\\xe9.txt"' "$work/out" || fail "--json lost a non-UTF-8 name: $(head -c 400 "$work/out")"

# 13. Files that are not text, and the search command's limits.
mkdir -p "$work/c13"
cp "$work/corpus/$article" "$work/c13/"
head -c 200000 /dev/urandom | tr -d '\000' > "$work/c13/random.txt"
expect_status 1 'skipped .*random.txt: not text' "$index" --db "$work/db13" "$work/c13"
expect_status 2 'limit must be at least 1' "$search" --db "$work/db13" -n 0 -- 'إنفيديا'
expect_status 0 'none past --offset 500' "$search" --db "$work/db13" --offset 500 -- 'إنفيديا'
expect_status 1 '' "$search" --db "$work/db13" -- 'كلمةلاتوجد'

# Text in UTF-16 (with a byte order mark or without), Windows-1256 and
# ISO-8859-6 is read as what it says: the same passages as its UTF-8 file.
mkdir -p "$work/c14"
src="$work/corpus/$article"
cp "$src" "$work/c14/utf8.txt"
iconv -f UTF-8 -t CP1256 "$src" > "$work/c14/cp1256.txt"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$src"; } > "$work/c14/utf16bom.txt"
iconv -f UTF-8 -t UTF-16BE "$src" > "$work/c14/utf16be.txt"
expect_status 0 '4 added' "$index" --db "$work/db14" "$work/c14"
grep -q "read as windows-1256: cp1256.txt" "$work/out" || fail "encoding not reported: $(cat "$work/out")"
rm -r "$work/db14"
expect_status 0 '"encodings":{"cp1256.txt":"windows-1256","utf16be.txt":"UTF-16BE","utf16bom.txt":"UTF-16LE"}' \
  "$index" --json --db "$work/db14" "$work/c14"
"$search" --db "$work/db14" --json -n 100 -- 'إنفيديا H200' > "$work/out"
grep -q '"file":"utf8.txt","heading"' "$work/out" || fail "the UTF-8 file is not found"
for f in cp1256 utf16bom utf16be; do
  diff <(grep -o "\"file\":\"utf8.txt\",\"heading\":\"[^\"]*\",\"highlights\":[^]]*]],\"line\":[0-9]*" "$work/out" | sed 's/"file":"utf8.txt"//' | sort) \
       <(grep -o "\"file\":\"$f.txt\",\"heading\":\"[^\"]*\",\"highlights\":[^]]*]],\"line\":[0-9]*" "$work/out" | sed "s/\"file\":\"$f.txt\"//" | sort) >/dev/null ||
    fail "$f.txt does not read as the UTF-8 file"
done

# Markdown: its blocks without syntax, found at their source lines; code,
# raw HTML and link targets never found.
mkdir -p "$work/c15"
printf '# نظام المسؤولية\n\nفقرة عن **التعويض** في [النظام](https://example.com/hidden-target).\n\n```\nكودمخفي = 1\n```\n\n<script>var x = "كلمةمخفية";</script>\n' > "$work/c15/doc.md"
expect_status 0 '1 added' "$index" --db "$work/db15" "$work/c15"
expect_status 0 'doc.md:3: فقرة عن \*\*التعويض\*\* في \*\*النظام\*\*\.$' "$search" --db "$work/db15" -- 'التعويض في النظام'
for hidden in كودمخفي كلمةمخفية hidden-target; do
  expect_status 1 '' "$search" --db "$work/db15" -- "$hidden"
done

# HTML, here saved in Windows-1256: the text a reader sees, block by block;
# never scripts, styles, comments or attribute values.
mkdir -p "$work/c16"
printf '<html><head><meta charset="windows-1256"><title>نظام المسؤولية</title><script>var s = "كلمةسكربت";</script><style>p { content: "كلمةستايل"; }</style></head><body><!-- تعليقمخفي --><h2>الفصل الأول</h2><p>فقرة عن <b>ال</b>تعويض في <a href="x.html" title="سمةمخفية">النظام</a>.</p><ul><li>بند عن الضرر.</li></ul></body></html>\n' |
  iconv -f UTF-8 -t CP1256 > "$work/c16/page.html"
expect_status 0 '1 added' "$index" --db "$work/db16" "$work/c16"
grep -q 'read as windows-1256: page.html' "$work/out" || fail "HTML encoding not reported: $(cat "$work/out")"
expect_status 0 'page.html:3: فقرة عن \*\*التعويض\*\* في \*\*النظام\*\*\.$' "$search" --db "$work/db16" -- 'التعويض في النظام'
for hidden in كلمةسكربت كلمةستايل تعليقمخفي سمةمخفية; do
  expect_status 1 '' "$search" --db "$work/db16" -- "$hidden"
done

# Several folders in one index: a run removes only what vanished under the
# folders it is given; --prune removes the rest; a folder moved hands over.
mkdir -p "$work/fa" "$work/fb"
cp "$work/corpus/000_0fdb8642d30cb6d2.txt" "$work/fa/a1.txt"
cp "$work/corpus/001_721394432df85b15.txt" "$work/fa/a2.txt"
cp "$work/corpus/004_14b02d1ffb8d8581.txt" "$work/fb/b1.txt"
expect_status 0 '2 added' "$index" --db "$work/dbf" "$work/fa"
expect_status 0 '1 added, 0 updated, 0 removed' "$index" --db "$work/dbf" "$work/fb"
grep -q "folders held: $work/fa $work/fb" "$work/out" || fail "folders not reported: $(cat "$work/out")"
found() { "$search" --db "$work/dbf" --json -n 100 -- 'H200 الصين' | grep -o "\"file\":\"[^\"]*\"" | sort -u | tr '\n' ' '; }
[ "$(found)" = '"file":"a1.txt" "file":"a2.txt" "file":"b1.txt" ' ] || fail "two folders: $(found)"
rm "$work/fa/a2.txt"
expect_status 0 '^D a2.txt' "$index" --dry-run --db "$work/dbf" "$work/fa"
! grep -q 'b1.txt' "$work/out" || fail "a dry run over fa/ would remove fb/'s article: $(cat "$work/out")"
expect_status 0 '1 removed' "$index" --db "$work/dbf" "$work/fa"
grep -q '1 article(s) of other folders' "$work/out" || fail "kept articles not reported: $(cat "$work/out")"
[ "$(found)" = '"file":"a1.txt" "file":"b1.txt" ' ] || fail "after a run over fa/: $(found)"
cp "$work/corpus/002_2f2aa2fce6c39f26.txt" "$work/fb/a1.txt"   # fa/ holds a1.txt
expect_status 1 'the article a1.txt from .*fa holds this id' "$index" --db "$work/dbf" "$work/fb"
rm "$work/fb/a1.txt"
mv "$work/fa" "$work/fa-moved"                                     # a folder renamed
expect_status 0 '0 added, 0 updated, 0 removed, 1 unchanged' "$index" --db "$work/dbf" "$work/fa-moved"
expect_status 0 '1 removed' "$index" --prune --db "$work/dbf" "$work/fa-moved"
[ "$(found)" = '"file":"a1.txt" ' ] || fail "after --prune: $(found)"

[ "$(tree "$work/corpus")" = "$before_corpus" ] || fail "the corpus changed"
echo "index safety: ok"
