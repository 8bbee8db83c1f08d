#!/usr/bin/env bash
# End-to-end test of fahras-analyze on the corpus's own sentences.
# Usage: analyze.sh FAHRAS_ANALYZE CORPUS_DIR
set -euo pipefail
bin=$1 corpus=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

# A real corpus line through standard input: offsets index into the file line.
line=$(sed -n 1p "$corpus/000_0fdb8642d30cb6d2.txt")
out=$(printf '%s' "$line" | "$bin")
[ "$(printf '%s\n' "$out" | head -1)" = "$(printf 'وافقت\tوافقت\tوافقت\t0-10')" ] || fail "first token: $(printf '%s\n' "$out" | head -1)"
# (grep -q reads here-strings, not pipes: under pipefail, a writer cut off by
# grep's early exit would fail the check.)
grep -qP '^الصينية\tالصينيه\tصين\t' <<< "$out" || fail "الصينية not stemmed to صين"
grep -qP '^على\tعلي\t\(stop\)\t' <<< "$out" || fail "على not shown as a stop word"
grep -qP '^H200\th200\th200\t' <<< "$out" || fail "H200 not kept"
# Every start-end range cuts exactly the original word out of the input.
while IFS=$'\t' read -r original normalized stem range; do
  start=${range%-*} end=${range#*-}
  cut=$(printf '%s' "$line" | tail -c +$((start + 1)) | head -c $((end - start)))
  [ "$cut" = "$original" ] || fail "range $range gives '$cut', not '$original'"
done <<< "$out"

# Arguments, vocalized text, Arabic-Indic digits and Latin with a proclitic.
out=$("$bin" 'الْكِتَابُ ٢٠٢٦ وAlibaba')
[ "$out" = "$(printf 'الْكِتَابُ\tالكتاب\tكتاب\t0-20\n٢٠٢٦\t2026\t2026\t21-29\nوAlibaba\tوalibaba\talibaba\t30-39')" ] || fail "arguments: $out"

# Invalid UTF-8 is analyzed, not fatal.
grep -q 'بكين' <<< "$(printf 'الصين \xff\xfe بكين' | "$bin")" || fail "invalid UTF-8"
grep -q 'Usage' <<< "$("$bin" --help)" || fail "--help"
echo "e2e.analyze: ok"
