#!/usr/bin/env bash
# Runs the README's commands as a user would, so that the README cannot
# drift from the programs: the block under "Index your own documents"
# (index a folder of documents, search it, serve it) on a copy of
# tests/data/documents, the watcher and service of "Serve", the first
# command of "Install" (make ... search), and the Python example, with paths
# made temporary (build/ -> BUILD_DIR, ~/my-documents and the indexes under a
# scratch folder, the service on a free port). The other command of
# "Install", make ... test, is CI's own.
# Usage: readme_commands.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 source=$2
work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# block HEADING LANGUAGE: the first fenced block of LANGUAGE after the
# heading, without the indentation of its fence (a block inside a list item)
block() {
  awk -v heading="$1" -v fence="\`\`\`$2" '
    $0 == heading { found = 1; next }
    found && !inside { line = $0; sub(/^ +/, "", line)
                       if (line == fence) { inside = 1; indent = length($0) - length(line); next } }
    inside { line = $0; sub(/^ +/, "", line); if (line ~ /^```/) exit; print substr($0, indent + 1) }' \
    "$source/README.md"
}

mkdir "$work/home"
cp -r "$source/tests/data/documents" "$work/home/my-documents"
commands=$(block "## Index your own documents" sh)
[ "$(wc -l <<< "$commands")" = 3 ] || fail "the block changed: $commands"
cd "$work"
while IFS= read -r line; do
  line=${line%%#*}
  line=${line//build\//$build/}
  line=${line//\~\/my-documents/$work/home/my-documents}
  case $line in
    *fahras-serve*)
      eval "exec $line --port 0" > "$work/serve.out" 2>&1 &  # exec: $! is the server
      server=$!
      for _ in $(seq 50); do grep -q listening "$work/serve.out" && break; sleep 0.1; done
      url=$(grep -o 'http://[0-9.:]*' "$work/serve.out") || fail "serve: $(cat "$work/serve.out")"
      # The page is read whole before it is matched: under pipefail, grep -q
      # closing the pipe at its first match would fail curl (SIGPIPE).
      page=$(curl -s "$url/?q=%D9%86%D8%B8%D8%A7%D9%85") || fail "serve: curl failed"
      grep -q 'class="hit"' <<< "$page" || fail "the served page shows no hit: $(head -c 600 <<< "$page")"
      ;;
    *fahras-index*)
      status=0; eval "$line" > "$work/index.out" 2>&1 || status=$?
      [ "$status" -le 1 ] || fail "$line: exit $status: $(cat "$work/index.out")"
      grep -q 'added' "$work/index.out" || fail "$line: $(cat "$work/index.out")"
      ;;
    *fahras-search*)
      eval "$line" > "$work/search.out" 2>&1 || fail "$line: $(cat "$work/search.out")"
      grep -q '^statute' "$work/search.out" || fail "the statute is not found: $(cat "$work/search.out")"
      ;;
    *) fail "a command the test does not know: $line" ;;
  esac
done <<< "$commands"

# "Serve": the watcher and the service started together on corpus/.
cp -r "$source/corpus" "$work/corpus"
serve_block=$(block "## Serve: the search page and the API" sh)
[ "$(wc -l <<< "$serve_block")" = 2 ] || fail "the Serve block changed: $serve_block"
watch_line=$(sed -n 1p <<< "$serve_block"); serve_line=$(sed -n 2p <<< "$serve_block")
watch_line=${watch_line//build\//$build/}; watch_line=${watch_line% &}
serve_line=${serve_line%%#*}; serve_line=${serve_line//build\//$build/}
[[ $watch_line == *"--watch corpus" ]] || fail "the watch line changed: $watch_line"
kill "$server"; wait "$server" 2>/dev/null || true; server=
eval "exec $watch_line" 2> "$work/watch.log" &
watcher=$!
trap 'kill $watcher 2>/dev/null || true; wait $watcher 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 100); do grep -q 'first run' "$work/watch.log" && break; sleep 0.1; done
eval "exec $serve_line --port 0" > "$work/serve2.out" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q listening "$work/serve2.out" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/serve2.out") || fail "serve: $(cat "$work/serve2.out")"
# The service follows the index the watcher writes (and may compact): a hit
# within 5 s.
hit=
for _ in $(seq 50); do
  page=$(curl -s "$url/?q=H200") && grep -q 'class="hit"' <<< "$page" && { hit=1; break; }
  sleep 0.1
done
[ -n "$hit" ] || fail "the watched index served no hit: $(cat "$work/watch.log" "$work/serve2.out")"

# "Install": the first command, into a scratch index.
out=$(make -s -C "$source" -f Makefile.dist search Q='H200 الصين موافقة' BUILD="$build" \
      DB="$work/make.db" 2>/dev/null | grep '\.txt:' | head -1)
[[ $out == 004_14b02d1ffb8d8581.txt:6:* ]] || fail "make search: $out"

# The Python example, on the index of corpus/ the watcher keeps (fahras.db,
# as the example names it).
block "## Use it from C++ and Python" python > "$work/example.py"
[ -s "$work/example.py" ] || fail "no Python example in the README"
out=$(cd "$work" && PYTHONPATH="$build/python" python3 example.py) || fail "the Python example failed"
grep -q '^004_14b02d1ffb8d8581.txt 6 ' <<< "$out" || fail "the Python example's search: $out"
grep -q '^الوراقين True$' <<< "$out" || fail "the Python example's notes: $out"
# Every other make target the README names exists and would run (a dry
# run: the benchmarks take minutes to hours, test is CI's own run).
for target in $(grep -o 'make -f Makefile.dist [a-z-]*' "$source/README.md" | awk '{print $4}' | sort -u); do
  make -n -C "$source" -f Makefile.dist "$target" BUILD="$build" PREFIX="$work/prefix" \
    > "$work/dry.out" 2>&1 || fail "make $target: $(tail -3 "$work/dry.out")"
done
echo "readme_commands: ok"
