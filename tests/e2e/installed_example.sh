#!/usr/bin/env bash
# Installs Fahras into a temporary prefix, builds examples/ against it with
# find_package(Fahras), and runs the example; checks the installed systemd
# units, synonyms and man pages, then uninstalls.
# Usage: installed_example.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cmake --install "$build" --prefix "$work/prefix" >/dev/null
[ -f "$work/prefix/include/fahras/fahras.h" ] || fail "header not installed"
[ -f "$work/prefix/share/fahras/synonyms.csv" ] || fail "the default synonyms not installed"
for program in fahras-index fahras-search fahras-serve fahras-analyze; do
  grep -q '^\.SH OPTIONS' "$work/prefix/share/man/man1/$program.1" || fail "no man page for $program"
done
ls "$work"/prefix/lib*/cmake/Fahras/FahrasConfig.cmake >/dev/null || fail "package config not installed"
cmake -S "$source/examples" -B "$work/example" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null || fail "configure"
cmake --build "$work/example" -j2 >/dev/null || fail "build"
out=$(LD_LIBRARY_PATH="$(dirname "$(ls "$work"/prefix/lib*/libfahras.so)")" "$work/example/news_search" "$work/db")
echo "$out"
grep -q '^Nvidia: [1-9]' <<< "$out" || fail "Nvidia found nothing"
grep -q 'news-1:2 .*<b>الصينية</b>' <<< "$out" || fail "vocalized query not highlighted"
grep -q '^Huang: [1-9]' <<< "$out" || fail "Huang found nothing"
grep -q '^replaced: 1' <<< "$out" || fail "replace"
grep -q '^index reads through mappings: [1-9]' <<< "$out" || fail "Fahras::mapped_reads not in effect"
grep -q '^removed: 1 0' <<< "$out" || fail "remove"
grep -qE '^compacted: [0-9]+ -> [0-9]+ bytes; then written: 1 1$' <<< "$out" || fail "compact, then write"
before=$(sed -n 's/^compacted: \([0-9]*\) -> .*/\1/p' <<< "$out")
after=$(sed -n 's/^compacted: [0-9]* -> \([0-9]*\) bytes.*/\1/p' <<< "$out")
[ "$after" -lt "$before" ] || fail "compaction did not shrink the index: $before -> $after"
[ ! -e "$work/db.compacting" ] || fail "compaction left its copy"
# The example systemd units name the installed programs and pass systemd's check.
for unit in fahras-serve fahras-index-watch; do
  file=$work/prefix/share/fahras/systemd/$unit.service
  [ -f "$file" ] || fail "$unit.service not installed"
  grep -q "^ExecStart=$work/prefix/bin/" "$file" || fail "$unit.service does not run the installed program"
done
grep -q -- '--token-file ${CREDENTIALS_DIRECTORY}/token' "$work/prefix/share/fahras/systemd/fahras-serve.service" ||
  fail "fahras-serve.service does not read its token from a file"
if command -v systemd-analyze >/dev/null; then
  verdict=$(cd "$work" && systemd-analyze verify "$work"/prefix/share/fahras/systemd/*.service 2>&1) ||
    fail "systemd-analyze verify: $verdict"
  [ -z "$verdict" ] || fail "systemd-analyze verify: $verdict"
else
  echo "systemd-analyze not installed: units not verified"
fi
# The Python module, installed into the prefix's site path, finds the library.
module=$(ls "$work"/prefix/lib*/python3*/dist-packages/fahras*.so)
out=$(cd "$work" && PYTHONPATH="$(dirname "$module")" python3 -c '
import fahras, sys
with fahras.Index(sys.argv[1], writable=True) as index:
    index.put("p1", "وافقت الصين على شحنة جديدة من الرقائق")
    index.commit()
    print(index.search("الرقائق")["hits"][0]["file"])' "$work/python.db")
[ "$out" = p1 ] || fail "the installed Python module: $out"
# Uninstalling removes what was installed, listed in the build's manifest.
make -s -C "$source" -f Makefile.dist uninstall BUILD="$build" >/dev/null
left=$(find "$work/prefix" -type f)
[ -z "$left" ] || fail "uninstall left: $left"
echo "e2e.installed_example: ok"
