# Sourced by the benchmark drivers: a work directory removed on exit, the
# Lucene 4.10 peer compiled into it ($lucene runs it), and measured(), which
# runs a command keeping its stdout, then prints its peak resident memory.
# Needs $here (the bench directory).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jars=$(ls /usr/share/java/lucene-{core,analyzers-common,queryparser,highlighter,queries,memory}-4.10.4.jar | paste -sd:)
javac -nowarn -d "$work/classes" -cp "$jars" "$here/lucene/LuceneBench.java"
lucene=(java -Xmx2g -cp "$work/classes:$jars" LuceneBench)
measured() { /usr/bin/time -f "peak_rss_kib=%M" -o "$work/time.txt" "$@"; cat "$work/time.txt"; }
